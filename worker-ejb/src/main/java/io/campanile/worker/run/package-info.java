/**
 * Running assignments: the epoch and duplicate checks, claiming at a server, capacity (with back-pressure from
 * undelivered outcomes), and calling the application's {@link io.campanile.api.Processor}. Processors are found
 * through {@link io.campanile.worker.run.ProcessorLookup}, so nothing here depends on CDI.
 */
package io.campanile.worker.run;
