package io.campanile.scheduler.domain.instance;

import java.util.List;

/** An app's instances listed page by page (keyset paging on fire time and id), for operators. */
public interface InstancePages {

    /**
     * The instances that pass the filter, ordered by fire time and then id (newest first or oldest first), that come
     * after {@code after} in that order (from the first when null), at most {@code limit}: one query.
     */
    List<JobInstance> page(InstanceFilter filter, boolean newestFirst, FirePosition after, int limit);

    /** How many instances pass the filter. */
    long count(InstanceFilter filter);
}
