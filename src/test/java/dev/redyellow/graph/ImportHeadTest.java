package dev.redyellow.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * A file's imports are read from its head only ({@link JavaReferences#importHead}): the same imports
 * as a read of the whole file, braces in comments, strings and package annotations notwithstanding.
 */
class ImportHeadTest {
    /** An import as the code of a blanked text shows it. */
    private static final Pattern IMPORT = Pattern.compile(
            "\\bimport\\s+(static\\s+)?([\\w$]+(?:\\s*\\.\\s*[\\w$]+)*)(\\s*\\.\\s*\\*)?\\s*;");

    @Test
    void bracesBeforeTheImportsDoNotEndTheHead() {
        String source = """
                /* Licensed {under} the terms; see { */
                @Generated({"a", "b"}) // a package annotation's brace comes before the package's ;
                package a.b;

                import java.util.List; // {
                import static c.D.method;
                /** Tests {@link List}; really. */
                import e.f.*;

                /** {@code Lister} */
                public class ListerTest {
                    String s = "import x.y.Z;";
                }
                """;
        JavaReferences.Imports imports = JavaReferences.importsOf(source);
        assertEquals(Map.of("List", "java.util.List", "method", "c.D.method"), imports.single());
        assertEquals(List.of("e.f"), imports.onDemand());
        String head = JavaReferences.importHead(source);
        assertTrue(head.length() < source.length() && head.endsWith("{"), head);
    }

    @Test
    void aBraceInATextBlockOfAPackageAnnotationDoesNotEndTheHead() {
        String source = "@Note(\"\"\"\n    ;{\n    \"\"\")\npackage a;\nimport b.C;\nclass X {}\n";
        assertEquals(Map.of("C", "b.C"), JavaReferences.importsOf(source).single());
    }

    @Test
    void aFileWithoutACodeBraceIsReadWhole() {
        assertEquals(Map.of("Y", "x.Y"), JavaReferences.importsOf("package p;\nimport x.Y;\n// { only here\n").single());
    }

    /** javac's own parser is the judge: each file's imports as the compiler reads them. */
    @Test
    void everyJavaFileOfThisProjectHasTheImportsJavacReads() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src"))) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(files.size() > 300, "the project's sources: " + files.size());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, fm, d -> { }, List.of("-proc:none"), null,
                    fm.getJavaFileObjectsFromPaths(files));
            int compared = 0;
            for (CompilationUnitTree unit : task.parse()) {
                List<String> byJavac = unit.getImports().stream()
                        .map(i -> (i.isStatic() ? "static " : "") + i.getQualifiedIdentifier().toString()).toList();
                String source = unit.getSourceFile().getCharContent(true).toString();
                assertEquals(byJavac, imports(JavaReferences.importHead(source)), unit.getSourceFile().getName());
                compared++;
            }
            assertEquals(files.size(), compared);
        }
    }

    private static List<String> imports(String code) {
        Matcher m = IMPORT.matcher(code);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            String name = m.group(2).replaceAll("\\s", "") + (m.group(3) != null ? ".*" : "");
            found.add((m.group(1) != null ? "static " : "") + name);
        }
        return found;
    }
}
