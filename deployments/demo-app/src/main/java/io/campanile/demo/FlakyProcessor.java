package io.campanile.demo;

import io.campanile.api.ProcessResult;
import io.campanile.api.Processor;
import io.campanile.api.ProcessorContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Fails when its parameters contain "fail", otherwise succeeds: for trying out failures and retries. */
@ApplicationScoped
@Named("flaky")
public class FlakyProcessor implements Processor {

    @Override
    public ProcessResult process(ProcessorContext context) {
        String parameters = context.parameters();
        if (parameters != null && parameters.contains("fail")) {
            return ProcessResult.failure(
                    "failed on request (parameters: " + parameters + ", attempt " + context.attempt() + ")");
        }
        return ProcessResult.success("succeeded on attempt " + context.attempt());
    }
}
