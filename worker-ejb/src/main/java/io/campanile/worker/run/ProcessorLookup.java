package io.campanile.worker.run;

import java.util.List;
import java.util.Optional;

/** Finds the application's processor with a given name, once per run and on the run's thread. */
@FunctionalInterface
public interface ProcessorLookup {

    /**
     * @return empty when the application has no processor of that name
     * @throws IllegalStateException when the name is ambiguous
     */
    Optional<ResolvedProcessor> resolve(String name);

    /**
     * The names this lookup resolves, as jobs refer to them; null when it cannot list them (an empty list would
     * tell the server that this worker can run nothing).
     */
    default List<String> names() {
        return null;
    }
}
