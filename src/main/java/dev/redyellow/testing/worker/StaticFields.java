package dev.redyellow.testing.worker;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Reads a private static field of a JDK class, for the settings the JDK offers no getter for (the
 * URL stream handler factory, security properties, shutdown hooks). Plain reflection when the field
 * is accessible (the JVM was given {@code --add-opens}); else {@code sun.misc.Unsafe}, which the
 * exported module jdk.unsupported offers without any option, so the worker JVM needs no flag that
 * would give the tests access a fresh JVM would not give them. Empty when neither works.
 */
final class StaticFields {

    /** A field read as null is "not set"; this stands for "could not be read". */
    private static final Object UNREADABLE = new Object();

    private StaticFields() {
    }

    /** The field's value; empty when it cannot be read on this JVM. */
    static Optional<Value> read(String className, String fieldName) {
        Object value = readRaw(className, fieldName);
        return value == UNREADABLE ? Optional.empty() : Optional.of(new Value(value));
    }

    /** A value read, possibly null. */
    record Value(Object object) {
    }

    private static Object readRaw(String className, String fieldName) {
        try {
            Field field = Class.forName(className).getDeclaredField(fieldName);
            if (field.trySetAccessible()) {
                return field.get(null);
            }
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field instance = unsafeClass.getDeclaredField("theUnsafe");
            instance.setAccessible(true);
            Object unsafe = instance.get(null);
            Object base = unsafeClass.getMethod("staticFieldBase", Field.class).invoke(unsafe, field);
            long offset = (Long) unsafeClass.getMethod("staticFieldOffset", Field.class).invoke(unsafe, field);
            Method get = unsafeClass.getMethod("getObjectVolatile", Object.class, long.class);
            return get.invoke(unsafe, base, offset);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return UNREADABLE;
        }
    }
}
