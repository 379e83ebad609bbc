/** Messages between workers and servers, and between servers ({@code /api/worker}, {@code /api/cluster}). */
package io.campanile.api.protocol;
