package io.campanile.deployments.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free TCP ports on the loopback interface. A port is free when it is handed out; nothing reserves it until
 * the process that uses it binds it, so callers bind soon. Ports are never handed out twice by one JVM.
 */
public final class FreePorts {

    /** Ports of other services on our machines, never used even if the system hands them out. */
    private static final Set<Integer> AVOIDED = Set.of(5432, 3306, 6379, 5672, 1883, 4222);

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    /** 127.0.0.1 itself: the tests never listen on or connect to any other address. */
    public static final InetAddress LOOPBACK = loopback();

    private FreePorts() {}

    public static synchronized int next() {
        for (int tries = 0; tries < 100; tries++) {
            int port = bindEphemeral();
            if (!AVOIDED.contains(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port found in 100 tries");
    }

    private static int bindEphemeral() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback port", e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
