package io.campanile.scheduler.infrastructure.persistence;

import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2AdminChangesContractTest extends AdminChangesContract {

    @Override
    TestDatabase open() {
        return TestDatabase.h2();
    }
}
