package io.campanile.deployments.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    private ServerSocket echoServer;
    private TcpProxy proxy;

    @BeforeEach
    void startEchoServerBehindProxy() throws IOException {
        echoServer = new ServerSocket(0, 50, FreePorts.LOOPBACK);
        Thread acceptor = new Thread(this::echoConnections, "echo");
        acceptor.setDaemon(true);
        acceptor.start();
        proxy = TcpProxy.start(FreePorts.next(), echoServer.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echoServer.close();
    }

    @Test
    void passes_bytes_both_ways() throws IOException {
        try (Connection connection = new Connection(proxy.listenPort())) {
            assertThat(connection.roundTrip("hello")).isEqualTo("hello");
            assertThat(connection.roundTrip("again")).isEqualTo("again");
        }
    }

    @Test
    void cut_resets_open_connections_at_once() throws IOException {
        try (Connection connection = new Connection(proxy.listenPort())) {
            assertThat(connection.roundTrip("before")).isEqualTo("before");
            awaitOpenConnections(1);

            long cutAt = System.nanoTime();
            proxy.cut();

            assertThatThrownBy(() -> connection.roundTrip("during")).isInstanceOf(IOException.class);
            assertThat(Poll.millisSince(cutAt)).isLessThan(1000);
            assertThat(proxy.openConnections()).isZero();
        }
    }

    @Test
    void cut_refuses_new_connections_until_healed() throws IOException {
        proxy.cut();
        for (int i = 0; i < 3; i++) {
            try (Connection connection = new Connection(proxy.listenPort())) {
                assertThatThrownBy(() -> connection.roundTrip("during")).isInstanceOf(IOException.class);
            } catch (IOException refusedAtConnect) {
                // also a cut network
            }
        }

        proxy.heal();

        try (Connection connection = new Connection(proxy.listenPort())) {
            assertThat(connection.roundTrip("after")).isEqualTo("after");
        }
    }

    @Test
    void blackhole_keeps_open_connections_open_and_silent_until_healed() throws IOException {
        try (Connection connection = new Connection(proxy.listenPort())) {
            assertThat(connection.roundTrip("before")).isEqualTo("before");
            awaitOpenConnections(1);

            proxy.blackhole();
            connection.timeoutMillis(300);

            assertThatThrownBy(() -> connection.roundTrip("during")).isInstanceOf(SocketTimeoutException.class);
            assertThat(proxy.openConnections()).as("nothing was closed").isEqualTo(1);

            proxy.heal();
            connection.timeoutMillis(3000);

            assertThat(connection.readLine())
                    .as("held back, delivered after the heal")
                    .isEqualTo("during");
            assertThat(connection.roundTrip("after")).isEqualTo("after");
        }
    }

    @Test
    void blackhole_accepts_new_connections_and_leaves_them_silent_until_healed() throws IOException {
        proxy.blackhole();

        try (Connection connection = new Connection(proxy.listenPort())) {
            connection.timeoutMillis(300);
            assertThatThrownBy(() -> connection.roundTrip("anyone?")).isInstanceOf(SocketTimeoutException.class);

            proxy.heal();
            connection.timeoutMillis(3000);

            assertThat(connection.readLine()).isEqualTo("anyone?");
        }
    }

    @Test
    void a_peer_that_gives_up_during_a_blackhole_is_not_seen_to_close_before_the_heal() throws IOException {
        try (Connection connection = new Connection(proxy.listenPort())) {
            assertThat(connection.roundTrip("before")).isEqualTo("before");
            awaitOpenConnections(1);
            proxy.blackhole();

            connection.close();
            Poll.pause(Duration.ofMillis(300));

            assertThat(proxy.openConnections())
                    .as("the end of stream waits at the blackhole")
                    .isEqualTo(1);
            proxy.heal();
            awaitOpenConnections(0);
        }
    }

    @Test
    void a_dead_target_fails_connections_at_once() throws IOException {
        // a port nobody listens on (closing the echo server raced with its accepting thread once)
        try (TcpProxy toNowhere = TcpProxy.start(FreePorts.next(), FreePorts.next())) {
            long start = System.nanoTime();
            // the reset may already reach the client's connect, or only its first round trip
            assertThatThrownBy(() -> {
                        try (Connection connection = new Connection(toNowhere.listenPort())) {
                            connection.roundTrip("anyone?");
                        }
                    })
                    .isInstanceOf(IOException.class);
            assertThat(Poll.millisSince(start)).isLessThan(1000);
        }
    }

    private void awaitOpenConnections(int count) {
        Poll.until(
                count + " open connection(s)",
                System.nanoTime(),
                Duration.ofSeconds(5),
                Duration.ofMillis(10),
                () -> proxy.openConnections() == count ? Optional.of(true) : Optional.empty());
    }

    private void echoConnections() {
        while (!echoServer.isClosed()) {
            try {
                Socket socket = echoServer.accept();
                Thread echo = new Thread(() -> echo(socket), "echo-connection");
                echo.setDaemon(true);
                echo.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void echo(Socket socket) {
        try (socket) {
            socket.getInputStream().transferTo(socket.getOutputStream());
        } catch (IOException ignored) {
            // the client or the proxy went away
        }
    }

    /** A line-based client: each line written is expected back. */
    private static final class Connection implements AutoCloseable {

        private final Socket socket = new Socket();
        private final BufferedReader in;
        private final PrintWriter out;

        Connection(int port) throws IOException {
            socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), 2000);
            socket.setSoTimeout(3000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        void timeoutMillis(int millis) throws SocketException {
            socket.setSoTimeout(millis);
        }

        String roundTrip(String line) throws IOException {
            out.println(line);
            if (out.checkError()) {
                throw new IOException("write failed");
            }
            return readLine();
        }

        String readLine() throws IOException {
            String answer = in.readLine();
            if (answer == null) {
                throw new IOException("connection closed");
            }
            return answer;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
