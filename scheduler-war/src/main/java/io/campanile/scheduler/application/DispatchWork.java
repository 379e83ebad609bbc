package io.campanile.scheduler.application;

import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.PollAnswer;
import io.campanile.scheduler.domain.election.HeldApps;
import io.campanile.scheduler.domain.election.ServerIdentity;
import io.campanile.scheduler.domain.instance.InstanceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Answers the polls waiting for an app with the work that is due: assigns (fenced, committed), then
 * resumes each poll; work whose poll could no longer be answered goes back to WAITING.
 */
@ApplicationScoped
public class DispatchWork {

    private static final Logger LOG = Logger.getLogger(DispatchWork.class.getName());

    private AssignWork assignWork;
    private DueWork dueWork;
    private WaitingPolls polls;
    private WorkerRegistry workers;
    private InstanceRepository instances;
    private HeldApps held;
    private ServerIdentity me;
    private Clock clock;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    protected DispatchWork() {}

    @Inject
    public DispatchWork(
            AssignWork assignWork,
            DueWork dueWork,
            WaitingPolls polls,
            WorkerRegistry workers,
            InstanceRepository instances,
            HeldApps held,
            ServerIdentity me,
            DatabaseClock clock) {
        this.assignWork = assignWork;
        this.dueWork = dueWork;
        this.polls = polls;
        this.workers = workers;
        this.instances = instances;
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
            Map<String, List<Assignment>> plan;
            try {
                plan = assignWork.assign(
                        appName,
                        epoch.get(),
                        ordered.stream()
                                .map(p -> new AssignWork.Slot(
                                        p.request().workerId(), p.request().capacity()))
                                .toList(),
                        clock.instant());
            } catch (FencedOut e) {
                ordered.forEach(polls::putBack);
                held.lose(appName, e.epoch());
                return;
            } catch (RuntimeException e) {
                LOG.warning(() -> "Could not dispatch work of app " + appName + ": " + e);
                ordered.forEach(polls::putBack);
                return;
            }
            for (WaitingPolls.Poll poll : ordered) {
                List<Assignment> assignments = plan.remove(poll.request().workerId());
                if (assignments == null) {
                    polls.putBack(poll);
                } else if (!poll.answer().deliver(new PollAnswer(me.id(), epoch.get(), assignments))) {
                    assignments.forEach(a -> instances.markUndelivered(
                            a.instanceId(), a.attempt(), poll.request().workerId()));
                    dueWork.workWaiting(appName);
                }
            }
        }
    }
}
