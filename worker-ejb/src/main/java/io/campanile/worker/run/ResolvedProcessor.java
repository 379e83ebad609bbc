package io.campanile.worker.run;

import io.campanile.api.Processor;

/** A processor found for one run; closing it releases what the lookup acquired for that run. */
public interface ResolvedProcessor extends AutoCloseable {

    Processor processor();

    @Override
    default void close() {}

    static ResolvedProcessor of(Processor processor) {
        return () -> processor;
    }
}
