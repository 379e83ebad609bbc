package io.campanile.api.client;

import io.campanile.api.InstanceState;
import jakarta.ws.rs.client.WebTarget;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which instances of an app to list, and which page: {@code InstanceListing.all().job("nightly")
 * .states(InstanceState.FAILED).limit(100)}. Immutable; each method returns a changed copy.
 */
public final class InstanceListing {

    private final String job;
    private final Set<InstanceState> states;
    private final Instant from;
    private final Instant to;
    private final String worker;
    private final boolean oldestFirst;
    private final Integer limit;
    private final String cursor;

    private InstanceListing(
            String job,
            Set<InstanceState> states,
            Instant from,
            Instant to,
            String worker,
            boolean oldestFirst,
            Integer limit,
            String cursor) {
        this.job = job;
        this.states = states;
        this.from = from;
        this.to = to;
        this.worker = worker;
        this.oldestFirst = oldestFirst;
        this.limit = limit;
        this.cursor = cursor;
    }

    /** Every instance of the app, newest fire time first, the server's default page size (50). */
    public static InstanceListing all() {
        return new InstanceListing(null, Set.of(), null, null, null, false, null, null);
    }

    /** Only the instances of this job, by id or name. */
    public InstanceListing job(String jobIdOrName) {
        return new InstanceListing(jobIdOrName, states, from, to, worker, oldestFirst, limit, cursor);
    }

    /** Only the instances in one of these states. */
    public InstanceListing states(InstanceState first, InstanceState... more) {
        return new InstanceListing(job, EnumSet.of(first, more), from, to, worker, oldestFirst, limit, cursor);
    }

    /** Only fire times at or after {@code from} (null: no bound) and before {@code to} (null: no bound). */
    public InstanceListing fireTimes(Instant from, Instant to) {
        return new InstanceListing(job, states, from, to, worker, oldestFirst, limit, cursor);
    }

    /** Only the instances whose current attempt ran, or runs, on this worker. */
    public InstanceListing worker(String workerId) {
        return new InstanceListing(job, states, from, to, workerId, oldestFirst, limit, cursor);
    }

    /** Oldest fire time first (the default is newest first). */
    public InstanceListing oldestFirst() {
        return new InstanceListing(job, states, from, to, worker, true, limit, cursor);
    }

    /** At most this many a page, 1 to 1000. */
    public InstanceListing limit(int pageSize) {
        return new InstanceListing(job, states, from, to, worker, oldestFirst, pageSize, cursor);
    }

    /** The page after the one whose {@code next} this is. */
    public InstanceListing after(String next) {
        return new InstanceListing(job, states, from, to, worker, oldestFirst, limit, next);
    }

    WebTarget applyTo(WebTarget target) {
        WebTarget t = target;
        t = job == null ? t : t.queryParam("job", job);
        for (InstanceState state : states) {
            t = t.queryParam("state", state.name());
        }
        t = from == null ? t : t.queryParam("from", from.toString());
        t = to == null ? t : t.queryParam("to", to.toString());
        t = worker == null ? t : t.queryParam("worker", worker);
        t = oldestFirst ? t.queryParam("sort", "fireTime") : t;
        t = limit == null ? t : t.queryParam("limit", limit);
        return cursor == null ? t : t.queryParam("cursor", cursor);
    }
}
