package io.campanile.api;

/**
 * What business code implements to run a job. Make it a CDI bean of the business application,
 * named with {@code @jakarta.inject.Named("...")}; a job refers to it by that name (or, without a
 * name, by its class's simple name). A thrown exception is reported as a failure with its message.
 *
 * <p>A run can be repeated only as another attempt of the same instance ({@link
 * ProcessorContext#attempt()}); use {@link ProcessorContext#instanceId()} to make work idempotent.
 */
@FunctionalInterface
public interface Processor {

    ProcessResult process(ProcessorContext context) throws Exception;
}
