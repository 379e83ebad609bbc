package io.campanile.demo;

import io.campanile.api.ProcessResult;
import io.campanile.api.Processor;
import io.campanile.api.ProcessorContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The benchmark's no-op processor: records each call, {@code instanceId|attempt|scheduledFireTime|started|epoch}
 * (instants in ISO-8601, {@code started} read at entry; {@code epoch} the ownership epoch the run was dispatched
 * under, so that the failover benchmark sees which owner a call came from), in memory, and appends the records every 100 ms to the
 * file named by {@code demo.bench.file}, without fsync: the AuditProcessor's fsync per call is too slow at
 * thousands of calls per second. After each flush it replaces {@code <file>.status} with two numbers, the calls
 * recorded and the records written; when they are equal and the file holds that many lines, every call so far
 * is on disk. Without the setting it only succeeds.
 */
@ApplicationScoped
@Named("bench")
public class RecordingProcessor implements Processor {

    private static final Logger LOG = Logger.getLogger(RecordingProcessor.class.getName());
    private static final long FLUSH_MILLIS = 100;

    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicLong recorded = new AtomicLong();
    private long written;
    private String lastStatus = "";

    @Resource
    private ManagedScheduledExecutorService executor;

    private Optional<Path> file;
    private ScheduledFuture<?> flusher;

    @PostConstruct
    void start() {
        file = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader())
                .getOptionalValue("demo.bench.file", String.class)
                .filter(f -> !f.isBlank())
                .map(Path::of);
        file.ifPresent(path -> flusher =
                executor.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS));
        LOG.info(() ->
                "Recording processor writes to " + file.map(Path::toString).orElse("(no demo.bench.file)"));
    }

    @Override
    public ProcessResult process(ProcessorContext context) {
        Instant started = Instant.now();
        if (file.isPresent()) {
            pending.add(context.instanceId() + "|" + context.attempt() + "|" + context.scheduledFireTime() + "|"
                    + started + "|" + context.epoch() + "\n");
            recorded.incrementAndGet(); // after the add: the status never counts a call whose record is missing
        }
        return ProcessResult.success("recorded");
    }

    @PreDestroy
    void stop() {
        if (flusher != null) {
            flusher.cancel(false);
        }
        flushQuietly();
    }

    private void flushQuietly() {
        try {
            file.ifPresent(this::flush);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot write the records to " + file.orElse(null), e);
        }
    }

    private synchronized void flush(Path path) {
        StringBuilder lines = new StringBuilder();
        int count = 0;
        for (String line = pending.poll(); line != null; line = pending.poll()) {
            lines.append(line);
            count++;
        }
        try {
            if (count > 0) {
                Path parent = path.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(
                        path,
                        lines,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                written += count;
            }
            String status = recorded.get() + " " + written + "\n";
            if (!status.equals(lastStatus)) {
                Path next = Path.of(path + ".status.next");
                Files.writeString(next, status, StandardCharsets.UTF_8);
                Files.move(next, Path.of(path + ".status"), StandardCopyOption.ATOMIC_MOVE);
                lastStatus = status;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
