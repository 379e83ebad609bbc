package io.campanile.api.admin;

import java.util.List;

/**
 * What a bulk request did, in one transaction.
 *
 * @param changed how many jobs changed (paused, resumed or deleted)
 * @param unchanged how many were already as asked
 * @param jobs each job named, once, by id
 */
public record JobBulkAnswer(JobBulkAction action, int changed, int unchanged, List<JobResult> jobs) {}
