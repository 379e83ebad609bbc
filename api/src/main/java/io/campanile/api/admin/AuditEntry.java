package io.campanile.api.admin;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * One change made through the admin API, or one refused for want of a role or app scope ({@code denied}).
 *
 * @param at when, by the database's clock
 * @param actor the token's name; {@code bootstrap} for the configured admin token
 * @param action a short name of what was done ({@code job.update}, {@code instance.stop}, {@code token.create})
 * @param path the request path under {@code /api}, such as {@code v1/apps/shop/jobs/7}
 * @param app the app it concerns; null for cluster-wide changes (tokens, a new app is its own target)
 * @param targetKind {@code app}, {@code job}, {@code instance}, {@code token}; null when none
 * @param targetId the target's id or name
 * @param status the HTTP status of the answer
 * @param before the target as the API showed it before the change; null when there was none or it is not kept
 * @param after the target after the change, as the answer showed it
 */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String action,
        String method,
        String path,
        String app,
        String targetKind,
        String targetId,
        int status,
        boolean denied,
        String serverId,
        JsonObject before,
        JsonObject after) {}
