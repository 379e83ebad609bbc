/**
 * The worker assembled from plain objects: {@link io.campanile.worker.Worker} wires discovery, heartbeat,
 * the poll loop, claims, runs and batched outcome reports, and is driven from outside (a container bean
 * starts it, ticks it and stops it). Nothing here depends on EJB, CDI or MicroProfile; see {@code ejb} for the
 * container adapter.
 */
package io.campanile.worker;
