package io.campanile.scheduler.testing;

import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.job.JobRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The jobs a test sets up, by app and id, found as the database would. What these tests never call throws. */
public final class InMemoryJobs implements JobRepository {

    private final List<Job> all = new ArrayList<>();
    private long nextId = 1_000_000;

    /** Adds the job, giving it an id unless the test gave it one. */
    @Override
    public void add(Job job) {
        all.add(job.id() == null ? Ids.withId(job, nextId++) : job);
    }

    @Override
    public Optional<Job> find(String appName, long jobId) {
        return all.stream()
                .filter(j -> j.appName().equals(appName) && j.id() == jobId)
                .findFirst();
    }

    @Override
    public Optional<Job> findForChange(String appName, long jobId) {
        return find(appName, jobId);
    }

    @Override
    public List<Job> findForChange(String appName, Collection<Long> jobIds) {
        return all.stream()
                .filter(j -> j.appName().equals(appName) && jobIds.contains(j.id()))
                .sorted(java.util.Comparator.comparing(Job::id))
                .toList();
    }

    @Override
    public List<Job> findByNames(String appName, Collection<String> names) {
        return findByApp(appName).stream().filter(j -> names.contains(j.name())).toList();
    }

    @Override
    public Optional<Job> findByName(String appName, String name) {
        return findByNames(appName, List.of(name)).stream().findFirst();
    }

    @Override
    public boolean existsByName(String appName, String name) {
        return findByName(appName, name).isPresent();
    }

    /** The app's live jobs, by name. */
    @Override
    public List<Job> findByApp(String appName) {
        return all.stream()
                .filter(j -> j.appName().equals(appName) && !j.deleted())
                .sorted(java.util.Comparator.comparing(Job::name))
                .toList();
    }

    @Override
    public Optional<Instant> earliestNextFire(String appName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Instant> earliestNextFires(Collection<String> appNames) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Job> findDue(String appName, Instant now, int limit) {
        throw new UnsupportedOperationException();
    }
}
