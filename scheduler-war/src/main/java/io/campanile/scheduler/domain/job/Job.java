package io.campanile.scheduler.domain.job;

import io.campanile.api.ScheduleType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

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

    /** Why the job was taken out of firing on its own; null while its schedule can be computed. */
    @Column(name = "schedule_error")
    private String scheduleError;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Job() {}

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
        this.appName = appName;
        this.name = name;
        this.processor = processor;
        this.scheduleType = scheduleType;
        this.cron = cron;
        this.timeZone = timeZone;
        this.parameters = parameters;
        this.enabled = enabled;
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
        if (scheduleType == ScheduleType.CRON && enabled) {
            this.nextFireAt = schedule()
                    .nextAfter(createdAt)
                    .map(t -> t.atOffset(ZoneOffset.UTC))
                    .orElse(null);
        }
    }

    public CronSchedule schedule() {
        return CronSchedule.parse(cron, timeZone);
    }

    /** Moves the next fire time past the one just fired; null when the expression never fires again. */
    public void advancePast(Instant fired, CronSchedule schedule) {
        nextFireAt =
                schedule.nextAfter(fired).map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null);
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

    public Instant createdAt() {
        return createdAt.toInstant();
    }
}
