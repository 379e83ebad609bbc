package io.campanile.scheduler.domain.app;

import java.time.Instant;

/**
 * The secrets an app's workers may present: the current one, and after a rotation the one it replaced, until its
 * grace ends (the database's time). Both as stored, hashed.
 *
 * @param previous null when there is none
 * @param previousValidUntil the end of the previous secret's grace (exclusive); null when there is none
 */
public record AppSecrets(AppSecret current, AppSecret previous, Instant previousValidUntil) {

    /** Whether {@code presented} is the current secret, or the previous one before {@code now} ends its grace. */
    public boolean accept(String presented, Instant now) {
        if (current.matches(presented)) {
            return true;
        }
        return previous != null && now.isBefore(previousValidUntil) && previous.matches(presented);
    }
}
