package io.campanile.deployments.cluster;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Everything random in a chaos soak, drawn from one seed, so that {@code -Dchaos.seed=N} repeats a run's plan: the
 * CRON periods of the jobs, the faults (kinds drawn from a shuffled bag, so that every kind comes once in each
 * round of eight, even in a short run) and the gaps between API runs. The faults and the API runs draw from
 * separate generators: how many runs a soak made does not change its faults. Real processes make the timing
 * differ from run to run; the plan does not.
 */
public final class ChaosPlan {

    /** The servers' lease (SchedulerSettings' default, 3 s): a frozen server stays frozen longer than this. */
    static final Duration LEASE = Duration.ofSeconds(3);

    private final long seed;
    private final int servers;
    private final int workers;
    private final int apps;
    private final Random faults;
    private final Random runs;
    private final Deque<ChaosFault.Kind> bag = new ArrayDeque<>();

    public ChaosPlan(long seed, int servers, int workers, int apps) {
        this.seed = seed;
        this.servers = servers;
        this.workers = workers;
        this.apps = apps;
        this.faults = new Random(seed);
        this.runs = new Random(seed ^ 0x5DEECE66DL);
    }

    public long seed() {
        return seed;
    }

    /** The period in seconds (1–5) of each app's second CRON job; the first runs every second. */
    public List<Integer> cronPeriods(int apps) {
        Random periods = new Random(seed * 31 + 7);
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < apps; i++) {
            result.add(2 + periods.nextInt(4));
        }
        return result;
    }

    /**
     * When each app's ONE_OFF jobs fire, as delays after their creation: {@code perApp} per app, each between 10 s and
     * {@code within} (at least 20 s), so that they fire while faults come.
     */
    public List<Duration> oneOffDelays(int apps, int perApp, Duration within) {
        Random delays = new Random(seed * 17 + 3);
        int max = (int) Math.max(20_000, within.toMillis());
        List<Duration> result = new ArrayList<>();
        for (int i = 0; i < apps * perApp; i++) {
            result.add(millisBetween(delays, 10_000, max));
        }
        return result;
    }

    public ChaosFault nextFault() {
        if (bag.isEmpty()) {
            List<ChaosFault.Kind> kinds = new ArrayList<>(Arrays.asList(ChaosFault.Kind.values()));
            Collections.shuffle(kinds, faults);
            bag.addAll(kinds);
        }
        ChaosFault.Kind kind = bag.poll();
        // half the server faults hit an app's owner of the moment: a random server is mostly not an owner
        boolean atOwner = kind.targetsServer() && faults.nextBoolean();
        int target = kind.targetsWorker() ? faults.nextInt(workers) : faults.nextInt(atOwner ? apps : servers);
        Duration gap = millisBetween(faults, 3_000, 10_000);
        Duration hold =
                switch (kind) {
                    case FREEZE_SERVER, BLACKHOLE_SERVER -> LEASE.plus(millisBetween(faults, 2_000, 7_000));
                    case STEP_CLOCK -> millisBetween(faults, 4_000, 8_000);
                    case RESTART_SERVER -> Duration.ZERO;
                    default -> millisBetween(faults, 1_000, 5_000);
                };
        long back = kind == ChaosFault.Kind.STEP_CLOCK ? 5 + faults.nextInt(56) : 0;
        long forward = kind == ChaosFault.Kind.STEP_CLOCK ? 5 + faults.nextInt(56) : 0;
        return new ChaosFault(kind, target, atOwner, gap, hold, back, forward);
    }

    /** The next API run: after how long, and for which app (an index). */
    public record ApiRun(Duration gapBefore, int app) {}

    public ApiRun nextApiRun() {
        return new ApiRun(millisBetween(runs, 1_000, 6_000), runs.nextInt(apps));
    }

    private static Duration millisBetween(Random random, int min, int max) {
        return Duration.ofMillis(min + random.nextInt(max - min + 1));
    }
}
