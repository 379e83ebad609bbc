package io.campanile.cli;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A fake server per test, and the tool pointed at it through the environment. */
abstract class CommandTestBase {

    @TempDir
    Path home;

    final FakeServer server = new FakeServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    CliRun run(String... args) {
        return CliRun.of(Map.of("CAMPANILE_URL", server.url(), "CAMPANILE_TOKEN", Fixtures.TOKEN), home, args);
    }
}
