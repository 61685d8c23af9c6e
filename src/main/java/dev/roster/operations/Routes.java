package dev.roster.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route template a request path belongs to, such as {@code /api/v1/provisioning/users/{username}}: the label
 * metrics and the access log group requests by, so that no label grows with the number of tenants or users. The
 * templates are read once from the JAX-RS resources ({@code @Path} on each resource bean and its methods, under the
 * application's {@code /api}), plus the paths the server serves itself; any other path is {@link #OTHER}.
 */
@ApplicationScoped
public class Routes {

    public static final String OTHER = "other";
    static final String API = "/api";
    static final List<String> SERVER = List.of("/health", "/health/live", "/health/ready", "/health/started",
            "/metrics", "/openapi", "/openapi/ui", "/.well-known/openid-configuration");
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    @Inject
    BeanManager beans;

    private volatile List<Route> routes;

    record Route(String template, Pattern pattern, int literals) {
    }

    /** The template of the path, or {@link #OTHER}. */
    public String of(String path) {
        for (Route route : routes()) {
            if (route.pattern().matcher(path).matches()) {
                return route.template();
            }
        }
        return OTHER;
    }

    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            List<String> templates = new ArrayList<>(SERVER);
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                templates.addAll(templates(bean.getBeanClass()));
            }
            known = of(templates);
            routes = known;
        }
        return known;
    }

    /** The templates of one resource class: its own path, and each resource method's below it. */
    static List<String> templates(Class<?> resource) {
        Path root = resource.getAnnotation(Path.class);
        if (root == null) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (Method method : resource.getMethods()) {
            if (!isResourceMethod(method)) {
                continue;
            }
            Path path = method.getAnnotation(Path.class);
            found.add(join(API, root.value(), path == null ? "" : path.value()));
        }
        return found;
    }

    /** Routes from templates, the most specific first (more literal characters before fewer). */
    static List<Route> of(List<String> templates) {
        List<Route> built = new ArrayList<>();
        for (String template : templates.stream().distinct().toList()) {
            StringBuilder regex = new StringBuilder();
            Matcher parameter = PARAMETER.matcher(template);
            int last = 0;
            int literals = 0;
            StringBuilder normalized = new StringBuilder();
            while (parameter.find()) {
                String literal = template.substring(last, parameter.start());
                regex.append(Pattern.quote(literal)).append('(').append(parameter.group(2) == null ? "[^/]+"
                        : parameter.group(2)).append(')');
                normalized.append(literal).append('{').append(parameter.group(1)).append('}');
                literals += literal.length();
                last = parameter.end();
            }
            String rest = template.substring(last);
            regex.append(Pattern.quote(rest)).append("/?");
            normalized.append(rest);
            built.add(new Route(normalized.toString(), Pattern.compile(regex.toString()), literals + rest.length()));
        }
        built.sort(Comparator.comparingInt(Route::literals).reversed());
        return List.copyOf(built);
    }

    private static boolean isResourceMethod(Method method) {
        if (method.isAnnotationPresent(Path.class)) {
            return true;
        }
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    private static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String trimmed = part.strip();
            while (trimmed.startsWith("/")) {
                trimmed = trimmed.substring(1);
            }
            while (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }
}
