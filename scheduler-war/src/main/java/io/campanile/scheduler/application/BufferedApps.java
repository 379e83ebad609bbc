package io.campanile.scheduler.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which held apps may have BUFFERED fires to release, so that an app without any costs no query: an app is looked
 * at when this server buffered a fire of it, and once under each epoch it holds the app with (fires buffered by an
 * earlier owner).
 */
@ApplicationScoped
public class BufferedApps {

    private final Set<String> marked = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> lookedUnder = new ConcurrentHashMap<>();

    /** A fire of the app was buffered here. */
    public void mark(String appName) {
        marked.add(appName);
    }

    /** Whether the app may have buffered fires: marked, or not looked at yet under this epoch. */
    public boolean mayHave(String appName, long epoch) {
        Long looked = lookedUnder.get(appName);
        return marked.contains(appName) || looked == null || looked != epoch;
    }

    /** The app was looked at under {@code epoch}: {@code left} says whether buffered fires remain. */
    public void looked(String appName, long epoch, boolean left) {
        lookedUnder.put(appName, epoch);
        if (!left) {
            marked.remove(appName);
        }
    }
}
