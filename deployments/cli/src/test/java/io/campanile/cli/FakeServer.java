package io.campanile.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in Campanile server on a free loopback port: it answers each {@code METHOD /path} (without the query) with
 * the canned answers given for it, in order (the last one repeats), and records every request. Anything else gets the
 * API's 404 error body.
 */
final class FakeServer implements AutoCloseable {

    /** A request as it arrived: {@code uri} is the path and query below the server's root. */
    record Request(String method, String uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private record Answer(int status, String body) {}

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL as a user gives it. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/campanile";
    }

    /** Answers {@code method path} (below {@code /campanile/}, e.g. {@code api/v1/apps}) with this, next in turn. */
    FakeServer on(String method, String path, int status, String body) {
        answers.computeIfAbsent(method + " /campanile/" + path, key -> new ArrayDeque<>())
                .add(new Answer(status, body));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    Request lastRequest() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()),
                body));
        Answer answer = next(
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // each run of the tool is a new client: no connection is worth keeping (and a kept one slows the next run)
        exchange.getResponseHeaders().add("Connection", "close");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Answer next(String key) {
        Deque<Answer> queue = answers.get(key);
        if (queue == null) {
            return new Answer(404, "{\"status\":404,\"message\":\"no such path: " + key + "\",\"code\":\"not_found\"}");
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
