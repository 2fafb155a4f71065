package dev.redyellow.cache;

import java.nio.file.Path;
import java.util.Map;

/** Where the RedYellow file is: an explicit path, else {@code REDYELLOW_DB}, else the user's home. */
public final class CacheLocation {
    public static final String ENV = "REDYELLOW_DB";

    private CacheLocation() {
    }

    public static Path resolve(Path explicitOrNull, Map<String, String> env) {
        return resolve(explicitOrNull, env, Path.of(System.getProperty("user.home")));
    }

    static Path resolve(Path explicitOrNull, Map<String, String> env, Path home) {
        if (explicitOrNull != null) {
            return explicitOrNull;
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.strip());
        }
        return home.resolve(".redyellow").resolve("redyellow.db");
    }
}
