/**
 * The benchmark: Campanile (a scheduler server and the demo app's worker, each a Payara Micro process) and its
 * peers Quartz and db-scheduler (embedded in this JVM, as their users run them) take the same workloads on one
 * PostgreSQL, each in a fresh database of its own; Campanile alone also fails over, several servers on one
 * database, its owner killed, frozen or stopped ({@link io.campanile.benchmark.FailoverScenario}); and both scale
 * out, Campanile to several servers and apps, db-scheduler to several instances on one table
 * ({@link io.campanile.benchmark.ClusterThroughputScenario}); Campanile's fire lag is measured for runs asked for
 * at instants and for the fires of its jobs' schedules, on one server and several
 * ({@link io.campanile.benchmark.ScheduledFireLagScenario}). Exactly-once is
 * checked from what the processors recorded; the figures go to JSON lines, a Markdown summary and PNG pictures.
 */
package io.campanile.benchmark;
