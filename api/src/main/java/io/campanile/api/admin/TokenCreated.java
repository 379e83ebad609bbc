package io.campanile.api.admin;

/**
 * The answer to creating a token: the only time its secret is shown. The server keeps a hash of it.
 *
 * @param secret send it as {@code Authorization: Bearer <secret>}
 */
public record TokenCreated(TokenView token, String secret) {

    @Override
    public String toString() {
        return "TokenCreated[token=" + token + ", secret=hidden]";
    }
}
