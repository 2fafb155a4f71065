package dev.redyellow.testing.worker;

import java.util.Arrays;

/**
 * One class of a workspace replaced by a mutant of it for a run (issue 22): its binary name and the
 * mutant's class file. {@link #NONE} for a plain run.
 */
public record MutatedClass(String name, byte[] bytes) {

    public static final MutatedClass NONE = new MutatedClass("", new byte[0]);

    public MutatedClass {
        bytes = bytes.clone();
    }

    public boolean present() {
        return !name.isEmpty();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MutatedClass m && m.name.equals(name) && Arrays.equals(m.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return present() ? "MutatedClass[" + name + ", " + bytes.length + " bytes]" : "MutatedClass[none]";
    }
}
