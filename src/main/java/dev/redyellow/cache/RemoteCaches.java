package dev.redyellow.cache;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Puts the remote tier, when one is set, behind an opened local cache for one run. */
public final class RemoteCaches {

    private RemoteCaches() {
    }

    /**
     * {@code local} with the remote behind it, or {@code local} itself when no remote is set or the
     * local cache is off (nothing would use it). A credentials variable that is unset is a warning,
     * and the run goes on with the local cache only.
     *
     * @param policy   the local cache's settings: what it keeps is what goes to the remote
     * @param warnings where one-line warnings go (the console, the window)
     */
    public static TestCache wrap(TestCache local, Optional<RemoteCacheSettings> remote, CacheSettings policy,
                                 Map<String, String> env, Consumer<String> warnings) {
        if (remote.isEmpty() || local instanceof DisabledTestCache) {
            return local;
        }
        Optional<String> authorization;
        try {
            authorization = remote.get().authorization(env);
        } catch (IllegalArgumentException e) {
            warnings.accept(e.getMessage() + "; this run goes on with the local cache only");
            return local;
        }
        return new RemoteTestCache(local, remote.get(), authorization, policy, warnings);
    }
}
