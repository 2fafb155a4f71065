package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.testing.MissingNames.Kind;
import dev.redyellow.testing.MissingNames.MissingName;
import dev.redyellow.testing.worker.WorkspaceCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The missing names read from what real javac, python3 and node say. */
class MissingNamesTest {

    @TempDir
    Path ws;

    private static List<String> names(List<MissingName> found, Kind kind) {
        return found.stream().filter(n -> n.kind() == kind).map(MissingName::name).toList();
    }

    private String compileErrors() throws Exception {
        WorkspaceCompiler.Compilation c = new WorkspaceCompiler().compile(ws, ws.resolve(".redyellow/classes"), List.of());
        return String.join("\n", c.errors());
    }

    private String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).directory(ws.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    private void write(String path, String text) throws Exception {
        Path file = ws.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /**
     * Classes only running code reveals it needs, as a real JVM reports them: one named by reflection
     * (a serialized object names its classes so: Commons Collections' UnmodifiableTrieTest reads one
     * that needs UnmodifiableSortedMap), one compiled against and gone, and one whose static
     * initialiser failed, which is there and so no missing name.
     */
    @Test
    void classesTheJvmCouldNotLoadWhileTheTestsRan() throws Exception {
        write("src/main/java/app/ByName.java", """
                package app;
                public class ByName { public static void main(String[] a) throws Exception { Class.forName("shop.map.Sorted$Entry"); } }
                """);
        write("src/main/java/app/Linked.java", """
                package app;
                public class Linked { public static void main(String[] a) { System.out.println(new shop.Gone()); } }
                """);
        write("src/main/java/app/Broken.java", """
                package app;
                public class Broken {
                    static class Bad { static final int X = Integer.parseInt("x"); }
                    public static void main(String[] a) {
                        try { System.out.println(Bad.X); } catch (Throwable first) { }
                        System.out.println(Bad.X);
                    }
                }
                """);
        write("src/main/java/shop/Gone.java", "package shop; public class Gone { }\n");
        assertEquals("", compileErrors());
        Files.delete(ws.resolve(".redyellow/classes/shop/Gone.class"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = ws.resolve(".redyellow/classes").toString();
        String out = run(java, "-cp", classes, "app.ByName") + run(java, "-cp", classes, "app.Linked")
                + run(java, "-cp", classes, "app.Broken");
        assertTrue(out.contains("Could not initialize class"), out);
        assertEquals(List.of("shop.map.Sorted.Entry", "shop.Gone"), names(MissingNames.in(out, ws), Kind.JAVA_TYPE), out);
        // the message a test failure carries in both fork modes: the exception's type, then its message
        assertEquals(List.of("shop.Gone"), names(MissingNames.in("java.lang.ClassNotFoundException: shop.Gone", ws),
                Kind.JAVA_TYPE));
    }

    @Test
    void javacMissingTypesPackagesAndMembers() throws Exception {
        write("src/main/java/shop/Invoice.java", """
                package shop;
                import shop.tax.Vat;
                import shop.Discount;
                public class Invoice {
                    int a = Rates.percent();
                    Ledger ledger;
                    int b = Vat.rate();
                    int c = Known.absent();
                }
                """);
        write("src/main/java/shop/Known.java", "package shop; public class Known { }\n");
        String errors = compileErrors();
        List<MissingName> found = MissingNames.in(errors, ws);
        assertEquals(List.of("shop.Discount", "Ledger", "Rates", "Vat"), names(found, Kind.JAVA_TYPE), errors);
        assertEquals(List.of("shop.tax"), names(found, Kind.JAVA_PACKAGE), errors);
        assertEquals(List.of("shop.Known"), names(found, Kind.JAVA_MEMBER_OF), errors);
        assertTrue(found.stream().allMatch(n -> n.from().equals("src/main/java/shop/Invoice.java")), found.toString());
    }

    @Test
    void pythonModulesThatCouldNotBeImported() throws Exception {
        write("invoice.py", "from shop.rates import percent\n");
        write("ledger.py", "import json\nfrom json import not_there\n");
        List<MissingName> found = MissingNames.in(run("python3", "-c", "import invoice") + "\n"
                + run("python3", "-c", "import ledger"), ws);
        assertEquals(List.of("shop"), names(found, Kind.PYTHON_MODULE));
        assertEquals(List.of("json.not_there"), names(found, Kind.PYTHON_NAME), "a member of json, or a submodule");
    }

    @Test
    void aSubmoduleImportedFromItsPackageIsNamedWholeNotAsThePackage() throws Exception {
        // pyasn1's tests do `from pyasn1.type import tag`: with tag.py not written yet, python says
        // "cannot import name 'tag' from 'pyasn1.type'"; the package is there, its module tag is what is missing
        write("pkg/__init__.py", "");
        write("pkg/other.py", "x = 1\n");
        List<MissingName> found = MissingNames.in(run("python3", "-c", "from pkg import tag"), ws);
        assertEquals(List.of("pkg.tag"), names(found, Kind.PYTHON_NAME), found.toString());
        assertTrue(names(found, Kind.PYTHON_MODULE).isEmpty(), found.toString());
    }

    @Test
    void nodeModulesThatCouldNotBeFoundEsmAndCommonJs() throws Exception {
        write("src/invoice.mjs", "import { rate } from './rates.mjs';\nconsole.log(rate);\n");
        write("src/ledger.cjs", "const x = require('../lib/ledger');\nconst y = require('left-pad');\n");
        String esm = run("node", "src/invoice.mjs");
        String cjs = run("node", "src/ledger.cjs");
        List<MissingName> found = MissingNames.in(esm + "\n" + cjs, ws);
        assertEquals(List.of("src/rates.mjs", "../lib/ledger"), names(found, Kind.SCRIPT_MODULE), esm + cjs);
        assertEquals("src/ledger.cjs", found.get(1).from());
    }

    @Test
    void pathsOfAnotherRunsWorkspaceAreReadAsWorkspacePaths() {
        String cached = "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/home/u/.redyellow/runs/r1/workspaces/"
                + "inv-attempt1-7/src/rates.js' imported from /home/u/.redyellow/runs/r1/workspaces/inv-attempt1-7/src/a.js";
        List<MissingName> found = MissingNames.in(cached, ws);
        assertEquals(List.of(new MissingName(Kind.SCRIPT_MODULE, "src/rates.js", "src/a.js", cached)), found);
    }

    @Test
    void nothingMissingInAnOrdinaryFailure() {
        assertTrue(MissingNames.in("AssertionError: expected 5 but was 4\n1 passed, 1 failed", ws).isEmpty());
    }
}
