package dev.redyellow.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fully qualified name of the top-level class of a Java source file: its package + file name. */
final class JavaClassName {

    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private JavaClassName() {
    }

    static String of(Path source) throws IOException {
        String file = source.getFileName().toString();
        String simple = file.endsWith(".java") ? file.substring(0, file.length() - ".java".length()) : file;
        String code = COMMENTS.matcher(Files.readString(source, StandardCharsets.UTF_8)).replaceAll(" ");
        Matcher m = PACKAGE.matcher(code);
        return m.find() ? m.group(1) + "." + simple : simple;
    }
}
