package io.campanile.scheduler.interfaces.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The endpoints the JAX-RS resources serve, read from their annotations as the runtime reads them: root resources
 * ({@code @Path} on the class), their resource methods ({@code @GET}... with or without {@code @Path}), and the
 * sub-resource locators ({@code @Path} without a method) followed into the class they return.
 */
final class JaxRsEndpoints {

    /**
     * One method at one path, with the query and header parameters it reads, the type of its body (the parameter
     * without annotations; null when it takes none) and the type it answers.
     */
    record Endpoint(
            String method,
            String path,
            Set<String> query,
            Set<String> headers,
            Type body,
            Type answer,
            String javaMethod) {

        /** The path with every template's name and pattern left out, so that {@code {id}} and {@code {instanceId}} match. */
        String key() {
            return method + " " + normalised(path);
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + javaMethod + ")";
        }
    }

    private JaxRsEndpoints() {}

    static String normalised(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    static List<Endpoint> of(Collection<Class<?>> roots) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> root : roots) {
            collect(root, root, join("", root.getAnnotation(Path.class)), Set.of(), Set.of(), endpoints);
        }
        return endpoints;
    }

    private static void collect(
            Class<?> root,
            Class<?> resource,
            String prefix,
            Set<String> query,
            Set<String> headers,
            List<Endpoint> into) {
        for (Method m : resource.getMethods()) {
            if (m.isBridge() || m.isSynthetic() || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String httpMethod = httpMethod(m);
            Path path = m.getAnnotation(Path.class);
            Set<String> q = union(query, params(m, QueryParam.class));
            Set<String> h = union(headers, params(m, HeaderParam.class));
            if (httpMethod != null) {
                into.add(new Endpoint(
                        httpMethod,
                        join(prefix, path),
                        q,
                        h,
                        body(m),
                        m.getGenericReturnType(),
                        m.getDeclaringClass().getSimpleName() + "." + m.getName()));
            } else if (path != null) {
                collect(root, mounted(root, m), join(prefix, path), q, h, into);
            }
        }
    }

    /**
     * The class of the handler a locator returns. A locator may declare a general (even abstract) type: the root
     * then names the concrete one as the declared return type of another of its methods (the factory that makes the
     * handler, such as {@code jobsOf}), the most specific of them.
     */
    static Class<?> mounted(Class<?> root, Method locator) {
        Class<?> declared = locator.getReturnType();
        Class<?> best = declared;
        for (Class<?> c = root; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                Class<?> returned = m.getReturnType();
                if (m.isBridge() || returned == best || !declared.isAssignableFrom(returned)) {
                    continue;
                }
                if (best.isAssignableFrom(returned)) {
                    best = returned;
                } else if (!returned.isAssignableFrom(best)) {
                    throw new AssertionError(root.getSimpleName() + "." + locator.getName() + " may mount "
                            + best.getSimpleName() + " or " + returned.getSimpleName() + ": cannot tell which");
                }
            }
        }
        if (Modifier.isAbstract(best.getModifiers()) || best.isInterface()) {
            throw new AssertionError(root.getSimpleName() + "." + locator.getName() + " returns the abstract "
                    + best.getSimpleName() + " and no method of " + root.getSimpleName()
                    + " declares which subclass: declare it as the return type of the method that makes it");
        }
        return best;
    }

    /** The entity parameter: the one without annotations (no path, query, header, context or suspended one). */
    private static Type body(Method m) {
        Type body = null;
        for (Parameter p : m.getParameters()) {
            if (p.getAnnotations().length == 0) {
                if (body != null) {
                    throw new AssertionError(m + " has two parameters without annotations");
                }
                body = p.getParameterizedType();
            }
        }
        return body;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** The names of the method's parameters with that annotation, also inside its {@code @BeanParam} beans. */
    private static Set<String> params(Method m, Class<? extends Annotation> kind) {
        Set<String> names = new TreeSet<>();
        for (Parameter p : m.getParameters()) {
            addName(p, kind, names);
            if (p.isAnnotationPresent(BeanParam.class)) {
                names.addAll(beanParams(p.getType(), kind));
            }
        }
        return names;
    }

    private static Set<String> beanParams(Class<?> bean, Class<? extends Annotation> kind) {
        Set<String> names = new TreeSet<>();
        for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                addName(f, kind, names);
                if (f.isAnnotationPresent(BeanParam.class)) {
                    names.addAll(beanParams(f.getType(), kind));
                }
            }
        }
        return names;
    }

    private static void addName(AnnotatedElement element, Class<? extends Annotation> kind, Set<String> names) {
        Annotation a = element.getAnnotation(kind);
        if (a instanceof QueryParam q) {
            names.add(q.value());
        } else if (a instanceof HeaderParam h) {
            names.add(h.value());
        }
    }

    private static String join(String prefix, Path path) {
        if (path == null) {
            return prefix.isEmpty() ? "/" : prefix;
        }
        String tail =
                Arrays.stream(path.value().split("/")).filter(s -> !s.isEmpty()).collect(Collectors.joining("/"));
        return tail.isEmpty() ? (prefix.isEmpty() ? "/" : prefix) : prefix + "/" + tail;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
