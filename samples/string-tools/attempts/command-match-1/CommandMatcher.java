package tools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Finds the command a user meant in a command-line tool. Commands are known in kebab case
 * ("list-files"), but users may type them in any style ("listFiles", "LIST_FILES"), and a typo
 * gets a suggestion instead of a bare "unknown command".
 */
public final class CommandMatcher {

    private static final int MAX_TYPOS = 2;

    private final List<String> commands = new ArrayList<>();

    public CommandMatcher(Collection<String> names) {
        for (String name : names) {
            String command = Case.kebab(name);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("a command name needs letters or digits: '" + name + "'");
            }
            if (!commands.contains(command)) {
                commands.add(command);
            }
        }
    }

    /** The known commands, in kebab case, in the order they were given. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** The command {@code typed} names in any naming style, or a failure that says what was meant. */
    public String resolve(String typed) {
        String wanted = Case.kebab(typed);
        if (commands.contains(wanted)) {
            return wanted;
        }
        Optional<String> meant = Suggest.closest(wanted, commands, MAX_TYPOS);
        String message = "unknown command '" + typed + "'"
                + meant.map(m -> ", did you mean '" + m + "'?").orElse("");
        throw new IllegalArgumentException(message);
    }
}
