/**
 * The worker side of the HTTP protocol ({@code /api/worker/...}): one call per method, errors turned into
 * {@link io.campanile.worker.transport.ServerCallException}. The only package that uses the JAX-RS client
 * and JSON-B; it makes no decisions.
 */
package io.campanile.worker.transport;
