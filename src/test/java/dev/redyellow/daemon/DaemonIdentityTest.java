package dev.redyellow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonIdentityTest {
    @TempDir
    Path dir;

    private static Properties properties(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void theSameJvmHasTheSameIdentityAndAnyVariableOrPropertyMakesAnother() {
        Properties props = properties("user.dir", "/home/a/project", "java.home", "/jdk");
        Map<String, String> env = Map.of("TZ", "UTC", "PATH", "/usr/bin", "API_TOKEN", "secret-value");
        DaemonIdentity one = DaemonIdentity.of("code 1", props, env);
        assertEquals(one.id(), DaemonIdentity.of("code 1", props, new HashMap<>(env)).id());
        assertEquals(24, one.id().length());

        Map<String, String> tokyo = new HashMap<>(env);
        tokyo.put("TZ", "Asia/Tokyo");
        DaemonIdentity other = DaemonIdentity.of("code 1", props, tokyo);
        assertNotEquals(one.id(), other.id());
        assertEquals(List.of("env:TZ"), one.differences(other));

        Map<String, String> added = new HashMap<>(env);
        added.put("NEW_FLAG", "");
        assertEquals(List.of("env:NEW_FLAG"), one.differences(DaemonIdentity.of("code 1", props, added)));

        DaemonIdentity elsewhere = DaemonIdentity.of("code 1", properties("user.dir", "/home/a/other", "java.home", "/jdk"), env);
        assertEquals(List.of("property:user.dir"), one.differences(elsewhere));
        assertEquals(List.of("code"), one.differences(DaemonIdentity.of("code 2", props, env)));

        // names only, never values (variables hold secrets)
        Map<String, String> rotated = new HashMap<>(env);
        rotated.put("API_TOKEN", "another-secret");
        assertFalse(one.differences(DaemonIdentity.of("code 1", props, rotated)).toString().contains("secret"));
    }

    @Test
    void theLaunchAndTheShellsBookkeepingAreNoPartOfIt() {
        Map<String, String> env = Map.of("TZ", "UTC", "_", "/usr/bin/java", "SHLVL", "1", "OLDPWD", "/tmp");
        Properties props = properties("user.dir", "/p", "sun.java.command", "dev.redyellow.Main run m.json",
                "sun.stdout.encoding", "UTF-8");
        DaemonIdentity client = DaemonIdentity.of("code", props, env);
        DaemonIdentity daemon = DaemonIdentity.of("code", properties("user.dir", "/p",
                "sun.java.command", "dev.redyellow.Main daemon serve --identity x"),
                Map.of("TZ", "UTC", "_", "/usr/bin/setsid", "SHLVL", "2"));
        assertEquals(client.id(), daemon.id(), client.differences(daemon).toString());
    }

    @Test
    void aJarIsStampedByItsSizeAndTimeAndAClassFolderByEveryFile() throws Exception {
        Path jar = Files.writeString(dir.resolve("redyellow.jar"), "jar bytes");
        String before = DaemonIdentity.codeStamp(jar);
        assertEquals(before, DaemonIdentity.codeStamp(jar));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
        assertNotEquals(before, DaemonIdentity.codeStamp(jar), "a jar replaced in place");

        Path classes = Files.createDirectories(dir.resolve("classes/dev/redyellow"));
        Path main = Files.writeString(classes.resolve("Main.class"), "v1");
        Files.writeString(classes.resolve("Other.class"), "other");
        String folder = DaemonIdentity.codeStamp(dir.resolve("classes"));
        Files.writeString(main, "v22");
        String rebuilt = DaemonIdentity.codeStamp(dir.resolve("classes"));
        assertNotEquals(folder, rebuilt, "a class file rebuilt");
        Files.writeString(classes.resolve("New.class"), "new");
        assertNotEquals(rebuilt, DaemonIdentity.codeStamp(dir.resolve("classes")), "a class file added");
        assertTrue(DaemonIdentity.codeStamp(dir.resolve("missing")).startsWith("unreadable code source"));
    }

    @Test
    void theOptionsAreTheCommandLinesUpToTheMainWithoutTheClassPath() {
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-Dx=y", "--add-opens", "java.base/java.lang=ALL-UNNAMED"),
                DaemonIdentity.jvmOptions(List.of("-XX:TieredStopAtLevel=1", "-Dx=y", "--add-opens",
                        "java.base/java.lang=ALL-UNNAMED", "-cp", "a.jar:b.jar", "dev.redyellow.Main", "run", "-Dz=1")).orElseThrow());
        assertEquals(List.of("-Xmx256m"), DaemonIdentity.jvmOptions(List.of("-Xmx256m", "-jar", "r.jar", "run", "-Xmx1g")).orElseThrow());
        assertEquals(List.of(), DaemonIdentity.jvmOptions(List.of("-jar", "r.jar")).orElseThrow());
        assertEquals(List.of("--enable-native-access", "ALL-UNNAMED"),
                DaemonIdentity.jvmOptions(List.of("--enable-native-access", "ALL-UNNAMED", "-jar", "r.jar")).orElseThrow());
        assertTrue(DaemonIdentity.jvmOptions(List.of("@options.txt", "-jar", "r.jar")).isEmpty(), "an argument file hides them");
        // a heap of another size is another JVM: out of memory in one, not in the other
        assertTrue(DaemonIdentity.current().isPresent(), "Linux tells a process's command line");
    }

    @Test
    void whatAProcessInheritsBesidesItsEnvironmentIsPartOfIt() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc/self/ns"));
        Path self = proc.getParent();
        Files.writeString(self.resolve("status"), "Name:\tjava\nUmask:\t0022\nGroups:\t0 27\nCpus_allowed_list:\t0-1\nVmRSS:\t1 kB\n");
        Files.writeString(self.resolve("limits"), "Max open files 1024 1048576 files\n");
        Files.writeString(self.resolve("cgroup"), "0::/user.slice\n");
        Files.createSymbolicLink(proc.resolve("mnt"), Path.of("mnt:[4026531841]"));
        var state = DaemonIdentity.processState(self);
        assertEquals("0022", state.get("process:Umask"));
        assertEquals("0 27", state.get("process:Groups"));
        assertEquals("mnt:[4026531841]", state.get("process:ns:mnt"));
        assertFalse(state.containsKey("process:VmRSS"), "what changes as a process runs is no part of it");
        Files.writeString(self.resolve("status"), "Name:\tjava\nUmask:\t0077\nGroups:\t0 27\nCpus_allowed_list:\t0-1\nVmRSS:\t9 kB\n");
        assertEquals("0077", DaemonIdentity.processState(self).get("process:Umask"));
        assertTrue(DaemonIdentity.processState(dir.resolve("no-proc")).isEmpty());
    }

    @Test
    void aWorkingFolderReplacedUnderItsNameAndAnotherZoneMakeAnother() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("project"));
        String before = DaemonIdentity.fileKey(folder);
        Files.move(folder, dir.resolve("project.old"));
        Files.createDirectories(folder);
        assertNotEquals(before, DaemonIdentity.fileKey(folder), "mv project project.old; mkdir project");

        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.createSymbolicLink(etc.resolve("localtime"), Path.of("/usr/share/zoneinfo/Etc/UTC"));
        String utc = DaemonIdentity.zoneFiles(etc);
        Files.delete(etc.resolve("localtime"));
        Files.createSymbolicLink(etc.resolve("localtime"), Path.of("/usr/share/zoneinfo/Asia/Tokyo"));
        assertNotEquals(utc, DaemonIdentity.zoneFiles(etc));
        assertTrue(DaemonIdentity.zoneFiles(etc).contains("Asia/Tokyo"));
    }

    @Test
    void macOsLaunchersVariablesByPidAreNoPartOfIt() {
        Properties props = properties("user.dir", "/p");
        DaemonIdentity client = DaemonIdentity.of("code", props, Map.of("TZ", "UTC", "JAVA_MAIN_CLASS_4242", "dev.redyellow.Main"));
        DaemonIdentity daemon = DaemonIdentity.of("code", props, Map.of("TZ", "UTC", "JAVA_MAIN_CLASS_4242", "dev.redyellow.Main",
                "JAVA_MAIN_CLASS_4300", "dev.redyellow.Main", "JAVA_STARTED_ON_FIRST_THREAD_4300", "1"));
        assertEquals(client.id(), daemon.id());
    }
}
