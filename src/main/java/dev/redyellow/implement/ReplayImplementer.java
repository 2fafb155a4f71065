package dev.redyellow.implement;

import java.util.List;

/** Replays the feature's prepared attempts: attempt n is used for try n. */
public final class ReplayImplementer implements Implementer {

    /** The attempts come from the manifest: a workspace would be made for nothing. */
    @Override
    public boolean readsWorkspace() {
        return false;
    }

    /** The attempts are the manifest's, written before the run. */
    @Override
    public boolean preparedInAdvance() {
        return true;
    }

    @Override
    public AttemptResult implement(AttemptRequest request) {
        List<dev.redyellow.manifest.FileSet> attempts = request.feature().attempts();
        int n = request.attempt();
        if (n > attempts.size()) {
            return new AttemptResult.NoCode("the manifest has " + attempts.size() + " replayed attempt"
                    + (attempts.size() == 1 ? "" : "s") + " for " + request.feature().id() + ", none for try " + n, true);
        }
        return new AttemptResult.Produced(attempts.get(n - 1));
    }
}
