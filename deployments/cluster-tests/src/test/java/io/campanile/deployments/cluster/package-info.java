/**
 * Multi-process tests of a real Campanile cluster and their harness: Payara Micro processes started and
 * killed by PID, a fresh PostgreSQL database per run, loopback TCP proxies that partition a server from its
 * peers and workers, and the books kept on every fire. Everything listens on and connects to 127.0.0.1 only.
 */
package io.campanile.deployments.cluster;
