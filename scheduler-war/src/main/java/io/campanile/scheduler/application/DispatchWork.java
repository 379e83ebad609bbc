package io.campanile.scheduler.application;

import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.PollAnswer;
import io.campanile.scheduler.domain.election.HeldApps;
import io.campanile.scheduler.domain.election.ServerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Answers the polls waiting for an app with the work that is due: plans the hand-out, then resumes each poll;
 * work whose poll could no longer be answered is free to be handed out again at once.
 */
@ApplicationScoped
public class DispatchWork {

    private static final Logger LOG = Logger.getLogger(DispatchWork.class.getName());

    private AssignWork assignWork;
    private DueWork dueWork;
    private WaitingPolls polls;
    private WorkerRegistry workers;
    private HandedOut handedOut;
    private HeldApps held;
    private ServerIdentity me;
    private DatabaseClock clock;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    protected DispatchWork() {}

    @Inject
    public DispatchWork(
            AssignWork assignWork,
            DueWork dueWork,
            WaitingPolls polls,
            WorkerRegistry workers,
            HandedOut handedOut,
            HeldApps held,
            ServerIdentity me,
            DatabaseClock clock) {
        this.assignWork = assignWork;
        this.dueWork = dueWork;
        this.polls = polls;
        this.workers = workers;
        this.handedOut = handedOut;
        this.held = held;
        this.me = me;
        this.clock = clock;
    }

    public void dispatch(String appName) {
        Optional<Long> epoch = held.epochOf(appName);
        if (epoch.isEmpty()) {
            return;
        }
        synchronized (locks.computeIfAbsent(appName, k -> new Object())) {
            List<WaitingPolls.Poll> waiting = polls.takeAll(appName);
            if (waiting.isEmpty()) {
                return;
            }
            Comparator<String> preference = workers.leastLoadedFirst(appName);
            List<WaitingPolls.Poll> ordered = waiting.stream()
                    .sorted(Comparator.comparing(p -> p.request().workerId(), preference))
                    .toList();
            try {
                answer(appName, epoch.get(), ordered, assign(appName, epoch.get(), ordered));
            } catch (RuntimeException e) {
                LOG.warning(() -> "Could not dispatch work of app " + appName + ": " + e);
                if (ordered.size() == 1) {
                    polls.putBack(ordered.get(0));
                } else {
                    dispatchOneByOne(appName, epoch.get(), ordered);
                }
            }
        }
    }

    /**
     * After a failed dispatch to several polls, each poll on its own, so that whatever one poll carries it cannot
     * stop the app's dispatch to the others. A poll that fails alone waits for the next try (or its hold time-out).
     */
    private void dispatchOneByOne(String appName, long epoch, List<WaitingPolls.Poll> ordered) {
        for (WaitingPolls.Poll poll : ordered) {
            try {
                answer(appName, epoch, List.of(poll), assign(appName, epoch, List.of(poll)));
            } catch (RuntimeException e) {
                LOG.warning(() -> "Could not dispatch work of app " + appName + " to worker "
                        + shortened(poll.request().workerId()) + ": " + e);
                polls.putBack(poll);
            }
        }
    }

    private Map<String, List<Assignment>> assign(String appName, long epoch, List<WaitingPolls.Poll> ordered) {
        return assignWork.assign(
                appName,
                epoch,
                ordered.stream()
                        .map(p -> new AssignWork.Slot(
                                p.request().workerId(),
                                p.request().capacity(),
                                p.request().takesWorkAhead()))
                        .toList(),
                clock.instant(),
                startMargin());
    }

    /**
     * How much later than the due time by this server's clock a processor is told to start, so that it never starts
     * before the due time by the database's: the clock's uncertainty (half its best recent round trip), at most
     * {@link #MAX_START_MARGIN_MILLIS}.
     */
    private long startMargin() {
        double uncertainty = clock.uncertaintyMillis();
        return Double.isFinite(uncertainty) ? Math.min(MAX_START_MARGIN_MILLIS, (long) Math.ceil(uncertainty)) : 0;
    }

    /** The most a start is put off for the clock's uncertainty. */
    static final long MAX_START_MARGIN_MILLIS = 100;

    private void answer(
            String appName, long epoch, List<WaitingPolls.Poll> ordered, Map<String, List<Assignment>> plan) {
        for (WaitingPolls.Poll poll : ordered) {
            List<Assignment> assignments = plan.remove(poll.request().workerId());
            if (assignments == null) {
                polls.putBack(poll);
            } else if (!poll.answer().deliver(new PollAnswer(me.id(), epoch, assignments))) {
                handedOut.settle(
                        appName,
                        assignments.stream().map(Assignment::instanceId).toList());
                dueWork.workWaiting(appName);
            }
        }
    }

    private static String shortened(String text) {
        return text == null || text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
