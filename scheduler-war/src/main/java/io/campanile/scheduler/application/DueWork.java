package io.campanile.scheduler.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * When the tick needs to look at an app, so that an idle app costs no queries every tick: its jobs
 * are looked at again at their next fire time (at least every {@link #RECHECK_MILLIS}, for jobs
 * created or changed on another server), and its waiting instances when this server created or
 * released work for it, when the next waiting instance seen becomes due, and at least every
 * {@link #RECHECK_MILLIS}.
 */
@ApplicationScoped
public class DueWork {

    public static final long RECHECK_MILLIS = 1000;

    private final Map<String, Instant> nextJobCheck = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextDispatchCheck = new ConcurrentHashMap<>();
    private final Set<String> workWaiting = ConcurrentHashMap.newKeySet();
    private volatile Consumer<Instant> alarm = at -> {};
    private volatile Consumer<Instant> dispatchAlarm = at -> {};

    /**
     * Whoever runs the tick is told of each instant its jobs need a look sooner than it may have planned (a fire
     * written ahead, a job changed here), so that it ticks then rather than on its next period.
     */
    public void onEarlierLook(Consumer<Instant> alarm) {
        this.alarm = alarm;
    }

    /**
     * Whoever runs the dispatch is told of each instant work needs dispatching sooner than it may have planned (work
     * became waiting, a waiting instance becomes due or comes within the lead), so that it dispatches then. A loop of
     * its own: a dispatch must not wait behind the tick's firing transaction or heartbeat.
     */
    public void onEarlierDispatch(Consumer<Instant> alarm) {
        this.dispatchAlarm = alarm;
    }

    public boolean jobsDue(String appName, Instant now) {
        Instant next = nextJobCheck.get(appName);
        return next == null || !now.isBefore(next);
    }

    /**
     * The app's jobs were looked at {@code now}: look again at {@code lookAt} (null: no fire time known), and at least
     * within {@link #RECHECK_MILLIS}. A look sooner than that rings the alarm, so that it comes at its time, not at
     * the next period.
     */
    public void jobsChecked(String appName, Instant now, Instant lookAt) {
        Instant recheck = now.plusMillis(RECHECK_MILLIS);
        boolean sooner = lookAt != null && lookAt.isBefore(recheck);
        nextJobCheck.put(appName, sooner ? lookAt : recheck);
        if (sooner) {
            alarm.accept(lookAt);
        }
    }

    /** A job of the app was created or changed here: look at its jobs on the next tick. */
    public void jobsChanged(String appName) {
        nextJobCheck.remove(appName);
        alarm.accept(Instant.MIN);
    }

    /** Instances of the app became WAITING here: try to dispatch them on the next tick. */
    public void workWaiting(String appName) {
        workWaiting.add(appName);
        dispatchAlarm.accept(Instant.MIN);
    }

    /** A waiting instance of the app becomes due at {@code fireTime}: look for work to dispatch then. */
    public void workDueAt(String appName, Instant fireTime) {
        nextDispatchCheck.merge(appName, fireTime, (a, b) -> a.isBefore(b) ? a : b);
        dispatchAlarm.accept(fireTime);
    }

    /** Whether to look for work to dispatch now; consumes the signal. */
    public boolean takeDispatchDue(String appName, Instant now) {
        boolean signalled = workWaiting.remove(appName);
        Instant next = nextDispatchCheck.get(appName);
        if (signalled || next == null || !now.isBefore(next)) {
            nextDispatchCheck.put(appName, now.plusMillis(RECHECK_MILLIS));
            return true;
        }
        return false;
    }

    /** Forgets the app (this server no longer holds it). */
    public void forget(String appName) {
        nextJobCheck.remove(appName);
        nextDispatchCheck.remove(appName);
        workWaiting.remove(appName);
    }
}
