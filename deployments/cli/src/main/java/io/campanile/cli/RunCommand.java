package io.campanile.cli;

import io.campanile.api.admin.RunRequest;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code campanile run APP JOB}: one run of a job, now or later. */
@Command(name = "run", description = "Runs a job now (or at an instant, or after a delay); prints the new instance.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    private CampanileCli root;

    @Parameters(index = "0", paramLabel = "APP")
    private String app;

    @Parameters(index = "1", paramLabel = "JOB", description = "The job's id or name.")
    private String job;

    @Option(
            names = "--param",
            paramLabel = "JSON",
            description = "Parameters for this run instead of the job's: any JSON value, or plain text.")
    private String parameters;

    @Option(
            names = "--at",
            paramLabel = "INSTANT",
            description = "Run at this ISO-8601 instant (2026-12-01T10:00:00Z).")
    private Instant at;

    @Option(names = "--delay", paramLabel = "SECONDS", description = "Run this many seconds from now.")
    private Long delaySeconds;

    @Option(
            names = "--request-id",
            paramLabel = "ID",
            description = "An idempotency key: the same key again returns the same instance.")
    private String requestId;

    @Override
    public Integer call() {
        RunRequest request = new RunRequest(parameters, delaySeconds, requestId, at);
        return root.print(client -> client.runJob(app, JobRef.id(client, app, job), request), InstanceText::summary);
    }
}
