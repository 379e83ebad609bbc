package io.campanile.demo;

import io.campanile.api.ProcessResult;
import io.campanile.api.Processor;
import io.campanile.api.ProcessorContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Appends one line per run to the file named by {@code demo.audit.file}:
 * {@code jobName|fireTime|instanceId|attempt|epoch|runner|startedMillis|endedMillis|outcome}, where runner is
 * {@code campanile.worker.id} if set, else {@code pid@host}; the start and end are the worker's wall clock (epoch
 * milliseconds) and the outcome is {@code done}, or {@code interrupted} when the run was interrupted while it held.
 *
 * <p>Parameters {@code holdMillis=N} (or a JSON object {@code {"holdMillis": N}}) make the run hold that long before
 * it finishes, so that tests can make runs overlap. The hold ends early on an interrupt (a stop, a cancel by a later
 * fire, a time limit): the line is written anyway, with outcome {@code interrupted}, and the run fails. Either way
 * the line is written when the run ends, so a run's start and end can be compared with its neighbours'.
 *
 * <p>Parameters {@code failPercent=N} (0–100) make that share of attempts fail, chosen at random but the same for the
 * same (instance, attempt): the line is written with outcome {@code failed}, then the run fails, so that retries can
 * be tried out and each failed attempt is on record. Several workers (JVMs) may share the file: each line is appended under a file
 * lock in one write, so lines never interleave. Each line is forced to disk unless {@code demo.audit.fsync} is
 * {@code false} (load tests: the line is still written before the processor returns, so it survives the worker
 * being killed, only not a crash of the machine). Without {@code demo.audit.file} it only succeeds.
 */
@ApplicationScoped
@Named("audit")
public class AuditProcessor implements Processor {

    private static final Logger LOG = Logger.getLogger(AuditProcessor.class.getName());
    private static final Pattern HOLD = Pattern.compile("\"?holdMillis\"?\\s*[:=]\\s*(\\d{1,9})");
    private static final long MAX_HOLD_MILLIS = 3_600_000;
    private static final Pattern FAIL = Pattern.compile("\"?failPercent\"?\\s*[:=]\\s*(\\d{1,3})");

    private Optional<Path> file;
    private String runner;
    private boolean fsync;

    @PostConstruct
    void configure() {
        var config = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
        file = config.getOptionalValue("demo.audit.file", String.class)
                .filter(f -> !f.isBlank())
                .map(Path::of);
        fsync = config.getOptionalValue("demo.audit.fsync", Boolean.class).orElse(true);
        runner = config.getOptionalValue("campanile.worker.id", String.class)
                .orElseGet(() -> ProcessHandle.current().pid() + "@" + hostName());
        LOG.info(() -> "Audit processor writes to " + file.map(Path::toString).orElse("(no demo.audit.file set)"));
    }

    @Override
    public ProcessResult process(ProcessorContext context) throws IOException {
        long started = System.currentTimeMillis();
        boolean interrupted = hold(holdMillis(context.parameters()));
        long ended = System.currentTimeMillis();
        boolean failed = !interrupted && failsAtRandom(context, context.parameters());
        String outcome = interrupted ? "interrupted" : failed ? "failed" : "done";
        if (file.isPresent()) {
            String line = context.jobName() + "|" + context.scheduledFireTime() + "|" + context.instanceId() + "|"
                    + context.attempt() + "|" + context.epoch() + "|" + runner + "|" + started + "|" + ended + "|"
                    + outcome + "\n";
            append(file.get(), line, fsync);
        }
        String where = file.map(f -> " (audited to " + f + ")").orElse(" (no audit file)");
        if (interrupted) {
            Thread.currentThread().interrupt();
            return ProcessResult.failure("interrupted after " + (ended - started) + " ms" + where);
        }
        if (failed) {
            return ProcessResult.failure("failed at random on attempt " + context.attempt() + where);
        }
        return ProcessResult.success("succeeded" + where);
    }

    /** Holds for the given time; true when an interrupt ended the hold early (the flag is cleared, to write). */
    private static boolean hold(long millis) {
        if (millis <= 0) {
            return false;
        }
        try {
            Thread.sleep(millis);
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    /** The same answer for the same (instance, attempt), so that a run can be reasoned about afterwards. */
    private static boolean failsAtRandom(ProcessorContext context, String parameters) {
        if (parameters == null) {
            return false;
        }
        Matcher matcher = FAIL.matcher(parameters);
        if (!matcher.find()) {
            return false;
        }
        int percent = Integer.parseInt(matcher.group(1));
        // seeded by (instance, attempt) alone: a retry draws anew, and the same attempt always draws the same
        return new SplittableRandom(context.instanceId() * 1_000_003L + context.attempt()).nextInt(100) < percent;
    }

    static long holdMillis(String parameters) {
        if (parameters == null) {
            return 0;
        }
        Matcher matcher = HOLD.matcher(parameters);
        return matcher.find() ? Math.min(MAX_HOLD_MILLIS, Long.parseLong(matcher.group(1))) : 0;
    }

    private static synchronized void append(Path path, String line, boolean fsync) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (FileChannel channel = FileChannel.open(
                        path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                FileLock lock = channel.lock()) {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            if (fsync) {
                channel.force(false);
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
