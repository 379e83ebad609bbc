package io.campanile.cli;

import io.campanile.api.InstanceState;
import io.campanile.api.admin.InstancePage;
import io.campanile.api.admin.InstanceView;
import io.campanile.api.client.CampanileAdminClient;
import io.campanile.api.client.InstanceListing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code campanile instances ...}: an app's instances (the runs of its jobs). */
@Command(name = "instances", description = "List, show, stop, retry and mark succeeded an app's instances.")
final class InstancesCommand {

    @ParentCommand
    private CampanileCli root;

    @Spec
    private CommandSpec spec;

    @Command(name = "list", description = "The app's instances, newest fire time first, one page (or --all).")
    int list(
            @Parameters(paramLabel = "APP") String app,
            @Option(names = "--job", paramLabel = "JOB", description = "Only this job's (id or name).") String job,
            @Option(
                            names = "--state",
                            split = ",",
                            paramLabel = "STATE",
                            description = "Only these states, comma-separated: ${COMPLETION-CANDIDATES}.")
                    List<InstanceState> states,
            @Option(names = "--from", paramLabel = "INSTANT", description = "Fire times at or after this.")
                    Instant from,
            @Option(names = "--to", paramLabel = "INSTANT", description = "Fire times before this.") Instant to,
            @Option(names = "--worker", paramLabel = "ID", description = "Only those run by this worker.")
                    String worker,
            @Option(names = "--oldest-first", description = "Oldest fire time first.") boolean oldestFirst,
            @Option(names = "--limit", paramLabel = "N", description = "Page size, 1-1000 (default 50).") Integer limit,
            @Option(names = "--cursor", paramLabel = "CURSOR", description = "The page after the one that gave it.")
                    String cursor,
            @Option(names = "--all", description = "Every page.") boolean all) {
        if (all && cursor != null) {
            throw new ParameterException(spec.commandLine(), "--all and --cursor exclude each other");
        }
        InstanceListing listing = InstanceListing.all().fireTimes(from, to);
        listing = job == null ? listing : listing.job(job);
        listing = states == null || states.isEmpty()
                ? listing
                : listing.states(states.get(0), states.subList(1, states.size()).toArray(InstanceState[]::new));
        listing = worker == null ? listing : listing.worker(worker);
        listing = oldestFirst ? listing.oldestFirst() : listing;
        listing = limit == null ? listing : listing.limit(limit);
        InstanceListing chosen = cursor == null ? listing : listing.after(cursor);
        if (all) {
            return root.print(client -> allInstances(client, app, chosen), InstanceText::table);
        }
        return root.print(client -> client.instances(app, chosen), InstancesCommand::page);
    }

    @Command(name = "show", description = "One instance with its earlier attempts and its history.")
    int show(@Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "INSTANCE") long id) {
        return root.print(client -> client.instance(app, id), InstanceText::details);
    }

    @Command(name = "stop", description = "Stops a waiting or running instance (CANCELLED).")
    int stop(
            @Parameters(paramLabel = "APP") String app,
            @Parameters(paramLabel = "INSTANCE") long id,
            @Option(names = "--note", paramLabel = "TEXT", description = Descriptions.NOTE) String note) {
        return root.print(client -> client.stopInstance(app, id, note), InstanceText::summary);
    }

    @Command(name = "retry", description = "Runs an ended instance again now, as its next attempt.")
    int retry(
            @Parameters(paramLabel = "APP") String app,
            @Parameters(paramLabel = "INSTANCE") long id,
            @Option(names = "--note", paramLabel = "TEXT", description = Descriptions.NOTE) String note) {
        return root.print(client -> client.retryInstance(app, id, note), InstanceText::summary);
    }

    @Command(name = "succeed", description = "Marks a failed, timed-out or cancelled instance SUCCEEDED.")
    int succeed(
            @Parameters(paramLabel = "APP") String app,
            @Parameters(paramLabel = "INSTANCE") long id,
            @Option(names = "--note", paramLabel = "TEXT", description = Descriptions.NOTE) String note) {
        return root.print(client -> client.markSucceeded(app, id, note), InstanceText::summary);
    }

    private static String page(InstancePage page) {
        String table = InstanceText.table(page.items());
        String count = page.items().size() + " of " + page.total() + " instances";
        return table + (page.next() == null ? count : count + "; next page: --cursor " + page.next()) + "\n";
    }

    private static List<InstanceView> allInstances(CampanileAdminClient client, String app, InstanceListing listing) {
        List<InstanceView> instances = new ArrayList<>();
        for (InstancePage page = client.instances(app, listing);
                ;
                page = client.instances(app, listing.after(page.next()))) {
            instances.addAll(page.items());
            if (page.next() == null) {
                return instances;
            }
        }
    }
}
