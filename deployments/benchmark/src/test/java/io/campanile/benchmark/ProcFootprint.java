package io.campanile.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory and thread count, read from Linux's {@code /proc/<pid>/status}. */
record ProcFootprint(long residentKilobytes, int threads) {

    static ProcFootprint of(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/status", e);
        }
    }

    static ProcFootprint parse(String status) {
        long resident = -1;
        int threads = -1;
        for (String line : status.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts[0].equals("VmRSS:")) {
                resident = Long.parseLong(parts[1]); // in kB
            } else if (parts[0].equals("Threads:")) {
                threads = Integer.parseInt(parts[1]);
            }
        }
        if (resident < 0 || threads < 0) {
            throw new IllegalArgumentException("no VmRSS or Threads in /proc status: " + status);
        }
        return new ProcFootprint(resident, threads);
    }

    /** The larger of each figure. */
    ProcFootprint peak(ProcFootprint other) {
        return new ProcFootprint(
                Math.max(residentKilobytes, other.residentKilobytes), Math.max(threads, other.threads));
    }

    double residentMegabytes() {
        return residentKilobytes / 1024.0;
    }
}
