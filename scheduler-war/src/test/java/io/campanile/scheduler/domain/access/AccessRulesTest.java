package io.campanile.scheduler.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.admin.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessRulesTest {

    @ParameterizedTest(name = "{0} {1} needs {2} ({3})")
    @CsvSource({
        "GET, v1/apps, VIEWER, read",
        "GET, v1/apps/shop/jobs/7, VIEWER, read",
        "GET, v1/apps/shop/instances/9/logs, VIEWER, read",
        "GET, v1/cluster, VIEWER, read",
        "GET, metrics, VIEWER, read",
        "HEAD, v1/apps, VIEWER, read",
        "GET, v1/tokens, ADMIN, token.read",
        "GET, v1/tokens/ci, ADMIN, token.read",
        "GET, v1/audit, ADMIN, audit.read",
        "POST, v1/apps/shop/jobs/preview, VIEWER, job.preview",
        "POST, v1/apps/shop/jobs/7/run, OPERATOR, job.run",
        "POST, v1/apps/shop/jobs/nightly/runs, OPERATOR, job.run_batch",
        "POST, v1/apps/shop/jobs/7/backfill, OPERATOR, job.backfill",
        "POST, v1/apps/shop/jobs/7/pause, OPERATOR, job.pause",
        "POST, v1/apps/shop/jobs/7/resume, OPERATOR, job.resume",
        "POST, v1/apps/shop/instances/9/stop, OPERATOR, instance.stop",
        "POST, v1/apps/shop/instances/9/retry, OPERATOR, instance.retry",
        "POST, v1/apps/shop/instances/9/succeed, OPERATOR, instance.succeed",
        "POST, admin/apps/shop/jobs/7/run, OPERATOR, job.run",
        "POST, v1/apps, ADMIN, app.create",
        "POST, v1/apps/shop/jobs, ADMIN, job.create",
        "PUT, v1/apps/shop/jobs/7, ADMIN, job.update",
        "DELETE, v1/apps/shop/jobs/7, ADMIN, job.delete",
        "POST, v1/tokens, ADMIN, token.create",
        "DELETE, v1/tokens/ci, ADMIN, token.revoke",
    })
    void each_endpoint_needs_its_role(String method, String path, Role role, String action) {
        AccessRules.Requirement needed =
                AccessRules.required(method, RequestTarget.of(path).segments());
        assertThat(needed.role()).isEqualTo(role);
        assertThat(needed.action()).isEqualTo(action);
        assertThat(needed.changes())
                .isEqualTo(!method.equals("GET") && !method.equals("HEAD") && !action.equals("job.preview"));
    }

    @ParameterizedTest(name = "{0} {1} is unknown: admin")
    @CsvSource({
        "POST, v1/apps/shop/jobs/bulk",
        "POST, v1/apps/shop/jobs/import",
        "POST, v1/apps/shop/secrets",
        "PATCH, v1/apps/shop/jobs/7",
        "PUT, v1/apps/shop/jobs/7/run",
        "DELETE, v1/apps/shop",
        "POST, v1/apps/shop/jobs/7/run/extra",
        "POST, v1/something-new",
    })
    void a_mutating_request_no_rule_names_needs_admin_and_is_recorded(String method, String path) {
        AccessRules.Requirement needed =
                AccessRules.required(method, RequestTarget.of(path).segments());
        assertThat(needed.role()).isEqualTo(Role.ADMIN);
        assertThat(needed.changes()).isTrue();
    }

    @Test
    void dot_segments_are_never_matched_to_a_lesser_rule() {
        assertThat(AccessRules.required(
                                "POST", List.of("apps", "shop", "instances", "9", "..", "..", "jobs", "7", "run"))
                        .role())
                .isEqualTo(Role.ADMIN);
    }

    @Test
    void a_role_covers_the_ones_below_it() {
        assertThat(Role.ADMIN.covers(Role.OPERATOR)).isTrue();
        assertThat(Role.OPERATOR.covers(Role.VIEWER)).isTrue();
        assertThat(Role.OPERATOR.covers(Role.ADMIN)).isFalse();
        assertThat(Role.VIEWER.covers(Role.OPERATOR)).isFalse();
    }

    @Test
    void a_viewer_is_refused_a_change_with_the_role_it_needs_named() {
        Access access = Access.decide(token(Role.VIEWER, null), "DELETE", RequestTarget.of("v1/apps/shop/jobs/7"));
        assertThat(access.allowed()).isFalse();
        assertThat(access.denial()).contains("needs the role admin").contains("has the role viewer");
        assertThat(Access.decide(token(Role.VIEWER, null), "POST", RequestTarget.of("v1/apps/shop/jobs/7/run"))
                        .denial())
                .contains("needs the role operator");
    }

    @Test
    void an_operator_runs_and_pauses_but_neither_creates_nor_deletes() {
        Principal operator = token(Role.OPERATOR, null);
        assertThat(Access.decide(operator, "POST", RequestTarget.of("v1/apps/shop/jobs/7/run"))
                        .allowed())
                .isTrue();
        assertThat(Access.decide(operator, "POST", RequestTarget.of("v1/apps/shop/jobs/7/pause"))
                        .allowed())
                .isTrue();
        assertThat(Access.decide(operator, "POST", RequestTarget.of("v1/apps/shop/jobs"))
                        .allowed())
                .isFalse();
        assertThat(Access.decide(operator, "DELETE", RequestTarget.of("v1/apps/shop/jobs/7"))
                        .allowed())
                .isFalse();
        assertThat(Access.decide(operator, "POST", RequestTarget.of("v1/apps")).allowed())
                .isFalse();
        assertThat(Access.decide(operator, "GET", RequestTarget.of("v1/tokens")).allowed())
                .isFalse();
    }

    @Test
    void a_token_limited_to_apps_reaches_only_those_and_the_app_list() {
        Principal scoped = token(Role.ADMIN, Set.of("shop"));
        assertThat(Access.decide(scoped, "PUT", RequestTarget.of("v1/apps/shop/jobs/7"))
                        .allowed())
                .isTrue();
        assertThat(Access.decide(scoped, "GET", RequestTarget.of("v1/apps")).allowed())
                .isTrue();
        Access other = Access.decide(scoped, "GET", RequestTarget.of("v1/apps/billing/jobs"));
        assertThat(other.allowed()).isFalse();
        assertThat(other.denial()).contains("[shop]").contains("'billing'");
        for (String clusterWide : List.of("v1/cluster", "v1/servers", "metrics", "v1/tokens", "v1/audit")) {
            assertThat(Access.decide(scoped, "GET", RequestTarget.of(clusterWide))
                            .allowed())
                    .as(clusterWide)
                    .isFalse();
        }
        assertThat(Access.decide(scoped, "POST", RequestTarget.of("v1/apps")).allowed())
                .as("a new app is cluster-wide")
                .isFalse();
    }

    @Test
    void the_bootstrap_token_may_do_everything() {
        assertThat(Access.decide(Principal.bootstrap(), "POST", RequestTarget.of("v1/tokens"))
                        .allowed())
                .isTrue();
        assertThat(Access.decide(Principal.bootstrap(), "POST", RequestTarget.of("v1/whatever/comes/next"))
                        .allowed())
                .isTrue();
    }

    @Test
    void the_target_of_a_path_names_its_app_kind_and_id() {
        assertThat(RequestTarget.of("/v1/apps/shop/jobs/nightly/run"))
                .extracting(RequestTarget::app, RequestTarget::kind, RequestTarget::id)
                .containsExactly("shop", "job", "nightly");
        assertThat(RequestTarget.of("v1/apps/shop/jobs"))
                .extracting(RequestTarget::app, RequestTarget::kind, RequestTarget::id)
                .containsExactly("shop", "job", null);
        assertThat(RequestTarget.of("v1/apps/shop/instances/9/stop"))
                .extracting(RequestTarget::app, RequestTarget::kind, RequestTarget::id)
                .containsExactly("shop", "instance", "9");
        assertThat(RequestTarget.of("v1/apps/shop/secrets"))
                .extracting(RequestTarget::app, RequestTarget::kind, RequestTarget::id)
                .containsExactly("shop", "app", "shop");
        assertThat(RequestTarget.of("v1/tokens/ci"))
                .extracting(RequestTarget::app, RequestTarget::kind, RequestTarget::id)
                .containsExactly(null, "token", "ci");
        assertThat(RequestTarget.of("v1/apps").clusterWide()).isTrue();
        assertThat(RequestTarget.of("metrics").clusterWide()).isTrue();
    }

    private static Principal token(Role role, Set<String> apps) {
        return new Principal("t", role, apps);
    }
}
