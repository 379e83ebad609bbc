package io.campanile.scheduler.domain.app;

import java.util.List;
import java.util.Optional;

public interface AppRepository {

    void add(App app);

    Optional<App> find(String name);

    List<App> findAll();
}
