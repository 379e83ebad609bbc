/**
 * Delivering the outcomes of runs to a server, in batches: the owner first, then any other server; outcomes no
 * server took stay queued, in order, and are sent again. Nothing is dropped without a log line, and nothing
 * because a queue is full.
 */
package io.campanile.worker.report;
