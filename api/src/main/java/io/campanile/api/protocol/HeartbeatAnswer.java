package io.campanile.api.protocol;

import java.time.Instant;
import java.util.List;

/**
 * The owner's answer to a heartbeat: the current epoch of the app, and the attempts the worker named as running that
 * it must stop, each with the reason (stopped through the admin API, or no longer the worker's).
 *
 * @param serverTime the owner's time (its reading of the database's clock) when it answered, from which the worker
 *     keeps a reading of the owner's clock, so that it starts work {@linkplain Assignment#startAt handed out ahead}
 *     at its due instant however long the hand-out took to arrive; null from older servers
 */
public record HeartbeatAnswer(String serverId, long epoch, List<Refusal> stop, Instant serverTime) {

    /** The constructor JSON-B uses: with two constructors it must be told which. */
    @jakarta.json.bind.annotation.JsonbCreator
    public HeartbeatAnswer {
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    /** An answer that stops nothing. */
    public HeartbeatAnswer(String serverId, long epoch) {
        this(serverId, epoch, List.of(), null);
    }
}
