/**
 * Domain layer: ownership of apps (election, leases, epochs), jobs and their schedules, instances
 * and their state machine. Plain Java plus JPA mapping annotations; no JAX-RS, no EJB, no HTTP.
 * Repositories are interfaces here and implemented in {@code infrastructure.persistence}.
 */
package io.campanile.scheduler.domain;
