package io.campanile.api.protocol;

import java.util.List;

/**
 * A worker claims the attempts of one poll answer before it runs any of them: the server moves each
 * from WAITING to RUNNING on that worker only while {@code epoch} (the epoch of the answer that handed
 * them out) is still the app's epoch. The worker calls a processor only for what the answer lists as
 * claimed. Repeating a claim is safe: an attempt already running on the same worker is claimed again.
 * Any server records claims.
 */
public record ClaimRequest(String workerId, long epoch, List<Claim> claims) {}
