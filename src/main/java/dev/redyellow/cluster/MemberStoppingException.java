package dev.redyellow.cluster;

/**
 * A worker member is stopping (SIGTERM) and ended the run it held: the coordinator runs it again
 * elsewhere, as it does when a member dies.
 */
final class MemberStoppingException extends Exception {
    private static final long serialVersionUID = 1L;

    MemberStoppingException(String member) {
        super("member " + member + " is stopping");
    }
}
