package tools;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out slugs that are unique within one document or site: the second "Intro" becomes
 * "intro-2". Keep one instance per document.
 */
public final class UniqueSlugs {

    private final Set<String> issued = new HashSet<>();
    private final String fallback;

    /** Titles without letters or digits get {@code fallback} as their slug. */
    public UniqueSlugs(String fallback) {
        if (Slug.of(fallback).isEmpty()) {
            throw new IllegalArgumentException("fallback must give a non-empty slug: '" + fallback + "'");
        }
        this.fallback = Slug.of(fallback);
    }

    public UniqueSlugs() {
        this("section");
    }

    /** The slug of {@code title}, suffixed with -2, -3, ... when that slug was already handed out. */
    public String next(String title) {
        String base = Slug.of(title);
        if (base.isEmpty()) {
            base = fallback;
        }
        String candidate = base;
        for (int n = 2; issued.contains(candidate); n++) {
            candidate = base + "-" + n;
        }
        issued.add(candidate);
        return candidate;
    }
}
