package dev.redyellow.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code samples/bad/README.md}: a broken manifest, what the schema makes of it, and
 * the loader's output it documents.
 */
record BadSample(String fileName, String schemaVerdict, List<String> expectedOutput) {

    /** The repository's folder; surefire runs tests in the project's base directory. */
    static Path projectDir() {
        return Path.of("").toAbsolutePath();
    }

    static Path folder() {
        return projectDir().resolve("samples/bad");
    }

    Path file() {
        return folder().resolve(fileName);
    }

    /** Every sample documented in the README, in its order. */
    static List<BadSample> documented() throws IOException {
        List<String> lines = Files.readAllLines(folder().resolve("README.md"));
        List<BadSample> samples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("## ")) {
                continue;
            }
            String name = lines.get(i).substring(3).trim();
            String verdict = null;
            List<String> output = new ArrayList<>();
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).equals("```text"); j++) {
                if (lines.get(j).startsWith("Schema: ")) {
                    verdict = lines.get(j).substring("Schema: ".length()).trim();
                }
            }
            for (j++; j < lines.size() && !lines.get(j).equals("```"); j++) {
                output.add(lines.get(j));
            }
            samples.add(new BadSample(name, verdict, output));
            i = j;
        }
        return samples;
    }

    @Override
    public String toString() {
        return fileName;
    }
}
