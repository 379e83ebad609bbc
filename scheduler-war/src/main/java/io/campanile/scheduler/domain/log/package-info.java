/** Run logs: what processors wrote to their attempts' logs, stored per attempt. */
package io.campanile.scheduler.domain.log;
