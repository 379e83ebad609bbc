/**
 * Service discovery: which server owns this worker's app, and the newest ownership epoch seen. The worker
 * only asks; it never chooses an owner itself. May call servers through {@code transport}; holds no
 * container types.
 */
package io.campanile.worker.discovery;
