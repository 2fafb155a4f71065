package dev.redyellow.bench;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.exec.ProcessResult;
import dev.redyellow.exec.ProcessRunner;
import dev.redyellow.exec.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code mvn -o -q test} on a project written by {@link RealCaseWriter#writeMavenProject}, timed,
 * with each test class's verdict read from Surefire's reports: it passed when at least one of its
 * tests ran and none failed or erred (skipped tests count for nothing, as in RedYellow).
 */
final class PlainMavenBuild {

    private static final Pattern SUITE = Pattern.compile("<testsuite\\b[^>]*>");

    /** What a build gave: wall seconds, exit code, output tail and each test class's counts. */
    record Result(double wallSeconds, int exitCode, String outputTail, Map<String, Counts> classes) {
        boolean passed(String testClass) {
            Counts c = classes.get(testClass);
            return c != null && c.failures() == 0 && c.errors() == 0 && c.tests() - c.skipped() > 0;
        }

        /** Whether a test of the class failed or erred; false for a class the build ran no test of. */
        boolean failed(String testClass) {
            Counts c = classes.get(testClass);
            return c != null && (c.failures() > 0 || c.errors() > 0);
        }

        int tests() {
            return classes.values().stream().mapToInt(Counts::tests).sum();
        }
    }

    record Counts(int tests, int failures, int errors, int skipped) {
    }

    private PlainMavenBuild() {
    }

    /**
     * Times {@code mvn -o -q test}. On a machine whose local repository lacks a plugin the build needs
     * (a fresh machine: Maven itself resolved only what building RedYellow needed), the offline build
     * fails before testing anything; the plugins are then fetched once by the same build online,
     * untimed, and the offline build is timed again.
     */
    static Result run(List<String> maven, Path project) throws IOException, InterruptedException {
        Result offline = build(maven, project, true);
        if (offline.exitCode() != 0 && offline.classes().isEmpty() && offline.outputTail().contains("offline mode")) {
            System.err.println("plain build: the local Maven repository lacks a plugin; fetching it once online (untimed)");
            build(maven, project, false);
            offline = build(maven, project, true);
        }
        return offline;
    }

    private static Result build(List<String> maven, Path project, boolean offline)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(maven);
        if (offline) {
            command.add("-o");
        }
        command.addAll(List.of("-q", "-B", "test"));
        long started = System.nanoTime();
        ProcessResult process = new ProcessRunner(64 * 1024).run(
                new ProcessSpec(command, project, Map.of(), Duration.ofMinutes(30)), OutputSink.DISCARD);
        double wall = (System.nanoTime() - started) / 1e9;
        return new Result(wall, process.exitCode(), process.outputTail(), reports(project.resolve("target/surefire-reports")));
    }

    private static Map<String, Counts> reports(Path folder) throws IOException {
        Map<String, Counts> classes = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return classes;
        }
        List<Path> xml;
        try (Stream<Path> files = Files.list(folder)) {
            xml = files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
        for (Path file : xml) {
            String name = file.getFileName().toString();
            String head = Files.readString(file);
            Matcher suite = SUITE.matcher(head);
            if (suite.find()) {
                String tag = suite.group();
                classes.put(name.substring(5, name.length() - 4), new Counts(attribute(tag, "tests"),
                        attribute(tag, "failures"), attribute(tag, "errors"), attribute(tag, "skipped")));
            }
        }
        return classes;
    }

    private static int attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"(\\d+)\"").matcher(tag);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
