package dev.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two JAX-RS applications list their resources rather than have them scanned ({@link RosterApplication}); these
 * lists stay complete: every resource class of the WAR belongs to exactly one application, and every provider to
 * both.
 */
class ApplicationsTest {

    static final java.nio.file.Path CLASSES = java.nio.file.Path.of("target/classes");

    @Test
    void everyResourceIsServedByExactlyOneApplicationAndEveryProviderByBoth() throws Exception {
        Set<Class<?>> resources = new HashSet<>();
        Set<Class<?>> providers = new HashSet<>();
        for (Class<?> type : classes()) {
            if (type.isAnnotationPresent(Path.class)) {
                resources.add(type);
            }
            if (type.isAnnotationPresent(Provider.class)) {
                providers.add(type);
            }
        }
        assertTrue(resources.size() > 20, "found only " + resources + "; is the scan looking in the right place?");
        Set<Class<?>> listed = new HashSet<>(RosterApplication.RESOURCES);
        listed.addAll(ScimApplication.RESOURCES);
        assertEquals(RosterApplication.RESOURCES.size() + ScimApplication.RESOURCES.size(), listed.size(),
                "a resource listed by both applications");
        assertEquals(resources, listed);
        assertEquals(providers, RosterApplication.PROVIDERS);
        assertTrue(new RosterApplication().getClasses().containsAll(providers));
        assertTrue(new ScimApplication().getClasses().containsAll(providers));
    }

    private static List<Class<?>> classes() throws IOException, ClassNotFoundException {
        List<String> names;
        try (Stream<java.nio.file.Path> walk = Files.walk(CLASSES)) {
            names = walk.map(p -> CLASSES.relativize(p).toString()).filter(p -> p.endsWith(".class"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.')).toList();
        }
        List<Class<?>> classes = new java.util.ArrayList<>();
        for (String name : names) {
            classes.add(Class.forName(name, false, ApplicationsTest.class.getClassLoader()));
        }
        return classes;
    }
}
