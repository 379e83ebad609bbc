package io.campanile.api.admin;

import java.util.List;

/**
 * What a {@link RunBatch} did.
 *
 * @param created runs created by this request
 * @param existing runs an earlier request with the same request id had created
 * @param instanceIds the instance of each run, in the order of the batch
 */
public record RunBatchAnswer(int created, int existing, List<Long> instanceIds) {}
