package io.campanile.deployments.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on the loopback interface, 127.0.0.1:listenPort to 127.0.0.1:targetPort, that can break the network
 * in two ways until {@link #heal()}:
 *
 * <ul>
 *   <li>{@link #cut()} resets every open connection and every new one: a partition the peers notice at once. A
 *       server that advertises its proxy's address to its peers and workers is thereby partitioned from them
 *       while it still reaches the database.
 *   <li>{@link #blackhole()} stops forwarding bytes without closing anything: open connections and new ones
 *       (still accepted) stay open and silent, as when a host loses power or its network without a word. Bytes
 *       sent meanwhile are held back and delivered after the heal, as TCP retransmission would.
 * </ul>
 */
public final class TcpProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(daemonThreads());
    private volatile boolean cut;
    private volatile boolean blackholed;
    private volatile boolean closed;
    /** Pumps and new connections wait on this while the proxy is a blackhole. */
    private final Object gate = new Object();

    private TcpProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    public static TcpProxy start(int listenPort, int targetPort) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(FreePorts.LOOPBACK, listenPort));
            TcpProxy proxy = new TcpProxy(listener, targetPort);
            proxy.threads.execute(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + listenPort, e);
        }
    }

    public int listenPort() {
        return listener.getLocalPort();
    }

    /** Resets all open connections; new ones are reset as soon as they are accepted, until {@link #heal()}. */
    public void cut() {
        cut = true;
        links.forEach(Link::reset);
    }

    /** Stops forwarding without closing: every connection, open or new, goes silent until {@link #heal()}. */
    public void blackhole() {
        blackholed = true;
    }

    /** Ends a cut or a blackhole: connections are forwarded again, held-back bytes first. */
    public void heal() {
        cut = false;
        synchronized (gate) {
            blackholed = false;
            gate.notifyAll();
        }
    }

    public boolean isCut() {
        return cut;
    }

    public boolean isBlackholed() {
        return blackholed;
    }

    /** Waits while the proxy is a blackhole; returns false once it is closed. */
    private boolean awaitForwarding() {
        synchronized (gate) {
            while (blackholed && !closed) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !closed;
        }
    }

    public int openConnections() {
        return links.size();
    }

    @Override
    public void close() {
        cut = true;
        synchronized (gate) {
            closed = true;
            gate.notifyAll();
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        links.forEach(Link::reset);
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    reset(client);
                } else {
                    threads.execute(() -> connect(client));
                }
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    System.err.println("proxy :" + listener.getLocalPort() + " accept failed: " + e);
                }
            }
        }
    }

    private void connect(Socket client) {
        if (!awaitForwarding()) { // a new connection to a vanished host: accepted, then nothing
            reset(client);
            return;
        }
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(FreePorts.LOOPBACK, targetPort), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException targetDown) {
            // as the target itself would: the connection fails at once
            reset(client);
            reset(upstream);
            return;
        }
        Link link = new Link(client, upstream);
        links.add(link);
        if (cut) {
            link.reset();
            return;
        }
        threads.execute(() -> link.pump(client, upstream));
        threads.execute(() -> link.pump(upstream, client));
    }

    /** Closes with an RST rather than a FIN, so the peer fails at once instead of reading an orderly end. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "tcp-proxy-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One proxied connection: two sockets, two pumps; closed when both directions ended or on a cut. */
    private final class Link {

        private final Socket client;
        private final Socket upstream;
        private final AtomicInteger pumpsRunning = new AtomicInteger(2);

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (!awaitForwarding()) {
                        throw new IOException("proxy closed");
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
                awaitForwarding(); // an end of stream, too, crosses a blackhole only after the heal
                to.shutdownOutput(); // pass the half-close on
            } catch (IOException e) {
                awaitForwarding(); // and so does a reset
                reset();
                return;
            }
            if (pumpsRunning.decrementAndGet() == 0) {
                close();
            }
        }

        void reset() {
            links.remove(this);
            TcpProxy.reset(client);
            TcpProxy.reset(upstream);
        }

        private void close() {
            links.remove(this);
            try (client;
                    upstream) {
                // both directions ended
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
