package dev.redyellow.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.manifest.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InheritedEnvironmentTest {
    @TempDir
    Path dir;

    private static final TestSettings JUNIT = new TestSettings.JUnit(60);

    private static List<String> names(List<CacheInput> inputs) {
        return inputs.stream().map(CacheInput::name).toList();
    }

    private static InheritedEnvironment environment(Map<String, String> variables) {
        return new InheritedEnvironment(variables, "Etc/UTC", "en-US");
    }

    @Test
    void keysTheVariablesThatDecideZoneLanguageAndToolOptionsAndNothingElse() {
        Map<String, String> variables = Map.of("TZ", "UTC", "LANG", "C.UTF-8", "LC_TIME", "de_DE.UTF-8",
                "JAVA_TOOL_OPTIONS", "-Duser.language=tr", "PYTEST_ADDOPTS", "-k slow", "CI", "true",
                "JAVA_HOME", "/opt/jdk", "LC_TERMINAL", "iTerm2", "TERM", "xterm", "SSH_AUTH_SOCK", "/tmp/agent");
        assertEquals(List.of("env:CI", "env:JAVA_TOOL_OPTIONS", "env:LANG", "env:LC_TIME", "env:TZ"),
                names(environment(variables).inputs(JUNIT)));
        // a command may start a build tool, Node or Python: what they read is keyed too
        TestSettings command = new TestSettings.Command(List.of("pytest"), Map.of(), 60, null);
        assertEquals(List.of("env:CI", "env:JAVA_HOME", "env:JAVA_TOOL_OPTIONS", "env:LANG", "env:LC_TIME",
                "env:PYTEST_ADDOPTS", "env:TZ"), names(environment(variables).inputs(command)));
    }

    @Test
    void theMachinesZoneAndLocaleAreKeyedOnlyWhereNoVariableTellsThem() {
        assertEquals(List.of("system:timezone", "system:locale"), names(environment(Map.of()).inputs(JUNIT)));
        assertEquals(List.of("system:locale", "env:TZ"), names(environment(Map.of("TZ", "UTC")).inputs(JUNIT)));
        assertEquals(List.of("system:timezone", "env:LANG"), names(environment(Map.of("LANG", "C")).inputs(JUNIT)));
        assertEquals(List.of("system:timezone", "env:LC_ALL"), names(environment(Map.of("LC_ALL", "C")).inputs(JUNIT)));
        // an empty TZ tells a JVM nothing: it reads the machine's zone
        assertEquals(List.of("system:timezone", "system:locale", "env:TZ"), names(environment(Map.of("TZ", "")).inputs(JUNIT)));
        TestSettings zoned = new TestSettings.Command(List.of("pytest"), Map.of("TZ", "UTC", "LANG", "C"), 60, null);
        assertEquals(List.of(), names(environment(Map.of("TZ", "Asia/Tokyo")).inputs(zoned)));
    }

    @Test
    void anotherValueAnotherZoneOrAnotherLocaleGivesAnotherInput() {
        List<CacheInput> utc = environment(Map.of("TZ", "UTC")).inputs(JUNIT);
        assertNotEquals(utc, environment(Map.of("TZ", "Asia/Tokyo")).inputs(JUNIT));
        assertEquals(utc, environment(Map.of("TZ", "UTC", "OLDPWD", "/elsewhere")).inputs(JUNIT));
        List<CacheInput> machine = environment(Map.of()).inputs(JUNIT);
        assertNotEquals(machine, new InheritedEnvironment(Map.of(), "Asia/Tokyo", "en-US").inputs(JUNIT));
        assertNotEquals(machine, new InheritedEnvironment(Map.of(), "Etc/UTC", "tr-TR").inputs(JUNIT));
    }

    @Test
    void aNamedVariableIsKeyedSetOrNotAndItsAbsenceDiffersFromEveryValue() {
        TestSettings named = new TestSettings.JUnit(60, TestSettings.Fork.WARM, 256, 500, List.of("FEATURE_FLAG"));
        List<CacheInput> unset = environment(Map.of()).inputs(named);
        assertEquals(List.of("system:timezone", "system:locale", "env:FEATURE_FLAG"), names(unset));
        List<CacheInput> empty = environment(Map.of("FEATURE_FLAG", "")).inputs(named);
        List<CacheInput> nullText = environment(Map.of("FEATURE_FLAG", "null")).inputs(named);
        assertNotEquals(unset, empty);
        assertNotEquals(unset, nullText);
        assertNotEquals(empty, nullText);
        assertEquals(List.of("system:timezone", "system:locale"), names(environment(Map.of("FEATURE_FLAG", "x")).inputs(JUNIT)));
    }

    @Test
    void aVariableTheSettingsSetIsNotKeyedFromTheEnvironment() {
        TestSettings command = new TestSettings.Command(List.of("pytest"), Map.of("TZ", "UTC"), 60, null);
        assertEquals(environment(Map.of("TZ", "Asia/Tokyo", "LANG", "C")).inputs(command),
                environment(Map.of("TZ", "Europe/Berlin", "LANG", "C")).inputs(command));
        assertEquals(List.of("env:LANG"), names(environment(Map.of("TZ", "Asia/Tokyo", "LANG", "C")).inputs(command)));
    }

    @Test
    void theMachinesZoneIsTheZoneLocaltimeLinksToOrItsContent() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path zoneinfo = Files.createDirectories(dir.resolve("usr/share/zoneinfo/Asia"));
        Files.writeString(zoneinfo.resolve("Tokyo"), "TZif tokyo");
        Files.createSymbolicLink(etc.resolve("localtime"), zoneinfo.resolve("Tokyo"));
        assertEquals("Asia/Tokyo", InheritedEnvironment.systemTimeZone(etc));
        // a relative link, and Debian's /etc/timezone beside it, name the same zone
        Files.delete(etc.resolve("localtime"));
        Files.createSymbolicLink(etc.resolve("localtime"), Path.of("../usr/share/zoneinfo/Asia/Tokyo"));
        Files.writeString(etc.resolve("timezone"), "Asia/Tokyo\n");
        assertEquals("Asia/Tokyo", InheritedEnvironment.systemTimeZone(etc));
        // the two disagree: a JVM reads one, glibc and Node the other
        Files.writeString(etc.resolve("timezone"), "Europe/Berlin\n");
        assertEquals("timezone Europe/Berlin, localtime Asia/Tokyo", InheritedEnvironment.systemTimeZone(etc));

        Files.delete(etc.resolve("timezone"));
        Files.delete(etc.resolve("localtime"));
        Files.writeString(etc.resolve("localtime"), "TZif tokyo");
        String tokyoCopy = InheritedEnvironment.systemTimeZone(etc);
        Files.writeString(etc.resolve("localtime"), "TZif berlin");
        String berlinCopy = InheritedEnvironment.systemTimeZone(etc);
        assertTrue(tokyoCopy.startsWith("file "), tokyoCopy);
        assertNotEquals(tokyoCopy, berlinCopy);

        Path none = Files.createDirectories(dir.resolve("none"));
        assertEquals("default " + java.util.TimeZone.getDefault().getID(), InheritedEnvironment.systemTimeZone(none));
    }
}
