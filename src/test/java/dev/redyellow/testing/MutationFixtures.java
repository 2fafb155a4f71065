package dev.redyellow.testing;

/** Small Java classes and tests that both ways of mutation testing are measured on (PIT's JVMs, warm workers). */
final class MutationFixtures {

    static final String MAX = """
            package calc;

            public final class Max {
                public static int of(int a, int b) {
                    return a > b ? a : b;
                }
            }
            """;
    static final String MAX_CODE = "src/main/java/calc/Max.java";
    static final String MAX_TEST = "src/test/java/calc/MaxTest.java";
    static final String AGE = """
            package calc;

            public final class Age {
                public static boolean adult(int years) {
                    return years >= 18;
                }
            }
            """;
    static final String AGE_CODE = "src/main/java/calc/Age.java";
    static final String AGE_TEST = "src/test/java/calc/AgeTest.java";
    /** A loop whose subtraction, mutated, never ends. */
    static final String COUNTDOWN = """
            package calc;

            public final class Countdown {
                public static int steps(int n) {
                    long left = n;
                    int steps = 0;
                    while (left > 0) {
                        left = left - 1;
                        steps++;
                    }
                    return steps;
                }
            }
            """;
    static final String COUNTDOWN_CODE = "src/main/java/calc/Countdown.java";
    static final String COUNTDOWN_TEST = "src/test/java/calc/CountdownTest.java";
    /** Two methods: next() on line 5, twice() on line 9. */
    static final String CALC = """
            package calc;

            public final class Calc {
                public static int next(int x) {
                    return x + 1;
                }

                public static int twice(int x) {
                    return x * 2;
                }
            }
            """;
    static final String CALC_CODE = "src/main/java/calc/Calc.java";
    static final String CALC_TEST = "src/test/java/calc/CalcTest.java";

    private MutationFixtures() {
    }

    /** A JUnit 5 test class of package calc with these members. */
    static String test(String name, String body) {
        return "package calc;\nimport org.junit.jupiter.api.Test;\nimport static org.junit.jupiter.api.Assertions.*;\n"
                + "class " + name + " {\n" + body + "\n}\n";
    }
}
