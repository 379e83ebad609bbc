package io.campanile.scheduler.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.campanile.api.admin.Role;
import io.campanile.scheduler.domain.access.ApiToken;
import io.campanile.scheduler.domain.access.AuditFilter;
import io.campanile.scheduler.domain.access.AuditRecord;
import io.campanile.scheduler.domain.access.TokenSecret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API tokens and the audit log against each database (H2 in {@code H2AccessContractTest}, PostgreSQL in
 * {@code PostgresAccessContractIT}): a token is found by its secret's hash, its name is taken once, a revoked one is
 * gone; the audit log pages newest first through exactly what each filter matches, each entry once.
 */
abstract class AccessContract {

    private static TestDatabase db;

    abstract TestDatabase open();

    @BeforeAll
    void openDatabase() {
        db = open();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void a_token_is_found_by_the_hash_of_its_secret_with_its_role_and_apps() {
        String name = "ci-" + System.nanoTime();
        String secret = TokenSecret.generate();
        ApiToken token = new ApiToken(
                name, Role.OPERATOR, Set.of("shop", "billing"), TokenSecret.hash(secret), null, "bootstrap");

        assertThat(add(token)).isTrue();

        ApiToken found = byHash(TokenSecret.hash(secret)).orElseThrow();
        assertThat(found.name()).isEqualTo(name);
        assertThat(found.role()).isEqualTo(Role.OPERATOR);
        assertThat(found.apps()).containsExactlyInAnyOrder("shop", "billing");
        assertThat(found.createdBy()).isEqualTo("bootstrap");
        assertThat(found.createdAt()).isNotNull();
        assertThat(byHash(TokenSecret.hash(TokenSecret.generate()))).isEmpty();
    }

    @Test
    void a_token_name_is_taken_once_and_a_removed_token_is_gone() {
        String name = "once-" + System.nanoTime();
        ApiToken first = new ApiToken(name, Role.VIEWER, null, TokenSecret.hash(TokenSecret.generate()), null, "a");
        ApiToken second = new ApiToken(name, Role.ADMIN, null, TokenSecret.hash(TokenSecret.generate()), null, "b");

        assertThat(add(first)).isTrue();
        assertThat(add(second)).isFalse();
        ApiToken kept = db.<Optional<ApiToken>>tx(em -> new JpaApiTokenRepository(em).find(name))
                .orElseThrow();
        assertThat(kept.role()).isEqualTo(Role.VIEWER);
        assertThat(kept.apps()).as("null: every app").isNull();
        List<ApiToken> all = db.tx(em -> new JpaApiTokenRepository(em).findAll());
        assertThat(all).extracting(ApiToken::name).contains(name);

        assertThat(remove(name)).isTrue();
        assertThat(remove(name)).isFalse();
        assertThat(byHash(first.secretHash())).isEmpty();
    }

    @Test
    void the_audit_log_pages_newest_first_through_exactly_what_each_filter_matches() {
        String app = "audited-" + System.nanoTime();
        String actor = "actor-" + System.nanoTime();
        for (int i = 0; i < 7; i++) {
            AuditRecord entry = new AuditRecord(
                    null,
                    null,
                    i % 2 == 0 ? actor : "bootstrap",
                    "job.update",
                    "PUT",
                    "v1/apps/" + app + "/jobs/" + i,
                    i < 5 ? app : null,
                    "job",
                    Integer.toString(i),
                    200,
                    i == 6,
                    "s-1",
                    "{\"revision\":" + i + "}",
                    "{\"revision\":" + (i + 1) + ",\"long\":\"" + "x".repeat(i == 3 ? 9000 : 1) + "\"}");
            db.run(em -> new JpaAuditLog(em).append(entry));
        }

        List<AuditRecord> ofApp = walk(new AuditFilter(app, null, null, null), 2);
        assertThat(ofApp).extracting(AuditRecord::targetId).containsExactly("4", "3", "2", "1", "0");
        assertThat(ofApp.get(1).after()).hasSizeGreaterThan(9000);
        assertThat(ofApp.get(0).before()).isEqualTo("{\"revision\":4}");
        assertThat(ofApp.get(0).at()).isNotNull();
        assertThat(walk(new AuditFilter(null, actor, null, null), 3))
                .extracting(AuditRecord::targetId)
                .containsExactly("6", "4", "2", "0");
        assertThat(walk(new AuditFilter(app, actor, null, null), 1))
                .extracting(AuditRecord::targetId)
                .containsExactly("4", "2", "0");
        long counted = db.tx(em -> new JpaAuditLog(em).count(new AuditFilter(null, actor, null, null)));
        assertThat(counted).isEqualTo(4);
        AuditRecord denied = walk(new AuditFilter(null, actor, null, null), 10).get(0);
        assertThat(denied.denied()).isTrue();

        Instant at = ofApp.get(0).at();
        assertThat(walk(new AuditFilter(app, null, at.plusSeconds(60), null), 10))
                .isEmpty();
        assertThat(walk(new AuditFilter(app, null, at.minusSeconds(60), at.plusSeconds(60)), 10))
                .hasSize(5);
        assertThat(walk(new AuditFilter(app, null, null, at.minusSeconds(60)), 10))
                .isEmpty();
    }

    private static boolean add(ApiToken token) {
        return db.tx(em -> new JpaApiTokenRepository(em).add(token));
    }

    private static boolean remove(String name) {
        return db.tx(em -> new JpaApiTokenRepository(em).remove(name));
    }

    private static Optional<ApiToken> byHash(String hash) {
        return db.tx(em -> new JpaApiTokenRepository(em).findByHash(hash));
    }

    private static List<AuditRecord> walk(AuditFilter filter, int limit) {
        List<AuditRecord> all = new ArrayList<>();
        Long before = null;
        while (true) {
            Long after = before;
            List<AuditRecord> page = db.tx(em -> new JpaAuditLog(em).page(filter, after, limit));
            all.addAll(page);
            if (page.size() < limit) {
                return all;
            }
            before = page.get(page.size() - 1).id();
        }
    }
}
