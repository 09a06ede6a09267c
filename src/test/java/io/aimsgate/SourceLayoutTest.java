package io.aimsgate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every source file declares a top-level type named after the file. The compiler plugin decides whether a module is
 * up to date by looking for each source file's own class file; a file that holds only other types (several
 * repositories in one {@code XRepositories.java}) has none, so every build, and every {@code ./mvnw spring-boot:run},
 * compiled the whole module again, and the tests after it (docs/benchmarks.md, "Start-up, session 7").
 */
class SourceLayoutTest {

    @Test
    void everySourceFileDeclaresTheTypeItIsNamedAfter() throws IOException {
        assertThat(filesWithoutTheirType(Path.of("src/main/java"))).isEmpty();
        assertThat(filesWithoutTheirType(Path.of("src/test/java"))).isEmpty();
    }

    @Test
    void aFileOfOtherTypesIsFound(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path pkg = Files.createDirectories(dir.resolve("io/example"));
        Files.writeString(pkg.resolve("Repositories.java"), """
                package io.example;

                interface ThingRepository {}

                interface OtherRepository {}
                """);
        Files.writeString(pkg.resolve("Thing.java"), "package io.example;\n\n@Deprecated\npublic record Thing() {}\n");
        Files.writeString(pkg.resolve("package-info.java"), "package io.example;\n");

        assertThat(filesWithoutTheirType(dir)).containsExactly("io/example/Repositories.java");
    }

    private static List<String> filesWithoutTheirType(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.getFileName().toString().equals("package-info.java"))
                    .filter(file -> !declaresOwnType(file))
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private static boolean declaresOwnType(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.java$", "");
        Pattern declaration = Pattern.compile("(?m)^(?:[\\w@]+\\s+)*(?:class|interface|enum|record|@interface)\\s+"
                + Pattern.quote(name) + "\\b");
        try {
            return declaration.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
