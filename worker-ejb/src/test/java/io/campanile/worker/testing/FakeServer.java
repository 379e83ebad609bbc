package io.campanile.worker.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.campanile.api.protocol.Assignment;
import io.campanile.api.protocol.Claim;
import io.campanile.api.protocol.ClaimAnswer;
import io.campanile.api.protocol.ClaimRequest;
import io.campanile.api.protocol.DiscoveryAnswer;
import io.campanile.api.protocol.HeartbeatAnswer;
import io.campanile.api.protocol.Outcome;
import io.campanile.api.protocol.PollAnswer;
import io.campanile.api.protocol.PollRequest;
import io.campanile.api.protocol.Refusal;
import io.campanile.api.protocol.ReportAnswer;
import io.campanile.api.protocol.ReportBatch;
import io.campanile.api.protocol.WorkerHeartbeat;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * A Campanile server speaking the worker protocol on 127.0.0.1, port 0. Servers of one test share an
 * {@link Ownership} that says which of them owns the app; discovery answers from it, and a server that
 * does not own the app answers heartbeats and polls with 409. A held poll is answered as soon as work is
 * offered, or when the ownership moves away (409), or after the hold time. Any server claims every claim (except
 * those of instances in {@link #refusedClaims}) and records every outcome.
 */
public final class FakeServer implements AutoCloseable {

    public static final String APP = "demo";
    public static final String SECRET = "demo-secret-for-tests";

    /** Which server owns the app, and under which epoch. */
    public static final class Ownership {
        final AtomicReference<FakeServer> owner = new AtomicReference<>();
        volatile long epoch;

        public void moveTo(FakeServer server, long newEpoch) {
            epoch = newEpoch;
            owner.set(server);
        }
    }

    private final String id;
    private final Ownership ownership;
    private final long holdMillis;
    private final HttpServer http;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Jsonb jsonb = JsonbBuilder.create();
    private final BlockingQueue<Assignment> offered = new LinkedBlockingQueue<>();
    public final List<PollRequest> polls = new CopyOnWriteArrayList<>();
    public final List<WorkerHeartbeat> heartbeats = new CopyOnWriteArrayList<>();
    public final List<ClaimRequest> claims = new CopyOnWriteArrayList<>();
    public final List<ReportBatch> reports = new CopyOnWriteArrayList<>();
    public final Set<Long> refusedClaims = ConcurrentHashMap.newKeySet();
    public final List<String> badCredentials = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;

    public FakeServer(String id, Ownership ownership, long holdMillis) throws IOException {
        this.id = id;
        this.ownership = ownership;
        this.holdMillis = holdMillis;
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.setExecutor(threads);
        http.createContext("/campanile/api/worker/", this::handle);
        http.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/campanile");
    }

    /**
     * Freezes the server as SIGSTOP would: connections are still accepted (by the kernel's backlog, here by
     * the HTTP server's acceptor), but nothing is answered, held polls included, until {@link #thaw()}.
     */
    public void freeze() {
        frozen = true;
    }

    public void thaw() {
        frozen = false;
    }

    private void awaitThaw() throws InterruptedException {
        while (frozen) {
            Thread.sleep(5);
        }
    }

    public void offer(Assignment assignment) {
        offered.add(assignment);
    }

    private boolean owns() {
        return ownership.owner.get() == this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            awaitThaw();
            if (!APP.equals(exchange.getRequestHeaders().getFirst("Campanile-App"))
                    || !("Bearer " + SECRET).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                badCredentials.add(exchange.getRequestURI().getPath());
                send(exchange, 401, "{\"status\":401,\"message\":\"bad credentials\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath().substring("/campanile/api/worker/".length());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            switch (path) {
                case "discovery" -> {
                    FakeServer owner = ownership.owner.get();
                    send(
                            exchange,
                            200,
                            jsonb.toJson(new DiscoveryAnswer(
                                    APP, owner.id, owner.url().toString(), ownership.epoch)));
                }
                case "heartbeat" -> {
                    heartbeats.add(jsonb.fromJson(body, WorkerHeartbeat.class));
                    answerAsOwner(exchange, jsonb.toJson(new HeartbeatAnswer(id, ownership.epoch)));
                }
                case "poll" -> {
                    polls.add(jsonb.fromJson(body, PollRequest.class));
                    hold(exchange);
                }
                case "claims" -> {
                    ClaimRequest claim = jsonb.fromJson(body, ClaimRequest.class);
                    claims.add(claim);
                    Map<Boolean, List<Claim>> refused = claim.claims().stream()
                            .collect(Collectors.partitioningBy(c -> refusedClaims.contains(c.instanceId())));
                    List<Refusal> refusals = refused.get(true).stream()
                            .map(c -> new Refusal(c.instanceId(), c.attempt(), "not waiting"))
                            .toList();
                    send(exchange, 200, jsonb.toJson(new ClaimAnswer(refused.get(false), refusals)));
                }
                case "reports" -> {
                    ReportBatch batch = jsonb.fromJson(body, ReportBatch.class);
                    reports.add(batch);
                    send(
                            exchange,
                            200,
                            jsonb.toJson(new ReportAnswer(batch.outcomes().size(), List.of())));
                }
                default -> send(exchange, 404, "{\"status\":404,\"message\":\"no such path\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hold(HttpExchange exchange) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(holdMillis);
        while ((frozen || owns()) && System.nanoTime() < deadline) {
            awaitThaw();
            Assignment next = offered.poll(10, TimeUnit.MILLISECONDS);
            if (next != null) {
                send(exchange, 200, jsonb.toJson(new PollAnswer(id, ownership.epoch, List.of(next))));
                return;
            }
        }
        answerAsOwner(exchange, jsonb.toJson(new PollAnswer(id, ownership.epoch, List.of())));
    }

    private void answerAsOwner(HttpExchange exchange, String json) throws IOException {
        if (owns()) {
            send(exchange, 200, json);
        } else {
            send(exchange, 409, "{\"status\":409,\"message\":\"" + id + " does not own app " + APP + "\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Every outcome this server recorded, in the order received. */
    public List<Outcome> outcomes() {
        return reports.stream().flatMap(b -> b.outcomes().stream()).toList();
    }

    /** Stops answering at once, as a killed process would. */
    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
