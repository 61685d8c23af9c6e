package dev.roster.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, "no dependency cycles between features": the features under {@code dev.roster} (one package each, with
 * its boundary, control and entity) depend on one another in one direction only, read from the imports of the
 * sources. The root package assembles them and may depend on all.
 */
class FeatureDependenciesTest {

    static final Path SOURCES = Path.of("src/main/java/dev/roster");
    static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.roster\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void featuresDependOnEachOtherWithoutCycles() throws IOException {
        Map<String, Set<String>> graph = graph();
        Set<String> cyclic = new TreeSet<>();
        for (String feature : graph.keySet()) {
            for (String dependency : graph.get(feature)) {
                if (reaches(graph, dependency, feature)) {
                    cyclic.add(feature + " -> " + dependency);
                }
            }
        }
        assertEquals(Set.of(), cyclic, "dependencies that close a cycle; the graph: " + graph);
    }

    @Test
    void platformAndTheCallerDependOnNoFeature() throws IOException {
        Map<String, Set<String>> graph = graph();
        assertEquals(Set.of(), graph.getOrDefault("platform", Set.of()));
        assertEquals(Set.of(), graph.getOrDefault("caller", Set.of()));
    }

    /** Feature to the features it imports, leaving out the error contract every feature uses. */
    private static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> graph = new HashMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            walk.filter(p -> p.toString().endsWith(".java") && p.getParent() != null && !p.getParent().equals(SOURCES))
                    .forEach(files::add);
        }
        for (Path file : files) {
            String feature = SOURCES.relativize(file).getName(0).toString();
            Matcher imported = IMPORT.matcher(Files.readString(file));
            Set<String> dependencies = graph.computeIfAbsent(feature, f -> new HashSet<>());
            while (imported.find()) {
                String dependency = imported.group(1);
                if (!dependency.equals(feature) && !dependency.equals("problem")) {
                    dependencies.add(dependency);
                }
            }
        }
        return graph;
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String to) {
        Set<String> seen = new HashSet<>();
        List<String> next = new ArrayList<>(List.of(from));
        while (!next.isEmpty()) {
            String feature = next.remove(next.size() - 1);
            if (feature.equals(to)) {
                return true;
            }
            if (seen.add(feature)) {
                next.addAll(graph.getOrDefault(feature, Set.of()));
            }
        }
        return false;
    }
}
