/**
 * The demo business application: four processors the Campanile worker in this WAR runs. {@code hello}
 * logs, {@code audit} appends one line per run to a file (the cluster tests read it to prove that no fire
 * ran twice), {@code flaky} fails on request, {@code bench} records every call cheaply for the benchmark.
 */
package io.campanile.demo;
