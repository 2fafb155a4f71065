package tools;

/** Present in every workspace. */
public final class Base {
}
