package io.campanile.scheduler.domain.job;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface JobRepository {

    void add(Job job);

    /** The job with this id, deleted or not. */
    Optional<Job> find(String appName, long jobId);

    /** The job, locked against concurrent changes (and fires) until the transaction ends. */
    Optional<Job> findForChange(String appName, long jobId);

    /**
     * The app's jobs of these ids (deleted or not; ids of other apps or of no job are left out), by id, each locked
     * as by {@link #findForChange(String, long)}: in id order, so that two requests locking some of the same jobs
     * cannot deadlock.
     */
    List<Job> findForChange(String appName, Collection<Long> jobIds);

    /** The app's live jobs of these names, by name; names of no live job are left out. */
    List<Job> findByNames(String appName, Collection<String> names);

    /** The live job of this name. */
    Optional<Job> findByName(String appName, String name);

    /** Whether a live job has this name. */
    boolean existsByName(String appName, String name);

    /** The app's live jobs, by name. */
    List<Job> findByApp(String appName);

    /** The earliest next fire time among the app's enabled CRON jobs. */
    Optional<Instant> earliestNextFire(String appName);

    /** {@link #earliestNextFire} of each of these apps in one look; apps without enabled CRON jobs are missing. */
    Map<String, Instant> earliestNextFires(Collection<String> appNames);

    /** Enabled CRON jobs of the app whose next fire time is at or before {@code now}. */
    List<Job> findDue(String appName, Instant now, int limit);
}
