package io.campanile.cli;

import io.campanile.api.admin.RunLogPage;
import io.campanile.api.client.CampanileAdminClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code campanile logs APP INSTANCE}: an attempt's log lines; with {@code --follow} it asks again from the last line
 * until the attempt has ended and no line came. With {@code --json} each line is one JSON object (JSON Lines).
 */
@Command(
        name = "logs",
        description = "Prints an instance's log (its current attempt, or --attempt); --follow tails it.")
final class LogsCommand implements Callable<Integer> {

    private static final int PAGE = 500;

    @ParentCommand
    private CampanileCli root;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "APP")
    private String app;

    @Parameters(index = "1", paramLabel = "INSTANCE")
    private long instanceId;

    @Option(names = "--attempt", paramLabel = "N", description = "This attempt's log (default: the current one).")
    private Integer attempt;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing new lines until the attempt ends.")
    private boolean follow;

    @Option(names = "--poll-millis", hidden = true, defaultValue = "1000")
    private long pollMillis;

    @Override
    public Integer call() throws InterruptedException {
        Output output = root.output();
        try (CampanileAdminClient client = root.connect()) {
            long after = 0;
            Integer pinned = attempt;
            while (true) {
                RunLogPage page = client.logs(app, instanceId, pinned, after, PAGE);
                pinned = page.attempt(); // a retry while following must not switch to the next attempt's log
                page.lines().forEach(line -> {
                    if (output.json()) {
                        output.jsonLine(line);
                    } else {
                        output.print(InstanceText.logLine(line));
                    }
                });
                after = page.next();
                if (page.lines().isEmpty() || (!follow && page.lines().size() < PAGE)) {
                    if (!follow || page.finished()) {
                        trailer(page);
                        return ExitCodes.OK;
                    }
                    Thread.sleep(Duration.ofMillis(pollMillis).toMillis());
                }
            }
        }
    }

    /** Where the log stands, on stderr so that stdout stays the log itself. */
    private void trailer(RunLogPage page) {
        if (!root.output().json()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("-- instance " + page.instanceId() + ", attempt " + page.attempt() + ": " + page.state()
                    + (page.finished() ? " (ended)" : " (still going: --follow to tail it)"));
            err.flush();
        }
    }
}
