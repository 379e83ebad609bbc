package io.campanile.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code campanile servers}: the cluster's scheduler servers. */
@Command(name = "servers", description = "The cluster's scheduler servers and whether each is alive.")
final class ServersCommand implements Callable<Integer> {

    @ParentCommand
    private CampanileCli root;

    @Override
    public Integer call() {
        return root.print(client -> client.servers(), ClusterText::servers);
    }
}
