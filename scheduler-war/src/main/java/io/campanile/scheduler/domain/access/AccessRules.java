package io.campanile.scheduler.domain.access;

import io.campanile.api.admin.Role;
import java.util.List;
import java.util.Locale;

/**
 * The one table of which role each admin request needs, by method and path pattern below the version ({@code *}: one
 * segment, {@code **}: any rest, also none). The first matching rule wins. A read ({@code GET}, {@code HEAD},
 * {@code OPTIONS}) not listed needs {@link Role#VIEWER}; any other request not listed needs {@link Role#ADMIN}, so an
 * endpoint added later is an admin's until a rule here says otherwise.
 */
public final class AccessRules {

    /**
     * What a request needs.
     *
     * @param action the short name the audit log records
     * @param changes whether it may change anything (and so is recorded in the audit log)
     */
    public record Requirement(Role role, String action, boolean changes) {}

    private record Rule(String method, List<String> pattern, Requirement requirement) {}

    private static final List<Rule> RULES = List.of(
            rule("GET", "tokens/**", Role.ADMIN, "token.read", false),
            rule("GET", "audit/**", Role.ADMIN, "audit.read", false),
            rule("POST", "apps/*/jobs/preview", Role.VIEWER, "job.preview", false),
            rule("POST", "apps/*/jobs/*/run", Role.OPERATOR, "job.run", true),
            rule("POST", "apps/*/jobs/*/runs", Role.OPERATOR, "job.run_batch", true),
            rule("POST", "apps/*/jobs/*/backfill", Role.OPERATOR, "job.backfill", true),
            rule("POST", "apps/*/jobs/*/pause", Role.OPERATOR, "job.pause", true),
            rule("POST", "apps/*/jobs/*/resume", Role.OPERATOR, "job.resume", true),
            rule("POST", "apps/*/instances/*/stop", Role.OPERATOR, "instance.stop", true),
            rule("POST", "apps/*/instances/*/retry", Role.OPERATOR, "instance.retry", true),
            rule("POST", "apps/*/instances/*/succeed", Role.OPERATOR, "instance.succeed", true),
            rule("POST", "apps", Role.ADMIN, "app.create", true),
            rule("POST", "apps/*/jobs", Role.ADMIN, "job.create", true),
            rule("PUT", "apps/*/jobs/*", Role.ADMIN, "job.update", true),
            rule("DELETE", "apps/*/jobs/*", Role.ADMIN, "job.delete", true),
            rule("POST", "tokens", Role.ADMIN, "token.create", true),
            rule("DELETE", "tokens/*", Role.ADMIN, "token.revoke", true));

    private AccessRules() {}

    /** What a request with this method and path (segments below the version) needs. */
    public static Requirement required(String method, List<String> segments) {
        String m = method.toUpperCase(Locale.ROOT);
        if (segments.stream().anyMatch(s -> s.equals(".") || s.equals(".."))) {
            return new Requirement(Role.ADMIN, "unknown", !isRead(m)); // never guess what a dot segment means
        }
        for (Rule rule : RULES) {
            if (rule.method().equals(m) && matches(rule.pattern(), segments)) {
                return rule.requirement();
            }
        }
        if (isRead(m)) {
            return new Requirement(Role.VIEWER, "read", false);
        }
        String last = segments.isEmpty() ? "" : " " + segments.get(segments.size() - 1);
        return new Requirement(Role.ADMIN, m.toLowerCase(Locale.ROOT) + last, true);
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    private static boolean matches(List<String> pattern, List<String> segments) {
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (p.equals("**")) {
                return true;
            }
            if (i >= segments.size() || !(p.equals("*") || p.equals(segments.get(i)))) {
                return false;
            }
        }
        return pattern.size() == segments.size();
    }

    private static Rule rule(String method, String pattern, Role role, String action, boolean changes) {
        return new Rule(method, List.of(pattern.split("/")), new Requirement(role, action, changes));
    }
}
