/** A Java client of the admin API over JAX-RS; standalone use needs a JAX-RS client (Jersey) and Yasson. */
package io.campanile.api.client;
