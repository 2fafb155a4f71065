package dev.redyellow.run;

import dev.redyellow.implement.AutoReviewer;
import dev.redyellow.implement.Implementer;
import dev.redyellow.implement.ManualDecisions;
import dev.redyellow.implement.ManualReviewer;
import dev.redyellow.implement.ReplayImplementer;
import dev.redyellow.implement.Reviewer;
import dev.redyellow.implement.CommandReviewer;
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
        // Java 17 has no pattern switch; FeatureKinds.unsupported(...) refused other kinds before the run.
        if (feature.implementer() instanceof ImplementerSettings.Replay) {
            return new ReplayImplementer();
        }
        throw unsupported(feature, "implementer kind " + kindName(feature.implementer()));
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
        throw unsupported(feature, "review kind " + kindName(review));
    }

    /** The kinds this version cannot run yet, one line each; empty when the whole manifest can run. */
    public static List<String> unsupported(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        for (Feature f : manifest.features()) {
            if (!(f.implementer() instanceof ImplementerSettings.Replay)) {
                problems.add("feature " + f.id() + ": implementer kind '" + kindName(f.implementer())
                        + "' is not available in this version; use \"replay\"");
            }
            if (f.review() instanceof ReviewSettings.Llm) {
                problems.add("feature " + f.id() + ": review kind 'llm' is not available in this version");
            }
        }
        return problems;
    }

    private static String kindName(Object settings) {
        return settings.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static IllegalStateException unsupported(Feature feature, String what) {
        return new IllegalStateException(what + " is not available in this version (feature " + feature.id() + ")");
    }
}
