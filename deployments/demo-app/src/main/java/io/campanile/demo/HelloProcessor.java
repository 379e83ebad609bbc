package io.campanile.demo;

import io.campanile.api.ProcessResult;
import io.campanile.api.Processor;
import io.campanile.api.ProcessorContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.logging.Logger;

/** Says hello with the fire time and parameters. */
@ApplicationScoped
@Named("hello")
public class HelloProcessor implements Processor {

    private static final Logger LOG = Logger.getLogger(HelloProcessor.class.getName());

    @Override
    public ProcessResult process(ProcessorContext context) {
        LOG.info(() -> "Hello from Campanile: job " + context.jobName() + ", fire time "
                + context.scheduledFireTime() + ", instance " + context.instanceId() + " attempt "
                + context.attempt() + ", parameters " + context.parameters());
        return ProcessResult.success("hello at " + context.scheduledFireTime());
    }
}
