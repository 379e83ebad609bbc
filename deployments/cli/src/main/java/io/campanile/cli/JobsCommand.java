package io.campanile.cli;

import io.campanile.api.admin.BackfillRequest;
import io.campanile.api.admin.JobBulkAction;
import io.campanile.api.admin.JobBulkRequest;
import io.campanile.api.admin.JobDefinition;
import io.campanile.api.admin.JobExport;
import io.campanile.api.admin.JobPage;
import io.campanile.api.admin.JobView;
import io.campanile.api.client.CampanileAdminClient;
import io.campanile.api.client.JobListing;
import java.nio.file.Path;
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

/**
 * {@code campanile jobs ...}: an app's jobs. A job is named by its id or its name; {@code export} and {@code import}
 * move an app's jobs as one JSON document; {@code bulk} pauses, resumes or deletes many in one transaction.
 */
@Command(
        name = "jobs",
        description =
                "List, show, create, edit, pause, resume, delete, preview, backfill, export, import and bulk-change an"
                        + " app's jobs.")
final class JobsCommand {

    private static final int PAGE = 1000;

    @ParentCommand
    private CampanileCli root;

    @Spec
    private CommandSpec spec;

    @Command(name = "list", description = "The app's live jobs, by name (every page).")
    int list(
            @Parameters(paramLabel = "APP") String app,
            @Option(names = "--name", paramLabel = "PREFIX", description = "Only names starting with this.")
                    String namePrefix,
            @Option(
                            names = "--enabled",
                            arity = "1",
                            paramLabel = "true|false",
                            description = "Only enabled (true) or paused.")
                    Boolean enabled) {
        JobListing listing = JobListing.all().limit(PAGE);
        listing = namePrefix == null ? listing : listing.namePrefix(namePrefix);
        JobListing filtered = enabled == null ? listing : listing.enabled(enabled);
        return root.print(client -> allJobs(client, app, filtered), JobText::table);
    }

    @Command(name = "show", description = "One job in full (also a deleted one, by id).")
    int show(@Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "JOB") String job) {
        return root.print(client -> client.getJob(app, job), JobText::details);
    }

    @Command(name = "create", description = "Creates a job from a JSON file of a JobDefinition (- reads stdin).")
    int create(@Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "FILE") Path file) {
        JobDefinition definition = JobDefinitionFile.read(file, System.in);
        return root.print(client -> client.createJob(app, definition), JobText::details);
    }

    @Command(
            name = "edit",
            description = "Replaces a job's definition with a JSON file's (- reads stdin); the name stays. "
                    + "The output of 'jobs show --json' can be edited and sent back.")
    int edit(
            @Parameters(paramLabel = "APP") String app,
            @Parameters(paramLabel = "JOB") String job,
            @Parameters(paramLabel = "FILE") Path file,
            @Option(names = "--revision", paramLabel = "N", description = Descriptions.REVISION) Long revision) {
        JobDefinition definition = JobDefinitionFile.read(file, System.in);
        return root.print(client -> client.updateJob(app, job, definition, revision), JobText::details);
    }

    @Command(name = "pause", description = "Pauses a job: it no longer fires until resumed.")
    int pause(
            @Parameters(paramLabel = "APP") String app,
            @Parameters(paramLabel = "JOB") String job,
            @Option(names = "--note", paramLabel = "TEXT", description = "Why (shown with the job).") String note) {
        return root.print(client -> client.pauseJob(app, job, note), JobText::details);
    }

    @Command(name = "resume", description = "Resumes a paused job (missed fires follow its misfire policy).")
    int resume(@Parameters(paramLabel = "APP") String app, @Parameters(paramLabel = "JOB") String job) {
        return root.print(client -> client.resumeJob(app, job), JobText::details);
    }

    @Command(name = "delete", description = "Deletes a job: it stops firing; it stays readable by id.")
    int delete(
            @Parameters(paramLabel = "APP") String app,
            @Parameters(paramLabel = "JOB") String job,
            @Option(names = "--revision", paramLabel = "N", description = Descriptions.REVISION) Long revision) {
        return root.print(client -> client.deleteJob(app, job, revision), JobText::details);
    }

    @Command(name = "fires", description = "A job's next fire times.")
    int fires(
            @Parameters(paramLabel = "APP") String app,
            @Parameters(paramLabel = "JOB") String job,
            @Option(names = "--count", defaultValue = "10", description = "How many, 1-1000 (default 10).") int count) {
        return root.print(client -> client.nextFires(app, JobRef.id(client, app, job), count), JobText::fires);
    }

    @Command(name = "preview", description = "The next fire times of a JobDefinition file, checked; nothing saved.")
    int preview(
            @Parameters(paramLabel = "APP") String app,
            @Parameters(paramLabel = "FILE") Path file,
            @Option(names = "--count", defaultValue = "10", description = "How many, 1-1000 (default 10).") int count) {
        JobDefinition definition = JobDefinitionFile.read(file, System.in);
        return root.print(client -> client.previewSchedule(app, definition, count), JobText::fires);
    }

    @Command(name = "backfill", description = "Runs a job once for each of its fire times in a past range.")
    int backfill(
            @Parameters(paramLabel = "APP") String app,
            @Parameters(paramLabel = "JOB") String job,
            @Option(names = "--from", required = true, paramLabel = "INSTANT", description = "First instant.")
                    Instant from,
            @Option(names = "--to", required = true, paramLabel = "INSTANT", description = "Last instant (past).")
                    Instant to,
            @Option(names = "--request-id", paramLabel = "ID", description = "The same id again creates nothing.")
                    String requestId) {
        BackfillRequest request = new BackfillRequest(from, to, requestId);
        return root.print(client -> client.backfill(app, job, request), JobText::runs);
    }

    @Command(name = "export", description = "The app's live jobs as one JSON document, which 'jobs import' takes.")
    int export(@Parameters(paramLabel = "APP") String app) {
        return root.print(client -> client.exportJobs(app), Output::pretty);
    }

    @Command(
            name = "import",
            description = "Imports a document of 'jobs export' (- reads stdin), all or none: creates, updates or "
                    + "leaves each job by name; importing it again changes nothing.")
    int importJobs(
            @Parameters(paramLabel = "APP") String app,
            @Parameters(paramLabel = "FILE") Path file,
            @Option(names = "--delete-missing", description = "Also delete the app's jobs the document does not name.")
                    boolean deleteMissing) {
        JobExport document = JobDefinitionFile.readExport(file, System.in);
        return root.print(client -> client.importJobs(app, document, deleteMissing), JobText::imported);
    }

    @Command(
            name = "bulk",
            description = "Pauses, resumes or deletes many jobs of an app at once, all or none; "
                    + "a job already as asked is left UNCHANGED.")
    int bulk(
            @Parameters(paramLabel = "APP") String app,
            @Parameters(paramLabel = "ACTION", description = "pause, resume or delete") JobBulkAction action,
            @Option(
                            names = "--id",
                            split = ",",
                            paramLabel = "N",
                            description = "Job ids (repeat or comma-separate); a deleted job's too.")
                    List<Long> ids,
            @Option(
                            names = "--name",
                            split = ",",
                            paramLabel = "NAME",
                            description = "Names of live jobs (repeat or comma-separate).")
                    List<String> names,
            @Option(names = "--note", paramLabel = "TEXT", description = "Why (pause only; shown with each job).")
                    String note) {
        List<Long> byId = ids == null || ids.isEmpty() ? null : ids;
        List<String> byName = names == null || names.isEmpty() ? null : names;
        if (byId == null && byName == null) {
            throw new ParameterException(spec.subcommands().get("bulk"), "name the jobs with --id and/or --name");
        }
        JobBulkRequest request = new JobBulkRequest(action, byId, byName, note);
        return root.print(client -> client.changeJobs(app, request), JobText::bulk);
    }

    private static List<JobView> allJobs(CampanileAdminClient client, String app, JobListing listing) {
        List<JobView> jobs = new ArrayList<>();
        for (JobPage page = client.jobs(app, listing); ; page = client.jobs(app, listing.after(page.next()))) {
            jobs.addAll(page.items());
            if (page.next() == null) {
                return jobs;
            }
        }
    }
}
