package dev.roster.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Secure by default: every resource method states who may call it, with {@code @RolesAllowed} or {@code @PermitAll}. */
class EveryEndpointIsGuardedTest {

    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() throws Exception {
        List<String> unguarded = new ArrayList<>();
        int endpoints = 0;
        for (Class<?> type : resourceClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                if (!isEndpoint(method)) {
                    continue;
                }
                endpoints++;
                boolean guarded = method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(PermitAll.class)
                        || type.isAnnotationPresent(RolesAllowed.class);
                if (!guarded) {
                    unguarded.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertFalse(endpoints < 20, "found only " + endpoints + " endpoints; is the scan looking in the right place?");
        assertEquals(List.of(), unguarded);
    }

    @Test
    void onlyTheTokenEndpointsAndInvitationAcceptanceAreOpenToEveryone() throws Exception {
        List<String> open = new ArrayList<>();
        for (Class<?> type : resourceClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                if (isEndpoint(method) && method.isAnnotationPresent(PermitAll.class)) {
                    open.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertEquals(List.of("AcceptResource.accept", "TokenResource.jwks", "TokenResource.token"),
                open.stream().sorted().toList());
    }

    private static boolean isEndpoint(Method method) {
        return Stream.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class, OPTIONS.class)
                .anyMatch(method::isAnnotationPresent);
    }

    private static List<Class<?>> resourceClasses() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, EveryEndpointIsGuardedTest.class.getClassLoader());
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
