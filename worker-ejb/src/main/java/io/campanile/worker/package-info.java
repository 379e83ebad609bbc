/**
 * The worker assembled from plain objects: {@link io.campanile.worker.Worker} wires discovery, heartbeat,
 * the poll loop, runs and reports, and is driven from outside (a container bean starts it, ticks it and
 * stops it). Nothing here depends on EJB, CDI or MicroProfile; see {@code ejb} for the container adapter.
 */
package io.campanile.worker;
