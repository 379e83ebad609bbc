package io.campanile.scheduler.application;

import io.campanile.api.admin.AppPage;
import io.campanile.api.admin.AppView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Lists the apps a caller may see page by page, by name, with their total. The apps are read whole (a cluster has
 * tens or hundreds of them, and a token limited to some apps sees only those, which the total must count); the page
 * bounds the answer.
 */
@ApplicationScoped
public class ListApps {

    private ManageApps apps;

    protected ListApps() {}

    @Inject
    public ListApps(ManageApps apps) {
        this.apps = apps;
    }

    public AppPage list(AppQuery query, Predicate<String> visible) {
        List<AppView> seen = apps.list().stream()
                .filter(a -> visible.test(a.name()))
                .sorted(Comparator.comparing(AppView::name))
                .toList();
        List<AppView> after = query.afterName() == null
                ? seen
                : seen.stream()
                        .filter(a -> a.name().compareTo(query.afterName()) > 0)
                        .toList();
        List<AppView> items = after.subList(0, Math.min(after.size(), query.limit()));
        String next = after.size() > query.limit()
                ? AppQuery.cursorAfter(items.get(items.size() - 1).name())
                : null;
        return new AppPage(items, next, seen.size());
    }
}
