package io.campanile.worker.run;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a job's processor name selects a bean: the bean's name ({@code @Named}) if it has one, or else its
 * class's simple name. Exact names win over class names.
 */
public final class ProcessorNames {

    private ProcessorNames() {}

    /**
     * @param beanName what the bean is named, or null
     * @return the name a job uses to refer to this bean
     */
    public static String nameOf(String beanName, Class<?> beanClass) {
        return beanName != null && !beanName.isBlank() ? beanName : beanClass.getSimpleName();
    }

    /** The single candidate called {@code name}; empty if none; fails if several are. */
    public static <B> Optional<B> select(Collection<B> candidates, String name, Function<B, String> nameOfBean) {
        List<B> matching = candidates.stream()
                .filter(b -> name.equals(nameOfBean.apply(b)))
                .toList();
        if (matching.size() > 1) {
            throw new IllegalStateException(matching.size() + " processors are named " + name + ": "
                    + matching.stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
        return matching.stream().findFirst();
    }
}
