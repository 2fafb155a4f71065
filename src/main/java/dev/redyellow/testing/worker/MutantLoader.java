package dev.redyellow.testing.worker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The class loader of a mutation measurement's run (issue 22): the run's class path, with classes of
 * the workspace's own defined from given bytes instead of their class files (the mutant, or the
 * line-probed classes of a coverage run), so the tests meet them and nothing else changes. Made anew
 * for each mutant, as PIT's minions make theirs.
 *
 * <p>It also offers the JUnit Jupiter extension that stops the run at the first failing test
 * ({@link TestPlatform#STOP_EXTENSION}) as a service, so that Jupiter's extension detection, switched
 * on for a mutant's run and limited to that one class, finds it: a mutant is killed by one failure,
 * and the tests after it would only cost time.
 */
final class MutantLoader extends URLClassLoader {

    static final String EXTENSION_SERVICE = "META-INF/services/org.junit.jupiter.api.extension.Extension";

    private final Map<String, MutatedClass> replaced = new HashMap<>();
    private final URL service;

    MutantLoader(String name, URL[] urls, ClassLoader parent, List<MutatedClass> replaced) {
        super(name, urls, parent);
        replaced.forEach(m -> this.replaced.put(m.name(), m));
        this.service = serviceUrl(TestPlatform.STOP_EXTENSION + "\n");
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        MutatedClass own = replaced.get(name);
        if (own != null) {
            byte[] bytes = own.bytes();
            // the code source of its class file, so code that finds where it was loaded from still does
            URL file = findResource(name.replace('.', '/') + ".class");
            URL root = getURLs().length == 0 ? null : getURLs()[0];
            ProtectionDomain domain = new ProtectionDomain(new CodeSource(file == null ? root : root(file, name, root),
                    (CodeSigner[]) null), null, this, null);
            return defineClass(name, bytes, 0, bytes.length, domain);
        }
        return super.findClass(name);
    }

    @Override
    public Enumeration<URL> findResources(String name) throws IOException {
        if (!name.equals(EXTENSION_SERVICE)) {
            return super.findResources(name);
        }
        List<URL> all = new ArrayList<>(Collections.list(super.findResources(name)));
        all.add(service);
        return Collections.enumeration(all);
    }

    /** The class-path root a class file was found in: the first root that holds it. */
    private URL root(URL file, String name, URL fallback) {
        String path = name.replace('.', '/') + ".class";
        for (URL candidate : getURLs()) {
            if (file.toString().equals(candidate.toString() + path)) {
                return candidate;
            }
        }
        return fallback;
    }

    /** A URL whose content is {@code text}, held in memory: no file to write or to leave behind. */
    private static URL serviceUrl(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        URLStreamHandler handler = new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) {
                return new URLConnection(url) {
                    @Override
                    public void connect() {
                        connected = true;
                    }

                    @Override
                    public InputStream getInputStream() {
                        return new ByteArrayInputStream(bytes);
                    }
                };
            }
        };
        try {
            return new URL(null, "redyellow-mutant:/" + EXTENSION_SERVICE, handler);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException("cannot make the in-memory service URL", e);
        }
    }
}
