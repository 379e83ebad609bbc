/**
 * The worker's settings and how they are read from a key/value source (MicroProfile Config in a
 * container, a map in tests). May validate and default; may not talk to servers or the container.
 */
package io.campanile.worker.config;
