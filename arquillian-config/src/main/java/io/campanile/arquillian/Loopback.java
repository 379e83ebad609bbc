package io.campanile.arquillian;

import java.net.URI;
import java.net.URL;

/**
 * The Payara Micro adapter reports the machine's interface address as the deployment's URL; tests
 * must only talk to loopback, so they rewrite it to 127.0.0.1 with the same port and path.
 */
public final class Loopback {

    private Loopback() {}

    public static URI of(URL deploymentUrl) {
        URI uri = URI.create(deploymentUrl.toString());
        return URI.create("http://127.0.0.1:" + uri.getPort() + uri.getPath());
    }
}
