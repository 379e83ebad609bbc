package io.campanile.api.admin;

import java.time.Instant;
import java.util.List;

/**
 * An app's live jobs as a document: what {@code GET .../jobs/export} answers and {@code POST .../jobs/import} takes.
 *
 * @param formatVersion {@link #FORMAT_VERSION}; an import refuses any other
 * @param app the app the jobs were exported from (for people; an import may go to any app and ignores it)
 * @param exportedAt when (ignored by an import)
 * @param jobs the jobs, by name; each with the fields its schedule type uses, its policies given in full
 */
public record JobExport(Integer formatVersion, String app, Instant exportedAt, List<JobDefinition> jobs) {

    public static final int FORMAT_VERSION = 1;

    /** A document to import, with these jobs. */
    public static JobExport of(List<JobDefinition> jobs) {
        return new JobExport(FORMAT_VERSION, null, null, jobs);
    }
}
