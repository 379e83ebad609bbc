package io.campanile.worker.discovery;

import io.campanile.api.protocol.DiscoveryAnswer;
import java.net.URI;

/** The server that discovery named as the owner of the app, and the epoch it named. */
public record Owner(String serverId, URI url, long epoch) {

    static Owner from(DiscoveryAnswer answer) {
        String url = answer.serverUrl();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return new Owner(answer.serverId(), URI.create(url), answer.epoch());
    }
}
