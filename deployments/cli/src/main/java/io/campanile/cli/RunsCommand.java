package io.campanile.cli;

import io.campanile.api.admin.RunBatch;
import io.campanile.api.admin.RunRequest;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code campanile runs APP JOB --count N}: many runs of a job in one request, all or none. */
@Command(
        name = "runs",
        description = "Runs a job N times now, in one request (all or none); prints the new instances' ids.")
final class RunsCommand implements Callable<Integer> {

    /** The most runs the server takes in one batch. */
    static final int MOST = 10_000;

    @ParentCommand
    private CampanileCli root;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "APP")
    private String app;

    @Parameters(index = "1", paramLabel = "JOB", description = "The job's id or name.")
    private String job;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many runs, 1-10000.")
    private int count;

    @Option(
            names = "--param",
            paramLabel = "JSON",
            description = "Parameters for every run instead of the job's: any JSON value, or plain text.")
    private String parameters;

    @Option(
            names = "--request-id-prefix",
            paramLabel = "P",
            description = "Request ids P-1 .. P-N: the same command again returns the same instances.")
    private String requestIdPrefix;

    @Override
    public Integer call() {
        if (count < 1 || count > MOST) {
            throw new ParameterException(spec.commandLine(), "--count must be 1 to " + MOST + ", not " + count);
        }
        RunBatch batch = new RunBatch(runs());
        return root.print(client -> client.runJobBatch(app, JobRef.id(client, app, job), batch), JobText::runs);
    }

    private List<RunRequest> runs() {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i ->
                        new RunRequest(parameters, null, requestIdPrefix == null ? null : requestIdPrefix + "-" + i))
                .toList();
    }
}
