/**
 * Delivering status reports to a server: the owner first, then any other server; reports no server took
 * wait in a bounded queue and are retried, in order. Nothing is dropped without a log line.
 */
package io.campanile.worker.report;
