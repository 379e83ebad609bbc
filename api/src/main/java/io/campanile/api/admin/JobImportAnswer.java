package io.campanile.api.admin;

import java.util.List;

/**
 * What an import did, in one transaction: each job of the document by name, in the document's order, then the jobs
 * deleted because the document does not have them (only when asked, {@code deleteMissing=true}).
 */
public record JobImportAnswer(int created, int updated, int unchanged, int deleted, List<JobResult> jobs) {}
