package io.campanile.api.admin;

/**
 * Why an operator stops, retries or marks an instance succeeded (optional, at most 1,000 characters): kept with the
 * instance's result.
 */
public record InstanceNote(String note) {}
