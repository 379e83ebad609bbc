/**
 * Infrastructure: JPA repositories and the datasource, schema migrations, EJB timers, the HTTP
 * client to other servers, configuration. Implements the domain's interfaces; holds no rules.
 */
package io.campanile.scheduler.infrastructure;
