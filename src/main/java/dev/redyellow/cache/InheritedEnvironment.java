package dev.redyellow.cache;

import dev.redyellow.files.Sha256;
import dev.redyellow.manifest.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;

/**
 * What a test process takes from RedYellow's own environment that can decide its outcome, as inputs of
 * the test cache's key. A test process inherits RedYellow's environment; without these inputs a result
 * kept under {@code TZ=UTC} was served under {@code TZ=Asia/Tokyo}, where a plain run of the same tests
 * fails (and a shared cache served it to every machine of a team, whatever its zone or language).
 *
 * <p>Keyed: every variable in {@link #ALWAYS} and {@link #LOCALE_CATEGORIES} that is set (time zone,
 * language, {@code CI}, the options every JVM reads), for the command kind those in {@link #COMMAND} too
 * (the JDK a build tool picks, what Node, Python and pytest read); the variables the manifest names in
 * {@code inheritedEnv}, set or not; the machine's time zone as a process finds it when no {@code TZ}
 * says (Linux's {@code /etc/timezone} and {@code /etc/localtime}, which a JVM, glibc and Node read), and
 * its default locale when no {@code LANG} or {@code LC_ALL} says. A variable the settings' {@code env}
 * sets is not keyed: the tests never see its inherited value. Any other inherited variable a test reads
 * is not keyed; the manifest has to name it, as Turborepo's {@code env} does. A value is kept only as
 * its SHA-256 (in the entry's inputs, and a shared cache's).
 *
 * <p>The environment of a JVM never changes, so it is read once; a machine whose time zone changes under
 * a running desktop app keys the zone the app started with (its warm test JVMs keep that zone too).
 */
final class InheritedEnvironment {

    /**
     * The variables keyed for every kind whenever they are set, besides every {@code LC_*}: the zone and
     * language, {@code CI} (tests and runners read it: JUnit's {@code @DisabledIfEnvironmentVariable},
     * snapshot runners that refuse to write in CI), and the options every JVM reads.
     */
    static final List<String> ALWAYS = List.of("TZ", "LANG", "LANGUAGE", "LC_ALL", "CI",
            "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    /**
     * Keyed for the command kind besides: what picks a build tool's JDK and options, and what Node,
     * Python and pytest read. The junit kind runs the tests on RedYellow's own runtime (the {@code tool}
     * input), so a {@code JAVA_HOME} set in a terminal but not for the desktop app does not part their
     * keys.
     */
    static final List<String> COMMAND = List.of("JAVA_HOME", "MAVEN_OPTS", "GRADLE_OPTS",
            "NODE_OPTIONS", "NODE_PATH", "NODE_ENV",
            "PYTHONPATH", "PYTHONHOME", "PYTHONOPTIMIZE", "PYTHONHASHSEED", "PYTHONWARNINGS", "PYTHONUTF8",
            "PYTHONIOENCODING", "PYTHONDEVMODE", "PYTHONSAFEPATH", "PYTEST_ADDOPTS", "PYTEST_PLUGINS");

    /** The prefix of an inherited variable's input: {@code env:TZ}. */
    static final String PREFIX = "env:";
    static final String TIME_ZONE = "system:timezone";
    static final String LOCALE = "system:locale";

    /**
     * The locale categories (POSIX and glibc's): other {@code LC_} names are no locale settings, as
     * iTerm2's {@code LC_TERMINAL}, which ssh forwards with them.
     */
    static final Set<String> LOCALE_CATEGORIES = Set.of("LC_ALL", "LC_CTYPE", "LC_COLLATE", "LC_MESSAGES",
            "LC_MONETARY", "LC_NUMERIC", "LC_TIME", "LC_ADDRESS", "LC_IDENTIFICATION", "LC_MEASUREMENT", "LC_NAME",
            "LC_PAPER", "LC_TELEPHONE");

    private static volatile InheritedEnvironment current = read();

    private final Map<String, String> variables;
    private final CacheInput timeZone;
    private final CacheInput locale;

    /**
     * @param environment the environment the test processes inherit
     * @param timeZone    the machine's time zone as a process finds it without {@code TZ}
     * @param locale      the default locale of a process without locale variables
     */
    InheritedEnvironment(Map<String, String> environment, String timeZone, String locale) {
        // Windows' variable names ignore case, as its processes read them
        this.variables = System.getProperty("os.name", "").startsWith("Windows")
                ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER) : new TreeMap<>();
        this.variables.putAll(environment);
        this.timeZone = CacheKey.value(TIME_ZONE, timeZone);
        this.locale = CacheKey.value(LOCALE, locale);
    }

    /** The inputs for {@code settings} in this JVM's environment. */
    static List<CacheInput> of(TestSettings settings) {
        return current.inputs(settings);
    }

    /**
     * The inputs for {@code settings}: the machine's zone unless a {@code TZ} tells the tests theirs, its
     * locale unless {@code LANG} or {@code LC_ALL} does, then each keyed variable by name.
     */
    List<CacheInput> inputs(TestSettings settings) {
        boolean command = settings instanceof TestSettings.Command;
        Set<String> setBySettings = command ? ((TestSettings.Command) settings).env().keySet() : Set.of();
        Map<String, String> keyed = new TreeMap<>();
        variables.forEach((name, value) -> {
            boolean known = ALWAYS.contains(name) || LOCALE_CATEGORIES.contains(name)
                    || (command && COMMAND.contains(name));
            if (known && !setBySettings.contains(name)) {
                keyed.put(name, value);
            }
        });
        for (String name : settings.inheritedEnv()) {
            keyed.putIfAbsent(name, variables.get(name)); // absent: null, keyed as such
        }
        List<CacheInput> inputs = new ArrayList<>();
        if (!told("TZ", keyed, setBySettings)) {
            inputs.add(timeZone);
        }
        if (!told("LANG", keyed, setBySettings) && !told("LC_ALL", keyed, setBySettings)) {
            inputs.add(locale);
        }
        keyed.forEach((name, value) -> inputs.add(CacheKey.value(PREFIX + name, value)));
        return inputs;
    }

    /**
     * Whether the tests get {@code name} set: inherited (and keyed) or set by the settings. An empty
     * {@code TZ} tells nothing to a JVM, which then reads the machine's zone.
     */
    private static boolean told(String name, Map<String, String> keyed, Set<String> setBySettings) {
        String inherited = keyed.get(name);
        return (inherited != null && !inherited.isEmpty()) || setBySettings.contains(name);
    }

    private static InheritedEnvironment read() {
        return new InheritedEnvironment(System.getenv(), systemTimeZone(Path.of("/etc")), systemLocale());
    }

    /** Reads the machine's zone again (a JVM that runs many runs may see it changed between two). */
    static void forget() {
        current = read();
    }

    /**
     * The default locale, and its display and format categories, which macOS can set apart (numbers and dates
     * follow the format one).
     */
    static String systemLocale() {
        return Locale.getDefault().toLanguageTag() + " display " + Locale.getDefault(Locale.Category.DISPLAY).toLanguageTag()
                + " format " + Locale.getDefault(Locale.Category.FORMAT).toLanguageTag();
    }

    /**
     * The time zone of a process on this machine that no {@code TZ} tells: on Linux, {@code /etc/timezone}
     * (a JVM reads it first) and {@code /etc/localtime} (a link into the zone database, or a copy of a
     * zone file); elsewhere the JVM's default zone.
     */
    static String systemTimeZone(Path etc) {
        Path timezone = etc.resolve("timezone");
        Path localtime = etc.resolve("localtime");
        try {
            String named = Files.isRegularFile(timezone) ? Files.readString(timezone).strip() : null;
            String linked = null;
            if (Files.isSymbolicLink(localtime)) {
                linked = zoneName(Files.readSymbolicLink(localtime).toString());
            } else if (Files.isRegularFile(localtime)) {
                linked = "file " + Sha256.hex(Files.readAllBytes(localtime));
            }
            if (named == null && linked == null) {
                return "default " + TimeZone.getDefault().getID();
            }
            // Debian's two files agree: one name, as a machine with the link alone gives
            return named == null || named.equals(linked) ? linked
                    : linked == null ? named : "timezone " + named + ", localtime " + linked;
        } catch (IOException | RuntimeException e) {
            // unreadable: key what a process would then use, the JVM's default, and say so
            return "unreadable (" + e.getClass().getSimpleName() + "), default " + TimeZone.getDefault().getID();
        }
    }

    /**
     * The zone a link into the zone database names: the same zone is {@code ../usr/share/zoneinfo/X},
     * {@code /usr/share/zoneinfo/X} or, on macOS, {@code /var/db/timezone/zoneinfo/X}.
     */
    private static String zoneName(String target) {
        String slashes = target.replace('\\', '/');
        int at = slashes.lastIndexOf("zoneinfo/");
        return at < 0 ? slashes : slashes.substring(at + "zoneinfo/".length());
    }
}
