package io.campanile.scheduler.domain.app;

import java.util.List;
import java.util.Optional;

public interface AppRepository {

    void add(App app);

    Optional<App> find(String name);

    /** The app, its row locked until the transaction ends (two rotations of its secret come one after the other). */
    Optional<App> findForChange(String name);

    List<App> findAll();
}
