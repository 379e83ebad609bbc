package io.campanile.demo;

import io.campanile.api.ProcessResult;
import io.campanile.api.Processor;
import io.campanile.api.ProcessorContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * Sleeps for the number of milliseconds its parameters give (1 s when absent), then succeeds: for trying out time
 * limits, stopping a running instance and losing a worker in the middle of a run. It writes its run log as it goes (a
 * line when it starts, one a second while it sleeps, one when it wakes). An interrupt ends the sleep: it logs that, and
 * fails.
 */
@ApplicationScoped
@Named("sleeper")
public class SleepProcessor implements Processor {

    private static final Logger LOG = Logger.getLogger(SleepProcessor.class.getName());
    private static final long MAX_MILLIS = 3_600_000;

    @Override
    public ProcessResult process(ProcessorContext context) {
        long millis = millisOf(context.parameters());
        long start = System.nanoTime();
        context.log().info("sleeping " + millis + " ms on attempt " + context.attempt());
        try {
            long left = millis;
            while (left > 0) {
                long slice = Math.min(left, 1000);
                Thread.sleep(slice);
                left -= slice;
                if (left > 0) {
                    context.log().info("still sleeping, " + left + " ms to go");
                }
            }
            context.log().info("woke up after " + millis + " ms");
            return ProcessResult.success("slept " + millis + " ms on attempt " + context.attempt());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            long slept = (System.nanoTime() - start) / 1_000_000;
            LOG.info(() -> "Sleeper on instance " + context.instanceId() + " attempt " + context.attempt()
                    + " interrupted after " + slept + " ms (cancelled: " + context.cancelled() + ")");
            context.log().warn("interrupted after " + slept + " ms");
            return ProcessResult.failure("interrupted after " + slept + " ms");
        }
    }

    private static long millisOf(String parameters) {
        if (parameters == null || parameters.isBlank()) {
            return 1000;
        }
        try {
            return Math.max(
                    0, Math.min(MAX_MILLIS, Long.parseLong(parameters.trim().replace("\"", ""))));
        } catch (NumberFormatException e) {
            return 1000;
        }
    }
}
