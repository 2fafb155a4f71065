package dev.redyellow.run;

import dev.redyellow.implement.AutoReviewer;
import dev.redyellow.implement.Implementer;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.implement.ManualReviewer;
import dev.redyellow.implement.ReplayImplementer;
import dev.redyellow.implement.Reviewer;
import dev.redyellow.implement.CommandImplementer;
import dev.redyellow.implement.CommandReviewer;
import dev.redyellow.implement.LlmImplementer;
import dev.redyellow.implement.LlmReviewer;
import dev.redyellow.manifest.Feature;
import dev.redyellow.manifest.ImplementerSettings;
import dev.redyellow.manifest.Manifest;
import dev.redyellow.manifest.ReviewSettings;
import dev.redyellow.testing.TestRunner;
import java.util.ArrayList;
import java.util.List;

/** Chooses the test runner, implementer and reviewer for each feature from its settings. */
public final class FeatureKinds {
    private final TestRunner tests;
    private final ManualDecisions decisions;

    FeatureKinds(TestRunner tests, ManualDecisions decisions) {
        this.tests = tests;
        this.decisions = decisions;
    }

    TestRunner tests() {
        return tests;
    }

    Implementer implementer(Feature feature) {
        // Java 17 has no pattern switch over the sealed settings.
        ImplementerSettings settings = feature.implementer();
        if (settings instanceof ImplementerSettings.Replay) {
            return new ReplayImplementer();
        }
        if (settings instanceof ImplementerSettings.Command command) {
            return new CommandImplementer(command);
        }
        if (settings instanceof ImplementerSettings.Llm llm) {
            return new LlmImplementer(llm);
        }
        throw unsupported(feature, "implementer kind " + kindName(settings));
    }

    Reviewer reviewer(Feature feature) {
        ReviewSettings review = feature.review();
        if (review instanceof ReviewSettings.Auto) {
            return new AutoReviewer();
        }
        if (review instanceof ReviewSettings.Manual) {
            return new ManualReviewer(decisions);
        }
        if (review instanceof ReviewSettings.Command command) {
            return new CommandReviewer(command);
        }
        if (review instanceof ReviewSettings.Llm llm) {
            return new LlmReviewer(llm);
        }
        throw unsupported(feature, "review kind " + kindName(review));
    }

    /**
     * What keeps the manifest from running, one line each; empty when it can run. Every kind is
     * available; what is checked is what would fail every attempt at once: an llm implementer or
     * reviewer whose {@code apiKeyEnv} names an environment variable that is not set.
     */
    public static List<String> unsupported(Manifest manifest) {
        return unsupported(manifest, System::getenv);
    }

    static List<String> unsupported(Manifest manifest, java.util.function.Function<String, String> environment) {
        List<String> problems = new ArrayList<>();
        for (Feature f : manifest.features()) {
            String implementerKey = f.implementer() instanceof ImplementerSettings.Llm llm ? llm.apiKeyEnv() : null;
            String reviewKey = f.review() instanceof ReviewSettings.Llm llm ? llm.apiKeyEnv() : null;
            missingKey(f, "implementer", implementerKey, environment).ifPresent(problems::add);
            missingKey(f, "review", reviewKey, environment).ifPresent(problems::add);
        }
        return problems;
    }

    private static java.util.Optional<String> missingKey(Feature f, String role, String variable,
                                                         java.util.function.Function<String, String> environment) {
        if (variable == null) {
            return java.util.Optional.empty();
        }
        String value = environment.apply(variable);
        if (value != null && !value.isBlank()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("feature " + f.id() + ": the llm " + role + " reads its API key from the environment"
                + " variable " + variable + " (apiKeyEnv), which is not set");
    }

    private static String kindName(Object settings) {
        return settings.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static IllegalStateException unsupported(Feature feature, String what) {
        return new IllegalStateException(what + " is not available in this version (feature " + feature.id() + ")");
    }
}
