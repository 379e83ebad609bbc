package io.campanile.scheduler.domain.access;

import io.campanile.api.admin.Role;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Whether a principal may make a request: its role must cover the rule's ({@link AccessRules}), and a token limited
 * to some apps reaches only those apps' paths, plus the list of apps (which shows it only its own). Every other
 * cluster-wide path (the cluster view, servers, metrics, tokens, the audit log, a new app) needs an unlimited token.
 *
 * @param denial why not, naming the role or scope needed; null when allowed
 */
public record Access(AccessRules.Requirement requirement, RequestTarget target, String denial) {

    public static Access decide(Principal who, String method, RequestTarget target) {
        AccessRules.Requirement needed = AccessRules.required(method, target.segments());
        String denial = null;
        if (!who.role().covers(needed.role())) {
            denial = "this needs the role " + name(needed.role()) + "; token '" + who.name() + "' has the role "
                    + name(who.role());
        } else if (who.scoped() && target.clusterWide() && !isAppList(method, target)) {
            denial = "token '" + who.name() + "' is limited to the apps " + new TreeSet<>(who.apps())
                    + ": this cluster-wide endpoint needs a token for every app";
        } else if (!target.clusterWide() && !who.reaches(target.app())) {
            denial = "token '" + who.name() + "' is limited to the apps " + new TreeSet<>(who.apps())
                    + ": it may not reach app '" + cut(target.app()) + "'";
        }
        return new Access(needed, target, denial);
    }

    public boolean allowed() {
        return denial == null;
    }

    private static boolean isAppList(String method, RequestTarget target) {
        return method.equalsIgnoreCase("GET") && target.segments().equals(java.util.List.of("apps"));
    }

    private static String name(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private static String cut(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
