/**
 * Who may do what through the admin API: API tokens and their roles and app scopes, the rules that map a request
 * (method and path) to the role it needs, and the audit log of changes. Plain Java; the repositories are
 * implemented in {@code infrastructure.persistence}, the checks run in {@code interfaces.rest}.
 */
package io.campanile.scheduler.domain.access;
