package io.campanile.scheduler.domain.instance;

import io.campanile.api.InstanceState;
import io.campanile.api.TriggerType;
import io.campanile.scheduler.domain.job.Job;
import io.campanile.scheduler.domain.schedule.WallClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One fire of a job. Created WAITING under the creating owner's epoch; its state changes go through
 * conditional updates in {@link InstanceRepository}, never through this object.
 */
@Entity
@Table(name = "job_instance")
@SequenceGenerator(name = "job_instance_seq", sequenceName = "job_instance_seq", allocationSize = 50)
public class JobInstance {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_instance_seq")
    private Long id;

    @Column(name = "job_id", nullable = false)
    private long jobId;

    @Column(name = "app_name", nullable = false)
    private String appName;

    @Column(name = "fire_key", nullable = false)
    private String fireKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type", nullable = false)
    private TriggerType trigger;

    @Column(name = "fire_time", nullable = false)
    private OffsetDateTime fireTime;

    /** When the current attempt may be handed out: the fire time, or a retry's time after its backoff. */
    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    private String parameters;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InstanceState state;

    private int attempt;

    private long epoch;

    @Column(name = "owner_id", nullable = false)
    private String ownerId;

    @Column(name = "worker_id")
    private String workerId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    private String result;

    protected JobInstance() {}

    private JobInstance(
            Job job,
            TriggerType trigger,
            String fireKey,
            Instant fireTime,
            String parameters,
            long epoch,
            String ownerId,
            Instant now) {
        this.jobId = job.id();
        this.appName = job.appName();
        this.trigger = trigger;
        this.fireKey = fireKey;
        this.fireTime = fireTime.atOffset(ZoneOffset.UTC);
        this.dueAt = this.fireTime;
        this.parameters = parameters;
        this.state = InstanceState.WAITING;
        this.attempt = 1;
        this.epoch = epoch;
        this.ownerId = ownerId;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
    }

    /** The instance of a scheduled fire; its key is the fire time, so a fire can exist once. */
    public static JobInstance scheduled(Job job, Instant fireTime, long epoch, String ownerId, Instant now) {
        return new JobInstance(
                job, TriggerType.SCHEDULE, scheduledKey(fireTime), fireTime, job.parameters(), epoch, ownerId, now);
    }

    /**
     * A fire time that does not run, recorded terminal with the reason: a local time in a daylight-saving gap under
     * the SKIP rule. Its key is the local time (several local times of one gap share the instant of the change).
     */
    public static JobInstance skipped(Job job, WallClock.Resolved skipped, long epoch, String ownerId, Instant now) {
        return skipped(job, "skip:" + skipped.local(), skipped.at(), skipped.skipReason(), epoch, ownerId, now);
    }

    /**
     * A missed fire time that does not run under the job's misfire policy, recorded terminal with the reason. Its key
     * is the fire time's own, so that a fire time is either run or skipped, never both.
     */
    public static JobInstance missed(
            Job job, Instant fireTime, String reason, long epoch, String ownerId, Instant now) {
        return skipped(job, scheduledKey(fireTime), fireTime, reason, epoch, ownerId, now);
    }

    /** A fire held back by its job's overlap policy until earlier fires of the job end; then it waits as usual. */
    public static JobInstance buffered(Job job, Instant fireTime, long epoch, String ownerId, Instant now) {
        JobInstance instance = scheduled(job, fireTime, epoch, ownerId, now);
        instance.state = InstanceState.BUFFERED;
        return instance;
    }

    /** A fire that does not run because earlier fires of its job are still going, recorded with the reason. */
    public static JobInstance overlapped(
            Job job, Instant fireTime, String reason, long epoch, String ownerId, Instant now) {
        return skipped(job, scheduledKey(fireTime), fireTime, reason, epoch, ownerId, now);
    }

    /**
     * A long run of missed fire times that do not run, recorded as one row rather than one per fire time: the first
     * of them, {@code from}, and every fire time of the schedule after it and before {@code until}.
     */
    public static JobInstance missedRun(
            Job job, Instant from, Instant until, String reason, long epoch, String ownerId, Instant now) {
        String said =
                "every fire time from " + from + " to before " + until + " (too many to list one by one): " + reason;
        return skipped(job, scheduledKey(from), from, said, epoch, ownerId, now);
    }

    private static JobInstance skipped(
            Job job, String key, Instant fireTime, String reason, long epoch, String ownerId, Instant now) {
        JobInstance instance =
                new JobInstance(job, TriggerType.SCHEDULE, key, fireTime, job.parameters(), epoch, ownerId, now);
        instance.state = InstanceState.SKIPPED;
        instance.result = reason.length() > 2000 ? reason.substring(0, 1997) + "..." : reason;
        instance.finishedAt = now.atOffset(ZoneOffset.UTC);
        return instance;
    }

    /** How the request id of a backfilled fire time starts: its instance is shown as triggered by BACKFILL. */
    public static final String BACKFILL_REQUEST = "backfill:";

    /** The fire key of a scheduled fire time's instance (run or skipped). */
    public static String scheduledKey(Instant fireTime) {
        return fireTime.toString();
    }

    /** The fire key of a run request's instance. */
    public static String requestKey(String requestId) {
        return "api:" + requestId;
    }

    /** The instance of a run request; its key is the request id, so a repeated request is one run. */
    public static JobInstance requested(
            Job job, String requestId, Instant fireTime, String parameters, long epoch, String ownerId, Instant now) {
        return new JobInstance(
                job,
                requestId.startsWith(BACKFILL_REQUEST) ? TriggerType.BACKFILL : TriggerType.API,
                requestKey(requestId),
                fireTime,
                parameters != null ? parameters : job.parameters(),
                epoch,
                ownerId,
                now);
    }

    public Long id() {
        return id;
    }

    /**
     * Gives an instance created by a bulk insert the id taken for it from {@code job_instance_seq} (instances
     * added one by one get theirs from JPA).
     */
    public void identify(long newId) {
        if (id != null) {
            throw new IllegalStateException("instance " + id + " already has an id");
        }
        id = newId;
    }

    public String fireKey() {
        return fireKey;
    }

    public long jobId() {
        return jobId;
    }

    public String appName() {
        return appName;
    }

    public TriggerType trigger() {
        return trigger;
    }

    public Instant fireTime() {
        return fireTime.toInstant();
    }

    public String parameters() {
        return parameters;
    }

    public Instant dueAt() {
        return dueAt.toInstant();
    }

    public InstanceState state() {
        return state;
    }

    public int attempt() {
        return attempt;
    }

    public long epoch() {
        return epoch;
    }

    public String ownerId() {
        return ownerId;
    }

    public String workerId() {
        return workerId;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant startedAt() {
        return toInstant(startedAt);
    }

    public Instant finishedAt() {
        return toInstant(finishedAt);
    }

    public String result() {
        return result;
    }

    private static Instant toInstant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
