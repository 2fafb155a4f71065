package dev.redyellow.testing.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The names a base's code uses, and the packages it sees, as BaseCompile reads them. */
class JavaIdentifiersTest {

    private static Set<String> names(String code) {
        Set<String> names = new HashSet<>();
        JavaIdentifiers.addTo(names, code);
        return names;
    }

    @Test
    void commentsAndLiteralsNameNothing() {
        Set<String> names = names("""
                package a.b; // Cart
                /* Shop */ class Doc { String s = "Rates \\" Tax"; char c = '\\''; char n = '\\u0000'; String t = \"""
                    Money
                    \"""; int x = 0x1F + 10L; }
                """);
        assertTrue(names.containsAll(Set.of("package", "a", "b", "class", "Doc", "String", "s", "c", "n", "t", "x")), names.toString());
        for (String absent : Set.of("Cart", "Shop", "Rates", "Tax", "Money", "x1F", "L", "F")) {
            assertFalse(names.contains(absent), absent + " in " + names);
        }
    }

    @Test
    void unicodeEscapesAreTranslatedFirstAsJavacDoes() {
        // an escaped newline ends the line comment: List is code; an escaped quote opens a string holding Hidden
        Set<String> names = names("class A { // x \\u000a List l; String s = \\u0022Hidden\\u0022; String e = \"\\\\u0041\"; }");
        assertTrue(names.contains("List"), names.toString());
        assertFalse(names.contains("Hidden"), names.toString());
        assertFalse(names.contains("u0041"), "an escaped backslash starts no escape, and the literal is skipped");
        assertEquals("a.b", JavaIdentifiers.packageOf("/* package x; */ \\u0070ackage a . b;\nclass A { char c = '\\u0000'; }"));
    }

    @Test
    void aSourceSeesItsOwnPackageAndThoseItImportsOnDemand() {
        assertEquals(Set.of("a", "java.util", "q.r"), JavaIdentifiers.packagesSeen("""
                package a;
                import java.util.*;
                import q . r.*;
                import static z.Z.*;
                import y.Y;
                // import w.*;
                class A { }
                """));
        assertEquals(Set.of(""), JavaIdentifiers.packagesSeen("class A { }"));
        assertEquals(JavaIdentifiers.UNSURE, JavaIdentifiers.packageOf("@Deprecated package a;"));
    }

    @Test
    void declarationsAreReadFromCodeOnlyAndBeforeTheFirstBody() {
        // a string or a text block that holds declarations declares nothing (a test that writes sources)
        assertEquals(Set.of("a"), JavaIdentifiers.packagesSeen("""
                package a;
                class A {
                    String s = "import b.*;";
                    String t = \"""
                        package c;
                        import d.*;
                        \""";
                }
                import e.*;
                """));
        assertEquals("", JavaIdentifiers.packageOf("class A { String s = \"package x;\"; }"));
        // a package's annotation keeps its braces in parentheses: still annotated, so unsure
        assertEquals(JavaIdentifiers.UNSURE, JavaIdentifiers.packageOf("@Tags({@Tag(\"x\")})\npackage a;"));
        assertEquals(JavaIdentifiers.UNSURE, JavaIdentifiers.packageOf("package a.;"));
        assertEquals("a.b", JavaIdentifiers.packageOf("package a.b; @Deprecated class A { }"));
    }
}
