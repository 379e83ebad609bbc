/**
 * The worker's periodic and long-running activities: the long-poll loop that fetches work, the heartbeat
 * with health figures, and the tick that drives them. Plain objects; threads and timers come from outside.
 */
package io.campanile.worker.loop;
