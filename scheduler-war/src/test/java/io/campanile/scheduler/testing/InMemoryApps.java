package io.campanile.scheduler.testing;

import io.campanile.scheduler.domain.app.App;
import io.campanile.scheduler.domain.app.AppRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Apps by name, shared by the servers of a test. */
public final class InMemoryApps implements AppRepository {

    private final Map<String, App> apps = new ConcurrentSkipListMap<>();
    /** How many times an app was read. */
    public int reads;

    @Override
    public void add(App app) {
        apps.put(app.name(), app);
    }

    @Override
    public Optional<App> find(String name) {
        reads++;
        return Optional.ofNullable(apps.get(name));
    }

    @Override
    public Optional<App> findForChange(String name) {
        return find(name);
    }

    @Override
    public List<App> findAll() {
        return List.copyOf(apps.values());
    }
}
