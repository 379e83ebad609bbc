package io.campanile.scheduler.domain.access;

import java.util.List;
import java.util.Optional;

/** The API tokens, shared by every server of the cluster through the database. */
public interface ApiTokenRepository {

    /** Stores a new token; false when its name is taken (nothing stored). */
    boolean add(ApiToken token);

    Optional<ApiToken> findByHash(String secretHash);

    Optional<ApiToken> find(String name);

    /** Every token, by name. */
    List<ApiToken> findAll();

    /** Deletes the token; false when there is none of that name. */
    boolean remove(String name);
}
