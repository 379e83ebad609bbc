package io.campanile.scheduler.domain.worker;

import io.campanile.api.DispatchStrategy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Picks the worker of one instance by its job's {@link DispatchStrategy}, among the eligible workers that wait for
 * work now and have room ({@code candidates}, the preferred first). Round robin and consistent hashing look at every
 * eligible live worker ({@code eligible}): round robin takes the next in turn that can take work now, consistent
 * hashing picks one worker per key and lets the instance wait while that worker cannot take it.
 */
public class WorkerPicker {

    private final RandomGenerator random;
    private final Map<Long, Integer> turns = new ConcurrentHashMap<>();

    public WorkerPicker(RandomGenerator random) {
        this.random = random;
    }

    /**
     * @param candidates the eligible waiting workers with room, the preferred first (HEALTH_FIRST takes the first)
     * @param eligible every eligible live worker of the app (waiting or not)
     * @param key what consistent hashing hashes (the instance's parameters; null hashes as the empty text)
     * @return the worker, or empty: the instance waits (no candidate, or the hashed worker cannot take it now)
     */
    public Optional<String> pick(
            DispatchStrategy strategy, long jobId, String key, List<String> candidates, List<String> eligible) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return switch (strategy) {
            case HEALTH_FIRST -> Optional.of(candidates.get(0));
            case RANDOM -> Optional.of(candidates.get(random.nextInt(candidates.size())));
            case ROUND_ROBIN -> nextInTurn(jobId, candidates, eligible);
            case CONSISTENT_HASH -> hashed(key, candidates, eligible);
        };
    }

    private Optional<String> nextInTurn(long jobId, List<String> candidates, List<String> eligible) {
        List<String> ring = ring(candidates, eligible);
        int turn = Math.floorMod(turns.getOrDefault(jobId, 0), ring.size());
        for (int i = 0; i < ring.size(); i++) {
            String worker = ring.get((turn + i) % ring.size());
            if (candidates.contains(worker)) {
                turns.put(jobId, turn + i + 1);
                return Optional.of(worker);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> hashed(String key, List<String> candidates, List<String> eligible) {
        long keyHash = hash(key == null ? "" : key);
        String best = null;
        long bestWeight = Long.MIN_VALUE;
        for (String worker : ring(candidates, eligible)) {
            long weight = mix(keyHash ^ hash(worker));
            if (best == null || weight > bestWeight) {
                best = worker;
                bestWeight = weight;
            }
        }
        return candidates.contains(best) ? Optional.of(best) : Optional.empty();
    }

    /** Every worker in a fixed order: by id. */
    private static List<String> ring(List<String> candidates, List<String> eligible) {
        TreeSet<String> all = new TreeSet<>(eligible);
        all.addAll(candidates);
        return List.copyOf(all);
    }

    /** FNV-1a over the UTF-8 bytes: stable across JVMs and servers (unlike a salted hash). */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finalizer: spreads the combined hash so rendezvous weights are independent per worker. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Forgets the turn of a job (deleted, or its app no longer owned). */
    public void forget(long jobId) {
        turns.remove(jobId);
    }
}
