package io.campanile.api.admin;

import java.time.Instant;

/**
 * Asks for one run of a job.
 *
 * @param parameters replaces the job's parameters for this run when not null; the server accepts
 *     any JSON value (a JSON string as it is, any other value as its JSON text)
 * @param delaySeconds run no earlier than this many seconds from now; 0 when absent
 * @param requestId an idempotency key: a repeated request with the same key returns the
 *     instance the first one created; a fresh key is generated when absent
 * @param at run at this instant (an instant in the past runs now); at most one of {@code at} and
 *     {@code delaySeconds}
 */
public record RunRequest(@AnyJsonValue String parameters, Long delaySeconds, String requestId, Instant at) {

    public RunRequest(String parameters, Long delaySeconds, String requestId) {
        this(parameters, delaySeconds, requestId, null);
    }

    public static RunRequest now() {
        return new RunRequest(null, null, null, null);
    }

    public static RunRequest at(Instant at, String requestId) {
        return new RunRequest(null, null, requestId, at);
    }
}
