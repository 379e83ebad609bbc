/**
 * Run logs: what processors write to their attempt's {@link io.campanile.api.RunLog}, queued and sent to the scheduler
 * in batches by a thread of its own, so that a processor never waits for the network and a large log never slows
 * dispatch.
 */
package io.campanile.worker.logs;
