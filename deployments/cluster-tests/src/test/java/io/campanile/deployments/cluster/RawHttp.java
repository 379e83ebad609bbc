package io.campanile.deployments.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection, so that a test can send what no HTTP client
 * library lets through: undecodable paths, lying Content-Lengths, bogus media types, bodies that are not
 * UTF-8. Reads the whole answer (plain or chunked).
 */
final class RawHttp {

    /** One answer: status, headers (names in lower case) and body. */
    record Answer(int status, Map<String, String> headers, String body) {}

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /**
     * Sends {@code head} (request line and headers, without the final blank line; Host and Connection are
     * added) and then {@code body}. A Content-Length is added unless {@code head} has one or is chunked.
     */
    Answer send(String head, byte[] body) {
        StringBuilder request = new StringBuilder(head);
        String lower = head.toLowerCase(Locale.ROOT);
        request.append("\r\nHost: 127.0.0.1:").append(port).append("\r\nConnection: close");
        if (!lower.contains("\ncontent-length:") && !lower.contains("\ntransfer-encoding:") && body.length > 0) {
            request.append("\r\nContent-Length: ").append(body.length);
        }
        request.append("\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException refusedEarly) {
                // the server may answer and close before it has read a body it refuses (413): read its answer
            }
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "no answer to " + head.lines().findFirst().orElse(head), e);
        }
    }

    Answer send(String head, String body) {
        return send(head, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A body in chunked transfer encoding (no Content-Length tells the server its size). */
    static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int chunk = 64 * 1024;
        for (int i = 0; i < body.length; i += chunk) {
            int n = Math.min(chunk, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new IllegalStateException("not an HTTP answer: " + cut(text));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(body);
        try {
            while (true) {
                String size = line(in).split(";")[0].trim();
                int n = Integer.parseInt(size, 16);
                if (n == 0) {
                    return out.toByteArray();
                }
                out.write(in.readNBytes(n));
                line(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    static String cut(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " characters)";
    }
}
