package io.campanile.cli;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code campanile apps list|create|rotate-secret}. */
@Command(
        name = "apps",
        description =
                "List and register apps (the business applications whose workers run jobs), rotate their secrets.")
final class AppsCommand {

    @ParentCommand
    private CampanileCli root;

    @Command(name = "list", description = "The cluster's apps, with their owner server and epoch.")
    int list() {
        return root.print(client -> client.listApps(), ClusterText::apps);
    }

    @Command(name = "create", description = "Registers an app with the secret its workers present.")
    int create(
            @Parameters(paramLabel = "APP", description = "1-64 of [A-Za-z0-9._-]") String name,
            @Option(
                            names = "--secret",
                            required = true,
                            interactive = true,
                            arity = "0..1",
                            paramLabel = "SECRET",
                            description = "8-200 characters; without a value it is asked for (not echoed).")
                    String secret) {
        return root.print(client -> client.createApp(name, secret), app -> "created app " + app.name() + "\n");
    }

    @Command(
            name = "rotate-secret",
            description = "Gives an app a new secret; the one it replaces stays valid for the grace period.")
    int rotateSecret(
            @Parameters(paramLabel = "APP") String name,
            @Option(
                            names = "--secret",
                            required = true,
                            interactive = true,
                            arity = "0..1",
                            paramLabel = "SECRET",
                            description = "The new secret, 8-200 characters; without a value it is asked for (not"
                                    + " echoed).")
                    String secret,
            @Option(
                            names = "--grace",
                            paramLabel = "DURATION",
                            description = "How long the replaced secret stays valid, ISO-8601, PT0S to P7D"
                                    + " (default PT1H).")
                    Duration grace) {
        return root.print(client -> client.rotateSecret(name, secret, grace), AccessText::rotated);
    }
}
