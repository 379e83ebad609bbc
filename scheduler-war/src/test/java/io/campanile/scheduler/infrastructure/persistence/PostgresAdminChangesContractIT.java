package io.campanile.scheduler.infrastructure.persistence;

import org.junit.jupiter.api.TestInstance;

/** The admin changes contract against a real PostgreSQL (campanile.it.pg.url, default 127.0.0.1:5432/test). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresAdminChangesContractIT extends AdminChangesContract {

    @Override
    TestDatabase open() {
        return TestDatabase.postgres();
    }
}
