package io.campanile.deployments.cluster;

import io.campanile.api.OwnershipChangeReason;
import io.campanile.api.admin.ClusterView;
import io.campanile.api.admin.OwnershipChangeView;
import io.campanile.api.admin.OwnershipView;
import java.util.List;
import java.util.Optional;

/** Reading one app's ownership and its history out of a {@link ClusterView}. */
public final class Ownerships {

    private Ownerships() {}

    public static OwnershipView of(ClusterView view, String app) {
        return view.ownerships().stream()
                .filter(ownership -> ownership.appName().equals(app))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no owner of " + app + " in " + view.ownerships()));
    }

    /** The app's ownership if another server than {@code old}'s holds it now, under a higher epoch. */
    public static Optional<OwnershipView> replacing(ClusterView view, OwnershipView old) {
        OwnershipView now = of(view, old.appName());
        return !now.ownerId().equals(old.ownerId()) && now.epoch() > old.epoch() ? Optional.of(now) : Optional.empty();
    }

    public static long lastChangeId(ClusterView view) {
        return view.history().stream().mapToLong(OwnershipChangeView::id).max().orElse(0);
    }

    public static List<OwnershipChangeView> changesSince(ClusterView view, String app, long lastChangeId) {
        return view.history().stream()
                .filter(change -> change.appName().equals(app) && change.id() > lastChangeId)
                .toList();
    }

    /** Why {@code ownership} began, from the history; null when the history no longer shows it. */
    public static OwnershipChangeReason reasonOf(ClusterView view, OwnershipView ownership) {
        return view.history().stream()
                .filter(change -> change.appName().equals(ownership.appName()))
                .filter(change -> change.epoch() == ownership.epoch())
                .map(OwnershipChangeView::reason)
                .findFirst()
                .orElse(null);
    }
}
