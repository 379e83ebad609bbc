package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.api.admin.Role;
import io.campanile.scheduler.domain.access.ApiToken;
import io.campanile.scheduler.domain.access.ApiTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** API tokens in {@code api_token}, with plain statements both databases accept. */
@ApplicationScoped
@Transactional
public class JpaApiTokenRepository implements ApiTokenRepository {

    private static final String COLUMNS = "name, role, apps, secret_hash, created_at, created_by";

    @PersistenceContext(unitName = "campanile")
    private EntityManager em;

    protected JpaApiTokenRepository() {}

    public JpaApiTokenRepository(EntityManager em) {
        this.em = em;
    }

    /** One statement: inserts unless the name is taken (a race on the name loses here, not on a constraint). */
    @Override
    public boolean add(ApiToken token) {
        int count = em.createNativeQuery("INSERT INTO api_token (name, role, apps, secret_hash, created_by) "
                        // typed, so that PostgreSQL knows the type of a null in a select list
                        + "SELECT CAST(?1 AS VARCHAR(64)), CAST(?2 AS VARCHAR(16)), CAST(?3 AS VARCHAR(7000)), "
                        + "CAST(?4 AS VARCHAR(64)), CAST(?5 AS VARCHAR(64)) FROM (VALUES (1)) AS one (x) "
                        + "WHERE NOT EXISTS (SELECT 1 FROM api_token WHERE name = ?6)")
                .setParameter(1, token.name())
                .setParameter(2, token.role().name())
                .setParameter(3, apps(token.apps()))
                .setParameter(4, token.secretHash())
                .setParameter(5, token.createdBy())
                .setParameter(6, token.name())
                .executeUpdate();
        return Rows.singleRow(count, "adding token " + token.name());
    }

    @Override
    public Optional<ApiToken> findByHash(String secretHash) {
        return one("secret_hash", secretHash);
    }

    @Override
    public Optional<ApiToken> find(String name) {
        return one("name", name);
    }

    @Override
    public List<ApiToken> findAll() {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM api_token ORDER BY name")
                .getResultList();
        return rows.stream().map(r -> token((Object[]) r)).toList();
    }

    @Override
    public boolean remove(String name) {
        int count = em.createNativeQuery("DELETE FROM api_token WHERE name = ?1")
                .setParameter(1, name)
                .executeUpdate();
        return Rows.singleRow(count, "removing token " + name);
    }

    private Optional<ApiToken> one(String column, String value) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM api_token WHERE " + column + " = ?1")
                .setParameter(1, value)
                .getResultList();
        return rows.stream().map(r -> token((Object[]) r)).findFirst();
    }

    private static ApiToken token(Object[] r) {
        return new ApiToken(
                (String) r[0],
                Role.valueOf((String) r[1]),
                r[2] == null ? null : Set.copyOf(Arrays.asList(((String) r[2]).split(","))),
                (String) r[3],
                Rows.instant(r[4]),
                (String) r[5]);
    }

    private static String apps(Set<String> apps) {
        return apps == null ? null : new TreeSet<>(apps).stream().collect(Collectors.joining(","));
    }
}
