package io.campanile.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code campanile cluster}: servers, app owners and recent ownership changes. */
@Command(name = "cluster", description = "The cluster: its servers, which server owns which app, recent changes.")
final class ClusterCommand implements Callable<Integer> {

    @ParentCommand
    private CampanileCli root;

    @Override
    public Integer call() {
        return root.print(client -> client.cluster(), ClusterText::cluster);
    }
}
