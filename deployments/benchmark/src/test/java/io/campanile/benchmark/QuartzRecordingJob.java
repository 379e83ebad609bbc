package io.campanile.benchmark;

import java.time.Instant;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/** Quartz's no-op job: records the call in the ledger that the scheduler's context holds. */
public final class QuartzRecordingJob implements Job {

    static final String LEDGER = "bench.ledger";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        Instant started = Instant.now();
        try {
            ExecutionLedger ledger =
                    (ExecutionLedger) context.getScheduler().getContext().get(LEDGER);
            ledger.record(
                    context.getJobDetail().getKey().getName(),
                    context.getRefireCount() + 1,
                    context.getScheduledFireTime().toInstant(),
                    started);
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        }
    }
}
