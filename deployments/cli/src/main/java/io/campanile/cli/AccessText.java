package io.campanile.cli;

import io.campanile.api.admin.AuditEntry;
import io.campanile.api.admin.AuditPage;
import io.campanile.api.admin.SecretRotationAnswer;
import io.campanile.api.admin.TokenCreated;
import io.campanile.api.admin.TokenView;
import java.util.List;
import java.util.Map;

/** API tokens, the audit log and secret rotations as text. */
final class AccessText {

    private AccessText() {}

    static String tokens(List<TokenView> tokens) {
        Table table = new Table("NAME", "ROLE", "APPS", "CREATED", "CREATED BY");
        tokens.forEach(token ->
                table.row(token.name(), token.role(), apps(token.apps()), token.createdAt(), token.createdBy()));
        return table.isEmpty() ? "no tokens\n" : table.render();
    }

    /** The new token and its secret, which the server never shows again. */
    static String created(TokenCreated created) {
        Map<String, Object> fields = Text.fields();
        fields.put("name", created.token().name());
        fields.put("role", created.token().role());
        fields.put("apps", apps(created.token().apps()));
        fields.put("created", created.token().createdAt());
        fields.put("secret", created.secret());
        return Text.details(fields)
                + "\nThe secret is shown only this time: keep it now (the server keeps only its hash).\n";
    }

    static String revoked(TokenView token) {
        return "revoked token " + token.name() + " (" + token.role() + ", " + apps(token.apps()) + ")\n";
    }

    static String audit(List<AuditEntry> entries) {
        Table table = new Table("TIME", "ACTOR", "ACTION", "METHOD", "PATH", "STATUS", "DENIED");
        for (AuditEntry entry : entries) {
            table.row(
                    entry.at(),
                    entry.actor(),
                    entry.action(),
                    entry.method(),
                    entry.path(),
                    entry.status(),
                    entry.denied() ? "yes" : "no");
        }
        return table.isEmpty() ? "no audit entries\n" : table.render();
    }

    static String auditPage(AuditPage page) {
        String count = page.items().size() + " of " + page.total() + " entries";
        return audit(page.items()) + (page.next() == null ? count : count + "; next page: --cursor " + page.next())
                + "\n";
    }

    static String rotated(SecretRotationAnswer answer) {
        Map<String, Object> fields = Text.fields();
        fields.put("app", answer.app());
        fields.put("rotated at", answer.rotatedAt());
        fields.put("previous secret valid until", answer.previousValidUntil());
        return Text.details(fields);
    }

    /** A token's apps; null is every app. */
    private static String apps(List<String> apps) {
        return apps == null ? "all apps" : Text.value(apps);
    }
}
