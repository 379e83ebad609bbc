package io.campanile.worker.ejb;

import io.campanile.api.Processor;
import io.campanile.worker.run.ProcessorLookup;
import io.campanile.worker.run.ProcessorNames;
import io.campanile.worker.run.ResolvedProcessor;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds processors among the application's CDI beans that implement {@link Processor}, by bean name or
 * class simple name. Each run gets its own contextual reference, released after the run (so dependent
 * processors do not leak), and an active request context, so request-scoped helpers work.
 */
final class CdiProcessorLookup implements ProcessorLookup {

    private final BeanManager beanManager;
    private final Map<String, Bean<?>> byName = new ConcurrentHashMap<>();
    private volatile Bean<?> requestContextBean;

    CdiProcessorLookup(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    @Override
    public Optional<ResolvedProcessor> resolve(String name) {
        Bean<?> bean = byName.get(name);
        if (bean == null) {
            Optional<Bean<?>> found = find(name);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            bean = found.get();
            byName.put(name, bean);
        }
        CreationalContext<?> control = beanManager.createCreationalContext(null);
        RequestContextController requestContext = requestContext(control);
        boolean activated = requestContext.activate();
        CreationalContext<?> creation = beanManager.createCreationalContext(bean);
        Processor processor = (Processor) beanManager.getReference(bean, Processor.class, creation);
        return Optional.of(new ResolvedProcessor() {
            @Override
            public Processor processor() {
                return processor;
            }

            @Override
            public void close() {
                creation.release();
                if (activated) {
                    requestContext.deactivate();
                }
                control.release();
            }
        });
    }

    /**
     * A request context controller of the run's own, released with {@code creation} after the processor's
     * dependents were destroyed and the request context deactivated. The controller's bean
     * is looked up once: a {@code createInstance().select(...)} per run cost more than many a processor.
     */
    private RequestContextController requestContext(CreationalContext<?> creation) {
        Bean<?> controller = requestContextBean;
        if (controller == null) {
            controller = beanManager.resolve(beanManager.getBeans(RequestContextController.class));
            if (controller == null) {
                return beanManager
                        .createInstance()
                        .select(RequestContextController.class)
                        .get();
            }
            requestContextBean = controller;
        }
        return (RequestContextController)
                beanManager.getReference(controller, RequestContextController.class, creation);
    }

    @Override
    public List<String> names() {
        return beanManager.getBeans(Processor.class, Any.Literal.INSTANCE).stream()
                .map(b -> ProcessorNames.nameOf(b.getName(), b.getBeanClass()))
                .distinct()
                .sorted()
                .toList();
    }

    private Optional<Bean<?>> find(String name) {
        var beans = beanManager.getBeans(Processor.class, Any.Literal.INSTANCE);
        Optional<Bean<?>> named = ProcessorNames.select(beans, name, b -> b.getName());
        if (named.isPresent()) {
            return named;
        }
        return ProcessorNames.select(beans, name, b -> ProcessorNames.nameOf(b.getName(), b.getBeanClass()));
    }
}
