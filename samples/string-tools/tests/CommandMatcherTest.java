package tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandMatcherTest {

    private final CommandMatcher matcher =
            new CommandMatcher(List.of("list-files", "showLog", "PUSH_CHANGES", "status"));

    @Test
    void knowsEveryCommandByItsKebabName() {
        for (String command : matcher.commands()) {
            assertEquals(Case.kebab(command), command);
        }
        assertEquals(List.of("list-files", "show-log", "push-changes", "status"), matcher.commands());
    }

    @ParameterizedTest(name = "\"{0}\" means list-files")
    @ValueSource(strings = {"list-files", "listFiles", "LIST_FILES", "list files", "ListFiles"})
    void acceptsAnyNamingStyle(String typed) {
        assertEquals("list-files", matcher.resolve(typed));
    }

    @Test
    void suggestsTheCommandATypoWasMeantToBe() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> matcher.resolve("shwoLog"));
        assertEquals("unknown command 'shwoLog', did you mean 'show-log'?", error.getMessage());
    }

    @Test
    void saysOnlyUnknownWhenNothingIsClose() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> matcher.resolve("deploy"));
        assertEquals("unknown command 'deploy'", error.getMessage());
    }

    @Test
    void mergesNamesThatMeanTheSameCommand() {
        assertEquals(List.of("status"), new CommandMatcher(List.of("status", "STATUS", "Status")).commands());
    }
}
