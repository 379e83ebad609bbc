package io.campanile.api.admin;

/**
 * Pauses a job.
 *
 * @param note why, for whoever looks at the job later; may be null (at most 1,000 characters)
 */
public record PauseRequest(String note) {}
