package io.campanile.demo;

import io.campanile.api.ProcessResult;
import io.campanile.api.Processor;
import io.campanile.api.ProcessorContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.logging.Logger;

/**
 * Spins on the CPU without blocking, and without looking at its thread's interrupt, until its context says it is
 * cancelled (its time limit passed, or it was stopped): for trying out time limits on a processor stuck in a loop. Gives
 * up by itself after ten minutes.
 */
@ApplicationScoped
@Named("spinner")
public class SpinProcessor implements Processor {

    private static final Logger LOG = Logger.getLogger(SpinProcessor.class.getName());
    private static final long MAX_NANOS = 600_000_000_000L;

    @Override
    public ProcessResult process(ProcessorContext context) {
        long start = System.nanoTime();
        long spins = 0;
        while (!context.cancelled() && System.nanoTime() - start < MAX_NANOS) {
            spins++;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long total = spins;
        LOG.info(() -> "Spinner on instance " + context.instanceId() + " attempt " + context.attempt()
                + " saw it was cancelled after " + millis + " ms (" + total + " spins)");
        return ProcessResult.success("spun " + millis + " ms");
    }
}
