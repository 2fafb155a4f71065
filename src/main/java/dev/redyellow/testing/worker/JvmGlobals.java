package dev.redyellow.testing.worker;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.FileNameMap;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.ProxySelector;
import java.net.ResponseCache;
import java.net.URL;
import java.net.URLConnection;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JVM-wide settings a test can change and a fresh class loader cannot undo, taken before a run
 * and compared after it. What has a setter is put back ({@link #restore()}); what has none, or whose
 * change the JDK may already have acted on, is reported so the worker is retired and the next run
 * gets a fresh JVM, as it would in the per-run mode.
 */
final class JvmGlobals {

    private static final List<String> CACHE_PROTOCOLS = List.of("http", "https", "jar", "file", "ftp");

    private final Properties properties;
    private final Properties propertiesObject;
    private final Locale locale;
    private final Locale displayLocale;
    private final Locale formatLocale;
    private final TimeZone zone;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Thread.UncaughtExceptionHandler uncaught;
    private final boolean followRedirects;
    private final boolean defaultUseCaches;
    private final Map<String, Boolean> protocolUseCaches = new LinkedHashMap<>();
    private final FileNameMap fileNameMap;
    private final ProxySelector proxySelector;
    private final CookieHandler cookieHandler;
    private final ResponseCache responseCache;
    private final Authenticator authenticator;
    private final List<Provider> providers;
    private final Optional<Properties> securityProperties;
    private final Optional<StaticFields.Value> urlHandlerFactory;
    private final Optional<StaticFields.Value> contentHandlerFactory;
    private final Optional<Integer> shutdownHooks;
    private final Level rootLevel;
    private final List<Handler> rootHandlers;

    private JvmGlobals() {
        propertiesObject = System.getProperties();
        properties = (Properties) propertiesObject.clone();
        locale = Locale.getDefault();
        displayLocale = Locale.getDefault(Locale.Category.DISPLAY);
        formatLocale = Locale.getDefault(Locale.Category.FORMAT);
        zone = TimeZone.getDefault();
        in = System.in;
        out = System.out;
        err = System.err;
        uncaught = Thread.getDefaultUncaughtExceptionHandler();
        followRedirects = HttpURLConnection.getFollowRedirects();
        defaultUseCaches = probeConnection().getDefaultUseCaches();
        CACHE_PROTOCOLS.forEach(p -> protocolUseCaches.put(p, URLConnection.getDefaultUseCaches(p)));
        fileNameMap = URLConnection.getFileNameMap();
        proxySelector = ProxySelector.getDefault();
        cookieHandler = CookieHandler.getDefault();
        responseCache = ResponseCache.getDefault();
        authenticator = Authenticator.getDefault();
        providers = List.of(Security.getProviders());
        securityProperties = StaticFields.read("java.security.Security", "props")
                .map(v -> v.object() instanceof Properties p ? (Properties) p.clone() : null);
        urlHandlerFactory = StaticFields.read("java.net.URL", "factory");
        contentHandlerFactory = StaticFields.read("java.net.URLConnection", "factory");
        shutdownHooks = StaticFields.read("java.lang.ApplicationShutdownHooks", "hooks")
                .map(v -> v.object() instanceof Map<?, ?> m ? m.size() : null);
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        rootHandlers = List.of(root.getHandlers());
    }

    /** The settings as they are now. */
    static JvmGlobals take() {
        return new JvmGlobals();
    }

    /** What a run changed: put back, and what could not be put back (a reason to retire the worker). */
    record Changes(List<String> restored, List<String> unrestorable) {
        Changes {
            restored = List.copyOf(restored);
            unrestorable = List.copyOf(unrestorable);
        }
    }

    /** Puts back every setting that has a setter; names what changed, and what cannot be put back. */
    @SuppressWarnings("removal") // the security manager is read only to notice a test that installed one
    Changes restore() {
        List<String> restored = new ArrayList<>();
        List<String> unrestorable = new ArrayList<>();
        if (System.getProperties() != propertiesObject || !System.getProperties().equals(properties)) {
            restored.add("system properties (" + changedKeys(properties, System.getProperties()) + ")");
        }
        System.setProperties(properties);
        if (!Locale.getDefault().equals(locale) || !Locale.getDefault(Locale.Category.DISPLAY).equals(displayLocale)
                || !Locale.getDefault(Locale.Category.FORMAT).equals(formatLocale)) {
            restored.add("default locale");
            Locale.setDefault(locale);
            Locale.setDefault(Locale.Category.DISPLAY, displayLocale);
            Locale.setDefault(Locale.Category.FORMAT, formatLocale);
        }
        if (!TimeZone.getDefault().equals(zone)) {
            restored.add("default time zone");
        }
        TimeZone.setDefault(zone);
        if (System.in != in || System.out != out || System.err != err) {
            restored.add("System.in/out/err");
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
        if (Thread.getDefaultUncaughtExceptionHandler() != uncaught) {
            restored.add("default uncaught exception handler");
            Thread.setDefaultUncaughtExceptionHandler(uncaught);
        }
        if (HttpURLConnection.getFollowRedirects() != followRedirects) {
            restored.add("HttpURLConnection.followRedirects");
            HttpURLConnection.setFollowRedirects(followRedirects);
        }
        URLConnection probe = probeConnection();
        if (probe.getDefaultUseCaches() != defaultUseCaches) {
            restored.add("URLConnection default useCaches");
            probe.setDefaultUseCaches(defaultUseCaches);
        }
        protocolUseCaches.forEach((protocol, use) -> {
            if (URLConnection.getDefaultUseCaches(protocol) != use) {
                restored.add("URLConnection default useCaches for " + protocol);
                URLConnection.setDefaultUseCaches(protocol, use);
            }
        });
        if (URLConnection.getFileNameMap() != fileNameMap) {
            restored.add("URLConnection file name map");
            URLConnection.setFileNameMap(fileNameMap);
        }
        if (ProxySelector.getDefault() != proxySelector) {
            restored.add("default ProxySelector");
            ProxySelector.setDefault(proxySelector);
        }
        if (CookieHandler.getDefault() != cookieHandler) {
            restored.add("default CookieHandler");
            CookieHandler.setDefault(cookieHandler);
        }
        if (ResponseCache.getDefault() != responseCache) {
            restored.add("default ResponseCache");
            ResponseCache.setDefault(responseCache);
        }
        if (Authenticator.getDefault() != authenticator) {
            restored.add("default Authenticator");
            Authenticator.setDefault(authenticator);
        }
        restoreProviders(restored);
        securityProperties.ifPresent(before -> StaticFields.read("java.security.Security", "props").ifPresent(now -> {
            if (now.object() instanceof Properties current && !current.equals(before)) {
                // The JDK reads many of these once (TLS algorithms, DNS cache policy): putting the
                // value back does not undo what was already read.
                unrestorable.add("security properties changed (" + changedKeys(before, current) + ")");
                current.clear();
                current.putAll(before);
            }
        }));
        changedOnce(urlHandlerFactory, StaticFields.read("java.net.URL", "factory"),
                "a URL stream handler factory was set (URL.setURLStreamHandlerFactory)", unrestorable);
        changedOnce(contentHandlerFactory, StaticFields.read("java.net.URLConnection", "factory"),
                "a content handler factory was set (URLConnection.setContentHandlerFactory)", unrestorable);
        shutdownHooks.ifPresent(before -> StaticFields.read("java.lang.ApplicationShutdownHooks", "hooks")
                .map(v -> v.object() instanceof Map<?, ?> m ? m.size() : before)
                .filter(now -> now > before)
                .ifPresent(now -> unrestorable.add((now - before) + " shutdown hook(s) added; they run when the worker ends")));
        if (System.getSecurityManager() != null) {
            unrestorable.add("a security manager was installed");
        }
        Logger root = Logger.getLogger("");
        if (!Objects.equals(root.getLevel(), rootLevel) || !List.of(root.getHandlers()).equals(rootHandlers)) {
            restored.add("root logger level and handlers");
            root.setLevel(rootLevel);
            for (Handler handler : root.getHandlers()) {
                root.removeHandler(handler);
            }
            rootHandlers.forEach(root::addHandler);
        }
        return new Changes(restored, unrestorable);
    }

    private void restoreProviders(List<String> restored) {
        List<Provider> now = List.of(Security.getProviders());
        if (now.equals(providers)) {
            return;
        }
        restored.add("security providers");
        for (Provider provider : now) {
            if (!providers.contains(provider)) {
                Security.removeProvider(provider.getName());
            }
        }
        for (int i = 0; i < providers.size(); i++) {
            Provider provider = providers.get(i);
            if (!Arrays.asList(Security.getProviders()).contains(provider)) {
                Security.insertProviderAt(provider, i + 1);
            }
        }
    }

    private static void changedOnce(Optional<StaticFields.Value> before, Optional<StaticFields.Value> after, String what,
                                    List<String> unrestorable) {
        if (before.isPresent() && after.isPresent() && before.get().object() != after.get().object()) {
            unrestorable.add(what);
        }
    }

    private static String changedKeys(Properties before, Properties after) {
        List<String> keys = new ArrayList<>();
        for (String key : after.stringPropertyNames()) {
            if (!Objects.equals(after.getProperty(key), before.getProperty(key))) {
                keys.add(key);
            }
        }
        for (String key : before.stringPropertyNames()) {
            if (!after.containsKey(key)) {
                keys.add(key);
            }
        }
        return String.join(", ", keys.stream().sorted().limit(5).toList());
    }

    /** A connection object that is never connected: the holder of URLConnection's static defaults. */
    private static URLConnection probeConnection() {
        try {
            return new URLConnection(new URL("file:/")) {
                @Override
                public void connect() {
                    // never connected; only its static defaults are read and written
                }
            };
        } catch (MalformedURLException e) {
            throw new IllegalStateException("file:/ is a valid URL", e);
        }
    }
}
