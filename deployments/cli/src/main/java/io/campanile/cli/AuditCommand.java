package io.campanile.cli;

import io.campanile.api.admin.AuditEntry;
import io.campanile.api.admin.AuditPage;
import io.campanile.api.client.AuditListing;
import io.campanile.api.client.CampanileAdminClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code campanile audit}: the audit log of changes made through the admin API, newest first, paged. */
@Command(
        name = "audit",
        description = "The audit log (changes and refused requests), newest first, one page (or --all).")
final class AuditCommand implements Callable<Integer> {

    @ParentCommand
    private CampanileCli root;

    @Spec
    private CommandSpec spec;

    @Option(names = "--app", paramLabel = "APP", description = "Only the entries about this app.")
    private String app;

    @Option(
            names = "--actor",
            paramLabel = "NAME",
            description = "Only this token's entries ('bootstrap': the configured admin token).")
    private String actor;

    @Option(names = "--from", paramLabel = "INSTANT", description = "Entries at or after this.")
    private Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "Entries before this.")
    private Instant to;

    @Option(names = "--limit", paramLabel = "N", description = "Page size, 1-1000 (default 50).")
    private Integer limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "The page after the one that gave it.")
    private String cursor;

    @Option(names = "--all", description = "Every page.")
    private boolean all;

    @Override
    public Integer call() {
        if (all && cursor != null) {
            throw new ParameterException(spec.commandLine(), "--all and --cursor exclude each other");
        }
        AuditListing listing = AuditListing.all().between(from, to);
        listing = app == null ? listing : listing.app(app);
        listing = actor == null ? listing : listing.actor(actor);
        listing = limit == null ? listing : listing.limit(limit);
        AuditListing chosen = cursor == null ? listing : listing.after(cursor);
        if (all) {
            return root.print(client -> allEntries(client, chosen), AccessText::audit);
        }
        return root.print(client -> client.audit(chosen), AccessText::auditPage);
    }

    private static List<AuditEntry> allEntries(CampanileAdminClient client, AuditListing listing) {
        List<AuditEntry> entries = new ArrayList<>();
        for (AuditPage page = client.audit(listing); ; page = client.audit(listing.after(page.next()))) {
            entries.addAll(page.items());
            if (page.next() == null) {
                return entries;
            }
        }
    }
}
