package io.campanile.scheduler.infrastructure.persistence;

import io.campanile.scheduler.domain.app.App;
import io.campanile.scheduler.domain.app.AppRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class JpaAppRepository implements AppRepository {

    @PersistenceContext(unitName = "campanile")
    private EntityManager em;

    protected JpaAppRepository() {}

    public JpaAppRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(App app) {
        em.persist(app);
        em.flush();
    }

    @Override
    public Optional<App> find(String name) {
        return em.createQuery("SELECT a FROM App a WHERE a.name = :name", App.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<App> findForChange(String name) {
        return em.createQuery("SELECT a FROM App a WHERE a.name = :name", App.class)
                .setParameter("name", name)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<App> findAll() {
        return em.createQuery("SELECT a FROM App a ORDER BY a.name", App.class).getResultList();
    }
}
