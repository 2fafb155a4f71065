package dev.redyellow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redyellow.exec.OutputSink;
import dev.redyellow.manifest.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What real projects' tests take from a Maven test run, in both junit fork modes, each found on the
 * 261-feature real-code case, where these tests failed in RedYellow and passed under Maven: the test
 * classes and resources on the JVM's own class path (the system class loader finds them), Maven's
 * {@code target} folder, and a class the tests could not load named with its type.
 */
class MavenLikeRunsTest extends BothJUnitModes {

    @TempDir
    Path tmp;

    private static final String TEST = "src/test/java/shop/ShopTest.java";

    private static final Map<String, String> PROJECT = Map.of(
            "src/main/java/shop/Shop.java", "package shop; public class Shop { public static String name() { return \"shop\"; } }\n",
            "src/test/resources/shop/prices.properties", "apple=3\n",
            TEST, """
                    package shop;
                    import static org.junit.jupiter.api.Assertions.*;
                    import java.nio.file.*;
                    import java.util.Properties;
                    import org.junit.jupiter.api.Test;
                    class ShopTest {
                        @Test
                        void theSystemClassLoaderFindsTheTestsResourcesAndClasses() throws Exception {
                            // Commons Collections' AbstractPropertiesFactoryTest loads its properties so
                            Properties p = new Properties();
                            try (var in = ClassLoader.getSystemClassLoader().getResourceAsStream("shop/prices.properties")) {
                                assertNotNull(in, "the system class loader has no shop/prices.properties");
                                p.load(in);
                            }
                            assertEquals("3", p.getProperty("apple"));
                            assertNotNull(ClassLoader.getSystemResource("shop/prices.properties"));
                            Class<?> shop = Class.forName("shop.Shop", true, ClassLoader.getSystemClassLoader());
                            assertSame(Shop.class, shop, "the same class as the test's own");
                        }
                        @Test
                        void mavensTargetFolderIsThere() throws Exception {
                            // Commons IO's FilesUncheckTest writes target/file.txt
                            Files.writeString(Path.of("target/file.txt"), "x");
                            assertTrue(Files.isDirectory(Path.of("target")));
                        }
                        @Test
                        void aClassThatIsNotThere() throws Exception {
                            Class.forName("shop.sorted.SortedShop");
                        }
                    }
                    """);

    private Path workspace(String name) throws Exception {
        Path ws = tmp.resolve(name);
        for (Map.Entry<String, String> f : PROJECT.entrySet()) {
            Files.createDirectories(ws.resolve(f.getKey()).getParent());
            Files.writeString(ws.resolve(f.getKey()), f.getValue());
        }
        return ws;
    }

    private static TestResult run(TestRunner runner, Path workspace) throws Exception {
        return runner.run(new TestRequest(workspace, new TestSettings.JUnit(120), List.of(TEST), OutputSink.DISCARD));
    }

    @Test
    void bothModesGiveTheTestsWhatMavenGivesThem() throws Exception {
        for (TestRunner runner : List.of(perRun, warm)) {
            for (int round = 0; round < 2; round++) { // the warm worker's second run sees only its own resources
                String mode = (runner == perRun ? "per run" : "warm") + ", run " + (round + 1);
                TestResult result = run(runner, workspace(mode.replace(' ', '-').replace(",", "")));
                assertEquals(TestOutcome.FAILED, result.outcome(), mode + ": " + result.detail());
                assertEquals(2, result.passed(), mode + ": " + result.failures());
                assertEquals(1, result.failed(), mode);
                String message = result.failures().get(0).message();
                assertEquals("java.lang.ClassNotFoundException: shop.sorted.SortedShop", message, mode);
                assertEquals(List.of("shop.sorted.SortedShop"), MissingNames.in(result, null).stream()
                        .map(MissingNames.MissingName::name).toList(), mode);
            }
        }
    }

    @Test
    void aWorkspaceWithoutMavensLayoutGetsNoTargetFolder() throws Exception {
        Path plain = tmp.resolve("plain");
        Files.createDirectories(plain.resolve("src"));
        JUnitTestRunner.mavenBuildFolder(plain);
        assertTrue(Files.notExists(plain.resolve("target")));
        Path maven = workspace("maven");
        Files.writeString(maven.resolve("target"), "a file the project put there");
        JUnitTestRunner.mavenBuildFolder(maven);
        assertTrue(Files.isRegularFile(maven.resolve("target")), "what is there stays");
    }
}
