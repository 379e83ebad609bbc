package io.campanile.deployments.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A process's wall clock, steppable while it runs, through libfaketime (Debian's {@code faketime} package): the
 * process reads its offset from a file ({@code FAKETIME_TIMESTAMP_FILE}, re-read every second). Only the wall
 * clock moves; {@code System.nanoTime} is left alone ({@code FAKETIME_DONT_FAKE_MONOTONIC}), and
 * {@code FAKETIME_FORCE_MONOTONIC_FIX=0} keeps the JVM's timed waits from spinning.
 */
public final class WallClock {

    public static final Path LIBFAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");

    private final Path offsetFile;

    private WallClock(Path offsetFile) {
        this.offsetFile = offsetFile;
    }

    /** A clock at offset 0 whose offset lives in {@code offsetFile}; fails if libfaketime is not installed. */
    public static WallClock at(Path offsetFile) {
        if (!Files.isReadable(LIBFAKETIME)) {
            throw new IllegalStateException(LIBFAKETIME + " is missing: the clock-step tests need Debian's faketime "
                    + "package (apt-get install faketime; .ci/run installs it)");
        }
        WallClock clock = new WallClock(offsetFile);
        clock.offsetSeconds(0);
        return clock;
    }

    /** The environment that makes a process read its wall clock from this one. */
    public Map<String, String> environment() {
        return Map.of(
                "LD_PRELOAD", LIBFAKETIME.toString(),
                "FAKETIME_TIMESTAMP_FILE", offsetFile.toString(),
                "FAKETIME_CACHE_DURATION", "1",
                "FAKETIME_DONT_FAKE_MONOTONIC", "1",
                "FAKETIME_FORCE_MONOTONIC_FIX", "0");
    }

    /** Steps the process's wall clock to real time plus {@code seconds} (negative: behind); applies within 1 s. */
    public void offsetSeconds(long seconds) {
        try {
            Files.createDirectories(offsetFile.getParent());
            Files.writeString(offsetFile, (seconds >= 0 ? "+" : "") + seconds + "s\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
