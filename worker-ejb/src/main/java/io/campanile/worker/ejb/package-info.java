/**
 * The container adapter: a thin {@code @Singleton @Startup} bean that reads MicroProfile Config, builds a
 * {@link io.campanile.worker.Worker} with container-managed threads and a non-persistent EJB timer, and
 * finds processors as CDI beans. Portable Jakarta EE 10 only: no server-specific API.
 */
package io.campanile.worker.ejb;
