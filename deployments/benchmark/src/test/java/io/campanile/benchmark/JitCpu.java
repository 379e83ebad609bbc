package io.campanile.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of the JIT compiler threads of processes ({@code C1 CompilerThre...} and {@code C2 CompilerThre...}
 * in {@code /proc/<pid>/task/<tid>/comm}; user + system from their {@code stat}): read before and after a window,
 * it tells how much of a process's CPU there went to compiling. HotSpot starts and ends compiler threads as the
 * queue grows and shrinks, so a thread that ended inside the window takes its ticks along: a lower bound.
 */
final class JitCpu {

    private static final double TICKS_PER_SECOND = 100;

    private JitCpu() {}

    /** CPU seconds so far of each process's compiler threads (a process gone or unreadable: left out). */
    static Map<String, Double> seconds(Map<String, Long> processes) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        processes.forEach((name, pid) -> {
            try {
                seconds.put(name, compilerTicks(Path.of("/proc", pid.toString(), "task")) / TICKS_PER_SECOND);
            } catch (IOException e) {
                // gone, or no /proc
            }
        });
        return seconds;
    }

    /** {@code after} minus {@code before}, for each process in both. */
    static Map<String, Double> spent(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> spent = new LinkedHashMap<>();
        after.forEach((name, seconds) -> {
            if (before.containsKey(name)) {
                spent.put(name, seconds - before.get(name));
            }
        });
        return spent;
    }

    static boolean isCompilerThread(String comm) {
        String name = comm.strip();
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    private static long compilerTicks(Path tasks) throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    if (isCompilerThread(Files.readString(thread.resolve("comm"), StandardCharsets.US_ASCII))) {
                        ticks += CpuSampler.processTicks(
                                Files.readString(thread.resolve("stat"), StandardCharsets.US_ASCII));
                    }
                } catch (IOException ended) {
                    // the thread ended while we looked
                }
            }
        }
        return ticks;
    }
}
