package dev.redyellow.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A program to run: argv (no shell), working directory, extra environment variables (added to the
 * inherited environment) and a timeout after which the whole process tree is killed.
 */
public record ProcessSpec(List<String> command, Path directory, Map<String, String> env, Duration timeout) {
    public ProcessSpec {
        command = List.copyOf(command);
        env = Map.copyOf(env);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
    }
}
