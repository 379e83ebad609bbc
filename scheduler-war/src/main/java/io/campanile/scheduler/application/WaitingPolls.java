package io.campanile.scheduler.application;

import io.campanile.api.protocol.PollAnswer;
import io.campanile.api.protocol.PollRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The long-polls that workers hold on this server, per app. Whoever removes a poll from here is
 * the only one who may answer it, which settles races between dispatch, time-out and shutdown.
 */
public class WaitingPolls {

    /** A held poll and the way to answer it. */
    public record Poll(String appName, PollRequest request, Answerer answer) {}

    /** Answers a held request. */
    public interface Answerer {

        /** Answers with work (or none); false if the request could no longer be answered. */
        boolean deliver(PollAnswer answer);

        /** Answers that this server does not (or no longer) own the app. */
        void notOwner(String message);
    }

    private final Map<String, List<Poll>> byApp = new ConcurrentHashMap<>();

    /**
     * Adds the poll; returns the polls of the same worker it replaces (a worker holds one poll, so an
     * older one is from a connection the worker gave up) for the caller to answer.
     */
    public List<Poll> add(Poll poll) {
        List<Poll> replaced = new ArrayList<>();
        append(poll, p -> p.request().workerId().equals(poll.request().workerId()) && replaced.add(p));
        return replaced;
    }

    /** Puts back a poll that dispatch took but had no work for. */
    public void putBack(Poll poll) {
        append(poll, p -> false);
    }

    private void append(Poll poll, Predicate<Poll> removeFirst) {
        byApp.compute(poll.appName(), (k, list) -> {
            List<Poll> polls = list == null ? new ArrayList<>() : list;
            polls.removeIf(removeFirst);
            polls.add(poll);
            return polls;
        });
    }

    /** Removes the poll; true if it was still waiting (the caller now answers it). */
    public boolean remove(Poll poll) {
        boolean[] removed = {false};
        byApp.computeIfPresent(poll.appName(), (k, list) -> {
            removed[0] = list.remove(poll);
            return list;
        });
        return removed[0];
    }

    /** Removes and returns every poll waiting for the app. */
    public List<Poll> takeAll(String appName) {
        List<Poll> taken = new ArrayList<>();
        byApp.computeIfPresent(appName, (k, list) -> {
            taken.addAll(list);
            list.clear();
            return list;
        });
        return taken;
    }

    /** How many polls wait for the app now. */
    public int waiting(String appName) {
        int[] count = {0};
        byApp.computeIfPresent(appName, (k, list) -> {
            count[0] = list.size();
            return list;
        });
        return count[0];
    }

    public Set<String> appsWithPolls() {
        return byApp.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Tells every worker polling for the app that this server no longer owns it. */
    public void rejectAll(String appName) {
        takeAll(appName).forEach(p -> p.answer().notOwner("this server no longer owns app " + appName));
    }

    public void rejectEverything() {
        Set.copyOf(byApp.keySet()).forEach(this::rejectAll);
    }
}
