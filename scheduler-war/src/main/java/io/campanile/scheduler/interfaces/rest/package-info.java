/**
 * JAX-RS adapters: authenticate, validate the shape of a request, convert, delegate to the
 * application layer, and turn its outcome (or its {@code RequestRejected}) into an HTTP answer.
 */
package io.campanile.scheduler.interfaces.rest;
