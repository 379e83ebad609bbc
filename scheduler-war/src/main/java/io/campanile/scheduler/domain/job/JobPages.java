package io.campanile.scheduler.domain.job;

import java.util.List;

/** An app's live jobs listed page by page, by name (keyset paging: a name is unique among live jobs). */
public interface JobPages {

    /** The jobs that pass the filter whose name comes after {@code afterName} (from the first when null), by name. */
    List<Job> page(JobFilter filter, String afterName, int limit);

    /** How many jobs pass the filter. */
    long count(JobFilter filter);
}
