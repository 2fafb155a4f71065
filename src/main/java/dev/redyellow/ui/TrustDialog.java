package dev.redyellow.ui;

import dev.redyellow.manifest.Manifest;
import dev.redyellow.run.ManifestCommands;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks before the first run of a manifest that runs commands of its own, showing every one of them. */
final class TrustDialog {
    static final ButtonType TRUST = new ButtonType("Trust and run", ButtonBar.ButtonData.OK_DONE);

    private TrustDialog() {
    }

    static Alert of(Window owner, Manifest manifest, List<ManifestCommands.Command> commands) {
        Alert alert = new Alert(Alert.AlertType.WARNING, "", TRUST, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Trust this manifest?");
        alert.setHeaderText(manifest.name() + " runs these commands on this machine");
        TextArea list = new TextArea(commands.stream()
                .map(c -> c.role() + ": " + c.line() + "\n    for " + String.join(", ", c.features()))
                .collect(Collectors.joining("\n")));
        list.setEditable(false);
        list.setPrefRowCount(Math.min(14, commands.size() * 2 + 1));
        list.setPrefColumnCount(70);
        list.getStyleClass().add("mono");
        list.setId("trust-commands");
        alert.getDialogPane().setContent(new VBox(8, new Label(manifest.file() + "\nsha256 " + manifest.contentHash()
                + "\nRun them only if you trust where this manifest came from. The answer is remembered for this exact content."),
                list));
        return alert;
    }
}
