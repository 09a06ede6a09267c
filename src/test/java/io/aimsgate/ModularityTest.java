package io.aimsgate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature modules' boundaries (Spring Modulith): every top-level package under io.aimsgate is a module whose base
 * package is its API and whose sub-packages (internal) are its own; no module reaches into another's internals and
 * the modules form no cycle. The module diagrams in docs/modules are written from the code by this test, so the
 * committed ones stay true (the test rewrites them and fails when they were out of date).
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(AimsGateApplication.class);
    static final Path DOCS = Path.of("docs", "modules");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void theFeatureModulesAreModules() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("gate", "inception", "datagovernance", "validation", "operation", "shared", "inventory");
    }

    /**
     * Rewrites docs/modules from the code and fails when that changed what was there (a module, a dependency or an
     * exposed type changed and the diagrams were not committed with it): commit the rewritten files.
     */
    @Test
    void theCommittedDiagramsAreTheGeneratedOnes() throws Exception {
        Map<String, String> before = read(DOCS);
        Path generated = Files.createTempDirectory("modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation();
        Map<String, String> after = read(generated);
        assertThat(after).containsKeys("components.puml", "module-gate.puml", "module-operation.adoc");

        // The Documenter lists elements in hash order, which differs between runs: compare the lines as sets, and
        // rewrite only what really changed, so an unchanged build leaves docs/modules untouched.
        Files.createDirectories(DOCS);
        List<String> changed = new ArrayList<>();
        for (String stale : before.keySet()) {
            if (!after.containsKey(stale)) {
                Files.delete(DOCS.resolve(stale));
                changed.add(stale);
            }
        }
        for (Map.Entry<String, String> file : after.entrySet()) {
            if (!lines(file.getValue()).equals(lines(before.get(file.getKey())))) {
                Files.writeString(DOCS.resolve(file.getKey()), file.getValue());
                changed.add(file.getKey());
            }
        }
        assertThat(changed).as("docs/modules was out of date and has been rewritten: commit it").isEmpty();
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().sorted().toList();
    }

    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> list = Files.list(folder)) {
                for (Path file : list.filter(Files::isRegularFile).toList()) {
                    files.put(file.getFileName().toString(), Files.readString(file));
                }
            }
        }
        return files;
    }
}
