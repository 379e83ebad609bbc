/**
 * Application layer: the units of work of a server (fire due jobs, dispatch, record reports, admin
 * use cases) and the tick that drives them. Owns transaction boundaries; knows nothing of HTTP.
 */
package io.campanile.scheduler.application;
