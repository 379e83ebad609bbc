package io.campanile.scheduler.domain.access;

import java.util.Arrays;
import java.util.List;

/**
 * What an admin request is about, read from its path below the version ({@code apps/shop/jobs/7/run}): the app, and
 * the kind and id of the resource. A cluster-wide request ({@code cluster}, {@code tokens}, {@code apps} itself) has
 * no app.
 *
 * @param segments the path's segments below the version, without empty ones
 * @param kind {@code app}, {@code job}, {@code instance}, {@code token}, or null for none
 * @param id the resource's id or name as the path gives it; null when the path names none (a create)
 */
public record RequestTarget(List<String> segments, String app, String kind, String id) {

    public static final String APP = "app";
    public static final String JOB = "job";
    public static final String INSTANCE = "instance";
    public static final String TOKEN = "token";

    public RequestTarget {
        segments = List.copyOf(segments);
    }

    /** The target of a path relative to {@code /api}: {@code v1/...}, {@code admin/...} or {@code metrics}. */
    public static RequestTarget of(String apiPath) {
        List<String> all =
                Arrays.stream(apiPath.split("/")).filter(s -> !s.isEmpty()).toList();
        List<String> below =
                !all.isEmpty() && (all.get(0).equals("v1") || all.get(0).equals("admin"))
                        ? all.subList(1, all.size())
                        : all;
        return ofSegments(below);
    }

    private static RequestTarget ofSegments(List<String> s) {
        if (s.size() >= 1 && s.get(0).equals("tokens")) {
            return new RequestTarget(s, null, TOKEN, s.size() >= 2 ? s.get(1) : null);
        }
        if (s.isEmpty() || !s.get(0).equals("apps")) {
            return new RequestTarget(s, null, null, null);
        }
        if (s.size() == 1) {
            return new RequestTarget(s, null, APP, null); // the list of apps, or a new app
        }
        String app = s.get(1);
        if (s.size() >= 3 && s.get(2).equals("jobs")) {
            boolean named = s.size() >= 4 && !s.get(3).equals("preview");
            return new RequestTarget(s, app, JOB, named ? s.get(3) : null);
        }
        if (s.size() >= 3 && s.get(2).equals("instances")) {
            return new RequestTarget(s, app, INSTANCE, s.size() >= 4 ? s.get(3) : null);
        }
        return new RequestTarget(s, app, APP, app);
    }

    /** Whether the request concerns the whole cluster rather than one app. */
    public boolean clusterWide() {
        return app == null;
    }

    /** The path below the version, as the rules match it. */
    public String path() {
        return String.join("/", segments);
    }
}
