package io.campanile.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

class UnreachableServerTest {

    @Test
    void a_server_that_gives_no_answer_is_a_client_exception_naming_it_without_the_token() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI server = URI.create("http://127.0.0.1:" + closedPort + "/campanile");

        try (CampanileAdminClient client = new CampanileAdminClient(server, "secret-token-123")) {
            CampanileClientException e = catchThrowableOfType(client::servers, CampanileClientException.class);

            assertThat(e.unreachable()).isTrue();
            assertThat(e.status()).isEqualTo(CampanileClientException.UNREACHABLE);
            assertThat(e.code()).isNull();
            assertThat(e.getMessage()).contains("no answer from " + server).doesNotContain("secret-token-123");
            assertThat(e.getCause()).isNotNull();
        }
    }
}
