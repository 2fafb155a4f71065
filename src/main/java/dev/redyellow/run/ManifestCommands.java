package dev.redyellow.run;

import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ReviewSettings;
import dev.redyellow.manifest.TestSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a manifest would make this machine run or contact: the argv of its command tests,
 * implementers and reviewers, and the endpoints of its LLM kinds. The app shows these before it
 * trusts a manifest it has not seen; the built-in kinds (junit, replay, auto, manual) run nothing
 * the manifest chose, so they are not listed.
 */
public final class ManifestCommands {

    /**
     * One distinct thing to run.
     *
     * @param role     "test", "mutation" (the command kind's mutation command), "implementer" or "review"
     * @param argv     the command as written (placeholders unexpanded); for an LLM kind
     *                 {@code ["llm", baseUrl, model]}
     * @param features the features that use it, in manifest order
     */
    public record Command(String role, List<String> argv, List<String> features) {
        public Command {
            argv = List.copyOf(argv);
            features = List.copyOf(features);
        }

        /** The argv as one line, for people. */
        public String line() {
            return String.join(" ", argv);
        }
    }

    private ManifestCommands() {
    }

    /** Every distinct command, in the order of first use; empty when the manifest runs only built-in kinds. */
    public static List<Command> of(Manifest manifest) {
        Map<List<Object>, List<String>> users = new LinkedHashMap<>();
        for (Feature f : manifest.features()) {
            add(users, "test", test(f.test()), f.id());
            add(users, "mutation", f.test() instanceof TestSettings.Command c ? c.mutationCommand() : List.of(), f.id());
            add(users, "implementer", implementer(f.implementer()), f.id());
            add(users, "review", review(f.review()), f.id());
        }
        List<Command> commands = new ArrayList<>();
        users.forEach((key, features) -> {
            @SuppressWarnings("unchecked")
            List<String> argv = (List<String>) key.get(1);
            commands.add(new Command((String) key.get(0), argv, features));
        });
        return commands;
    }

    private static void add(Map<List<Object>, List<String>> users, String role, List<String> argv, String feature) {
        if (!argv.isEmpty()) {
            users.computeIfAbsent(List.of(role, argv), k -> new ArrayList<>()).add(feature);
        }
    }

    private static List<String> test(TestSettings settings) {
        return settings instanceof TestSettings.Command c ? c.command() : List.of();
    }

    private static List<String> implementer(ImplementerSettings settings) {
        if (settings instanceof ImplementerSettings.Command c) {
            return c.command();
        }
        if (settings instanceof ImplementerSettings.Llm llm) {
            return List.of("llm", llm.baseUrl(), llm.model());
        }
        return List.of();
    }

    private static List<String> review(ReviewSettings settings) {
        if (settings instanceof ReviewSettings.Command c) {
            return c.command();
        }
        if (settings instanceof ReviewSettings.Llm llm) {
            return List.of("llm", llm.baseUrl(), llm.model());
        }
        return List.of();
    }
}
