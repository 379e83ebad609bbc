/**
 * The contract between Campanile servers, workers and admin clients: JSON-B data transfer
 * records, closed sets as enums, the {@link io.campanile.api.Processor} SPI that business code
 * implements, and {@link io.campanile.api.client.CampanileAdminClient}. Depends on Jakarta EE
 * APIs only.
 */
package io.campanile.api;
