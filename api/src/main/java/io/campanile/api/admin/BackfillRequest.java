package io.campanile.api.admin;

import java.time.Instant;

/**
 * Runs a job again for the fire times its schedule has in a past range: one run per fire time, each with that fire
 * time as its scheduled time (the processor's context), answered as a {@link RunBatchAnswer}.
 *
 * @param from the first instant of the range (inclusive), within 366 days of now
 * @param to the last instant of the range (inclusive), not in the future; at most 1,000 fire times in the range
 * @param requestId optional (1–40 letters, digits, '.', '_', '-'): the same request repeated creates nothing new;
 *     a backfill of the same range under another id runs the fire times again
 */
public record BackfillRequest(Instant from, Instant to, String requestId) {}
