package io.campanile.worker.report;

import static io.campanile.worker.testing.ScriptedServerApi.server;
import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.ReportedState;
import io.campanile.api.protocol.StatusReport;
import io.campanile.worker.discovery.CurrentOwner;
import io.campanile.worker.discovery.Discovery;
import io.campanile.worker.discovery.EpochGuard;
import io.campanile.worker.discovery.ServerRotation;
import io.campanile.worker.testing.ScriptedServerApi;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportSenderTest {

    private final ScriptedServerApi api = new ScriptedServerApi().owner(3, 1);
    private final CurrentOwner owner = new CurrentOwner();
    private final PendingReports pending = new PendingReports(3);
    private final ReportSender sender = new ReportSender(api, owner, List.of(server(1), server(2)), pending);

    @BeforeEach
    void discoverOwner() {
        new Discovery(
                        "app",
                        api,
                        new ServerRotation(List.of(server(1))),
                        owner,
                        new EpochGuard(),
                        System::nanoTime,
                        Duration.ofMillis(250))
                .discover();
        api.calls.clear();
    }

    private static StatusReport report(long instanceId, ReportedState state) {
        return new StatusReport(instanceId, 1, 1, "worker-1", state, null);
    }

    @Test
    void sends_a_report_to_the_owner_first() {
        sender.submit(report(1, ReportedState.RUNNING));

        assertThat(api.calls).containsExactly("report server-3.test");
    }

    @Test
    void tries_the_other_servers_when_the_owner_does_not_answer() {
        api.failing(3, 0).failing(1, 503);

        sender.submit(report(1, ReportedState.RUNNING));

        assertThat(api.calls).containsExactly("report server-3.test", "report server-1.test", "report server-2.test");
        assertThat(sender.waiting()).isZero();
    }

    @Test
    void keeps_reports_no_server_took_and_delivers_them_in_order_later() {
        api.failing(1, 0).failing(2, 0).failing(3, 0);
        sender.submit(report(1, ReportedState.RUNNING));
        sender.submit(report(1, ReportedState.SUCCEEDED));
        assertThat(sender.waiting()).isEqualTo(2);

        api.up(3);
        sender.flush();

        assertThat(sender.waiting()).isZero();
        assertThat(api.reports)
                .extracting(StatusReport::state)
                .containsExactly(ReportedState.RUNNING, ReportedState.SUCCEEDED);
    }

    @Test
    void drops_a_report_every_server_refuses_without_blocking_the_next() {
        api.failing(3, 409);

        sender.submit(report(1, ReportedState.RUNNING));

        assertThat(sender.waiting()).isZero();
        assertThat(api.calls).containsExactly("report server-3.test");
    }

    @Test
    void a_full_queue_drops_the_oldest_report_and_counts_it() {
        api.failing(1, 0).failing(2, 0).failing(3, 0);

        for (int i = 1; i <= 4; i++) {
            sender.submit(report(i, ReportedState.RUNNING));
        }

        assertThat(pending.dropped()).isEqualTo(1);
        assertThat(pending.peek().instanceId()).isEqualTo(2);
    }

    @Test
    void tries_a_silent_owner_last() {
        ReportSender skipping = new ReportSender(api, owner, List.of(server(1), server(2)), pending, server(3)::equals);
        api.failing(1, 0);

        skipping.submit(report(1, ReportedState.RUNNING));

        assertThat(api.calls).containsExactly("report server-1.test", "report server-2.test");
    }
}
