package io.campanile.scheduler.infrastructure.peer;

import io.campanile.api.protocol.Handoff;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-off request and answer as JSON, written and read by hand. A hand-off runs while the
 * container stops, when the web class loader may no longer load JSON-B or JAX-RS providers; this
 * class uses nothing that is not loaded already. App names and server ids never need escaping
 * (letters, digits, '.', '_', '-'); anything else is escaped all the same.
 */
final class HandoffJson {

    private HandoffJson() {}

    static String write(Handoff handoff) {
        StringBuilder json = new StringBuilder("{\"leavingServerId\":")
                .append(quote(handoff.leavingServerId()))
                .append(",\"apps\":[");
        for (int i = 0; i < handoff.apps().size(); i++) {
            Handoff.HeldApp app = handoff.apps().get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"appName\":")
                    .append(quote(app.appName()))
                    .append(",\"epoch\":")
                    .append(app.epoch())
                    .append('}');
        }
        return json.append("]}").toString();
    }

    /** The names listed in the answer's {@code takenOver} array. */
    static List<String> takenOver(String answer) {
        List<String> names = new ArrayList<>();
        int key = answer.indexOf("\"takenOver\"");
        int open = key < 0 ? -1 : answer.indexOf('[', key);
        int close = open < 0 ? -1 : answer.indexOf(']', open);
        if (close < 0) {
            return names;
        }
        for (String item : answer.substring(open + 1, close).split(",")) {
            String name = item.trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                names.add(name.substring(1, name.length() - 1));
            }
        }
        return names;
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
