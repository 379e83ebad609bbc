package io.campanile.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code campanile workers APP}: the app's workers as its owner sees them. */
@Command(name = "workers", description = "An app's workers as its owner server sees them (last heartbeat).")
final class WorkersCommand implements Callable<Integer> {

    @ParentCommand
    private CampanileCli root;

    @Parameters(paramLabel = "APP")
    private String app;

    @Override
    public Integer call() {
        return root.print(client -> client.workers(app), ClusterText::workers);
    }
}
