package dev.redyellow.testing.worker;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;

/**
 * The worker's Java agent (issue 22): it keeps the JVM's {@link Instrumentation}, so that a mutation
 * measurement can swap a loaded class's code for a mutant's and back, as PIT's minions do, instead of
 * loading every class again for each mutant. The worker JVM starts with {@code -javaagent} on its
 * own jar, whose manifest names this class; it does nothing else.
 */
public final class Redefinitions {

    private static volatile Instrumentation instrumentation;

    private Redefinitions() {
    }

    public static void premain(String arguments, Instrumentation given) {
        instrumentation = given;
    }

    /** Whether classes can be redefined in this JVM (the agent was loaded and the JVM allows it). */
    static boolean available() {
        Instrumentation known = instrumentation;
        return known != null && known.isRedefineClassesSupported();
    }

    /** Gives a loaded class this code; its fields and methods must stay as they are (a mutant's do). */
    static void redefine(Class<?> loaded, byte[] bytes) throws ClassNotFoundException, UnmodifiableClassException {
        instrumentation.redefineClasses(new ClassDefinition(loaded, bytes));
    }
}
