package io.campanile.deployments.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A fault as it happened: its number in the soak, the planned fault, the process it hit, the server ids that
 * process had (empty for PostgreSQL, which affects every server), and when it began and ended (the test's wall
 * clock, which is PostgreSQL's: same machine, neither faked). A restart ends once the new process is up.
 */
public record ChaosFaultWindow(
        int number, ChaosFault fault, String target, Set<String> serverIds, Instant start, Instant end, String note) {

    public ChaosFaultWindow {
        serverIds = Set.copyOf(serverIds);
    }

    /**
     * Whether this fault explains a change of {@code app}'s owner away from {@code oldOwnerId} at {@code changedAt}:
     * a fault that can move ownership, on that owner (or PostgreSQL), and the change during it or within
     * {@code grace} after it.
     */
    public boolean explains(String oldOwnerId, Instant changedAt, Duration grace) {
        return fault.kind().canMoveOwnership()
                && (fault.kind() == ChaosFault.Kind.RESTART_POSTGRES || serverIds.contains(oldOwnerId))
                && !changedAt.isBefore(start)
                && !changedAt.isAfter(end.plus(grace));
    }

    @Override
    public String toString() {
        return "CHAOS-FAULT #" + number + " " + fault.kind() + " " + target + " ids=" + serverIds + " from=" + start
                + " to=" + end + " took-ms=" + Duration.between(start, end).toMillis() + " plan=[" + fault + "]"
                + (note.isEmpty() ? "" : " " + note);
    }
}
