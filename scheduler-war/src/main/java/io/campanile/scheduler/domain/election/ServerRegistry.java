package io.campanile.scheduler.domain.election;

import java.util.List;

/** The registry of servers, kept alive by heartbeats written with the database's clock. */
public interface ServerRegistry {

    /** Records this server's heartbeat (creating its row on the first one). */
    void heartbeat(ServerIdentity me);

    /** Every registered server, alive when its last heartbeat is younger than {@code aliveMillis}. */
    List<ServerNode> findAll(long aliveMillis);

    /** Removes servers whose last heartbeat is older than {@code olderThanMillis}, and a leaving one. */
    int forget(long olderThanMillis);

    void remove(String serverId);

    /** The database's current time. */
    java.time.Instant databaseTime();
}
