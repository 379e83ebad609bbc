package io.campanile.cli;

import io.campanile.api.admin.Role;
import io.campanile.api.admin.TokenRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code campanile tokens create|list|revoke}: the API tokens an admin hands out. */
@Command(name = "tokens", description = "Create, list and revoke API tokens (each with a role, maybe limited to apps).")
final class TokensCommand {

    @ParentCommand
    private CampanileCli root;

    @Command(
            name = "create",
            description = "Creates an API token and prints its secret, which is shown only this once.")
    int create(
            @Parameters(paramLabel = "NAME", description = "1-64 of [A-Za-z0-9._-], not 'bootstrap'") String name,
            @Option(
                            names = "--role",
                            required = true,
                            paramLabel = "ROLE",
                            description = "What it may do: ${COMPLETION-CANDIDATES}.")
                    Role role,
            @Option(
                            names = "--app",
                            split = ",",
                            paramLabel = "APP",
                            description = "Limit it to these apps (repeat or comma-separate); default every app.")
                    List<String> apps) {
        TokenRequest request = new TokenRequest(name, role, apps == null || apps.isEmpty() ? null : apps);
        return root.print(client -> client.createToken(request), AccessText::created);
    }

    @Command(name = "list", description = "The API tokens, by name (never their secrets).")
    int list() {
        return root.print(client -> client.tokens(), AccessText::tokens);
    }

    @Command(name = "revoke", description = "Revokes a token: at once on this server, within 10 s on the others.")
    int revoke(@Parameters(paramLabel = "NAME") String name) {
        return root.print(client -> client.revokeToken(name), AccessText::revoked);
    }
}
