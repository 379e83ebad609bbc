package io.campanile.scheduler.domain.job;

import io.campanile.api.GapRule;
import io.campanile.api.ScheduleType;
import io.campanile.scheduler.domain.schedule.FixedDelay;
import io.campanile.scheduler.domain.schedule.Schedule;
import io.campanile.scheduler.domain.schedule.ScheduleSpec;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A job of an app: what to run (a processor name and parameters) and when (its schedule). */
@Entity
@Table(name = "job")
@SequenceGenerator(name = "job_seq", sequenceName = "job_seq", allocationSize = 20)
public class Job {

    private static final int MAX_ERROR = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_seq")
    private Long id;

    @Column(name = "app_name", nullable = false)
    private String appName;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String processor;

    @Enumerated(EnumType.STRING)
    @Column(name = "schedule_type", nullable = false)
    private ScheduleType scheduleType;

    private String cron;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    private String parameters;

    private boolean enabled;

    @Column(name = "next_fire_at")
    private OffsetDateTime nextFireAt;

    @Column(name = "interval_ms")
    private Long intervalMillis;

    @Column(name = "start_at")
    private OffsetDateTime startAt;

    @Column(name = "end_at")
    private OffsetDateTime endAt;

    @Column(name = "run_at")
    private OffsetDateTime runAt;

    @Column(name = "day_start")
    private String dayStart;

    @Column(name = "day_end")
    private String dayEnd;

    /** Comma-separated {@link DayOfWeek} names; null for every day. */
    @Column(name = "days_of_week")
    private String daysOfWeek;

    @Enumerated(EnumType.STRING)
    @Column(name = "gap_rule", nullable = false)
    private GapRule gapRule = GapRule.FIRE_AFTER_GAP;

    @Embedded
    private FirePolicies policies = new FirePolicies();

    @Embedded
    private RetryPolicy retry = new RetryPolicy();

    @Embedded
    private Routing routing = new Routing();

    /** Whether its run logs stay in the worker's own log. */
    @Column(name = "logs_local", nullable = false)
    private boolean logsLocal;

    /** The time limit of an attempt; null: none. */
    @Column(name = "attempt_timeout_ms")
    private Long attemptTimeoutMillis;

    /** The latest fire time accounted for (created, or recorded as skipped); null before the first. */
    @Column(name = "last_fire_at")
    private OffsetDateTime lastFireAt;

    /** Moves with each edit through the admin API (not with fires, unlike {@link #version}): an update's If-Match. */
    private long revision = 1;

    /** Why the job was paused, as its operator said; null while it is enabled. */
    @Column(name = "paused_note")
    private String pausedNote;

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    /** 0 while the job is live, its id once deleted: the name is unique among live jobs only. */
    @Column(name = "live_key", nullable = false)
    private long liveKey;

    /** Why the job was taken out of firing on its own; null while its schedule can be computed. */
    @Column(name = "schedule_error")
    private String scheduleError;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    /**
     * The stored schedule, read from the columns once per loaded job and its fire times parsed once: a job is read
     * afresh in every transaction (the shared cache is off), and only {@link #define} changes the columns.
     */
    @Transient
    private transient ScheduleSpec parsedSpec;

    @Transient
    private transient Optional<Schedule> parsedSchedule;

    protected Job() {}

    /** A CRON or API job. */
    public Job(
            String appName,
            String name,
            String processor,
            ScheduleType scheduleType,
            String cron,
            String timeZone,
            String parameters,
            boolean enabled,
            Instant createdAt) {
        this(
                appName,
                name,
                processor,
                ScheduleSpec.of(scheduleType, cron, ZoneId.of(timeZone)),
                parameters,
                enabled,
                createdAt);
    }

    /** @throws IllegalArgumentException if the schedule cannot be computed */
    public Job(
            String appName,
            String name,
            String processor,
            ScheduleSpec spec,
            String parameters,
            boolean enabled,
            Instant createdAt) {
        this.appName = appName;
        this.name = name;
        this.processor = processor;
        define(spec);
        this.parameters = parameters;
        this.enabled = enabled;
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
        if (enabled) {
            reschedule(createdAt);
        }
    }

    /** Sets the schedule's fields; the next fire time is the caller's to compute. */
    private void define(ScheduleSpec spec) {
        this.parsedSpec = null;
        this.parsedSchedule = null;
        this.scheduleType = spec.type();
        this.cron = spec.cron();
        this.timeZone = spec.zone().getId();
        this.intervalMillis = spec.interval() == null ? null : spec.interval().toMillis();
        this.startAt = utc(spec.startAt());
        this.endAt = utc(spec.endAt());
        this.runAt = utc(spec.runAt());
        this.dayStart = spec.dayStart() == null ? null : spec.dayStart().toString();
        this.dayEnd = spec.dayEnd() == null ? null : spec.dayEnd().toString();
        this.daysOfWeek = spec.days().size() == DayOfWeek.values().length
                ? null
                : spec.days().stream().map(DayOfWeek::name).collect(Collectors.joining(","));
        this.gapRule = spec.gapRule();
    }

    /**
     * The next fire time from {@code now} on: the first fire at or after it (a one-off's instant even if it has
     * passed), never a time at or before the last fire accounted for, so that no fire time is created twice.
     */
    private void reschedule(Instant now) {
        ScheduleSpec spec = spec();
        Instant from = spec.firstFrom(now).minusNanos(1);
        if (lastFireAt != null && !lastFireAt.toInstant().isBefore(from)) {
            from = lastFireAt.toInstant();
        }
        nextAfter(from);
    }

    private void nextAfter(Instant after) {
        nextFireAt = spec().schedule()
                .flatMap(s -> s.nextAfter(after))
                .map(f -> utc(f.at()))
                .orElse(null);
        scheduleError = null;
    }

    /**
     * Replaces what the job runs and when, from {@code now}: fires already created stay, the next one follows the
     * new schedule (never a fire time already accounted for).
     */
    public void redefine(String newProcessor, ScheduleSpec spec, String newParameters, Instant now) {
        requireLive();
        this.processor = newProcessor;
        this.parameters = newParameters;
        define(spec);
        revision++;
        nextFireAt = null;
        if (enabled) {
            reschedule(now);
        }
    }

    /** Its misfire and overlap policies, to read or change. */
    public FirePolicies policies() {
        return policies;
    }

    /** The time limit of an attempt, past which its worker interrupts it (empty: none). */
    public Optional<Duration> attemptTimeout() {
        return Optional.ofNullable(attemptTimeoutMillis).map(Duration::ofMillis);
    }

    public void limitAttempts(Duration timeout) {
        this.attemptTimeoutMillis = timeout == null ? null : timeout.toMillis();
    }

    public boolean logsLocal() {
        return logsLocal;
    }

    /** Keeps its run logs in the worker's own log (true) or has them sent to the scheduler (false). */
    public void keepLogsLocal(boolean local) {
        this.logsLocal = local;
    }

    /** Which workers may run its instances and how one is picked, to read or change. */
    public Routing routing() {
        return routing;
    }

    /** Its retry policy, to read or change. */
    public RetryPolicy retry() {
        return retry;
    }

    /** Stops firing until resumed; the note says why (null: none given). */
    public void pause(String note, Instant now) {
        requireLive();
        enabled = false;
        pausedNote = note;
        nextFireAt = null;
        revision++;
    }

    /**
     * Fires again. The fire times it had while paused are missed fire times: its misfire policy says which of them
     * run now and which are recorded skipped. A job that never fired starts from {@code now}.
     */
    public void resume(Instant now) {
        requireLive();
        enabled = true;
        pausedNote = null;
        revision++;
        if (lastFireAt == null) {
            reschedule(now);
        } else {
            nextAfter(lastFireAt.toInstant());
        }
    }

    /**
     * Deletes the job: it no longer fires or runs and its name is free again; it stays readable with its instances
     * (fires created before the deletion still run).
     */
    public void delete(Instant now) {
        requireLive();
        enabled = false;
        nextFireAt = null;
        deletedAt = utc(now);
        liveKey = id;
        revision++;
    }

    private void requireLive() {
        if (deletedAt != null) {
            throw new IllegalStateException("job " + id + " was deleted at " + deletedAt.toInstant());
        }
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public Optional<Instant> deletedAt() {
        return Optional.ofNullable(deletedAt).map(OffsetDateTime::toInstant);
    }

    public Optional<String> pausedNote() {
        return Optional.ofNullable(pausedNote);
    }

    public long revision() {
        return revision;
    }

    /** The schedule as stored. */
    public ScheduleSpec spec() {
        if (parsedSpec == null) {
            parsedSpec = readSpec();
        }
        return parsedSpec;
    }

    private ScheduleSpec readSpec() {
        return new ScheduleSpec(
                scheduleType,
                cron,
                ZoneId.of(timeZone),
                intervalMillis == null ? null : Duration.ofMillis(intervalMillis),
                instant(startAt),
                instant(endAt),
                instant(runAt),
                dayStart == null ? null : LocalTime.parse(dayStart),
                dayEnd == null ? null : LocalTime.parse(dayEnd),
                daysOfWeek == null
                        ? null
                        : Arrays.stream(daysOfWeek.split(","))
                                .map(DayOfWeek::valueOf)
                                .collect(Collectors.toSet()),
                gapRule);
    }

    /** The fire times; empty for an API job. */
    public Optional<Schedule> schedule() {
        if (parsedSchedule == null) {
            parsedSchedule = spec().schedule();
        }
        return parsedSchedule;
    }

    /**
     * Where the fire times after the last one accounted for are computed from: the last fire, or just before the
     * job's first possible fire.
     */
    public Instant accountedThrough() {
        return lastFireAt != null
                ? lastFireAt.toInstant()
                : spec().firstFrom(createdAt.toInstant()).minusNanos(1);
    }

    /** Records {@code fired} as accounted for and moves the next fire time past it; null when it never fires again. */
    public void advancePast(Instant fired, Schedule schedule) {
        lastFireAt = utc(fired);
        nextFireAt = schedule.nextTimeAfter(fired).map(Job::utc).orElse(null);
    }

    /** A FIXED_DELAY job whose previous fire is still going: the owner looks at it again at {@code at}. */
    public void lookAgainAt(Instant at) {
        nextFireAt = utc(at);
    }

    /**
     * A FIXED_DELAY job whose previous fire ended at {@code endedAt}: its next fire is its delay later (before its
     * end, if it has one), even if that has passed (then it fires at once).
     */
    public void followEnd(Instant endedAt, FixedDelay delay) {
        Instant next = delay.afterEnd(endedAt);
        nextFireAt = endAt != null && next.isAfter(endAt.toInstant()) ? null : utc(next);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /**
     * Takes the job out of firing because its schedule cannot be computed; the reason is kept on the job. Other
     * jobs of the app go on firing.
     */
    public void suspendSchedule(String reason) {
        nextFireAt = null;
        scheduleError = reason.length() > MAX_ERROR ? reason.substring(0, MAX_ERROR - 3) + "..." : reason;
    }

    public Optional<String> scheduleError() {
        return Optional.ofNullable(scheduleError);
    }

    public Optional<Instant> nextFireTime() {
        return Optional.ofNullable(nextFireAt).map(OffsetDateTime::toInstant);
    }

    public Long id() {
        return id;
    }

    public String appName() {
        return appName;
    }

    public String name() {
        return name;
    }

    public String processor() {
        return processor;
    }

    public ScheduleType scheduleType() {
        return scheduleType;
    }

    public String cron() {
        return cron;
    }

    public String timeZone() {
        return timeZone;
    }

    public String parameters() {
        return parameters;
    }

    public boolean enabled() {
        return enabled;
    }

    public Optional<Instant> lastFireTime() {
        return Optional.ofNullable(lastFireAt).map(OffsetDateTime::toInstant);
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
