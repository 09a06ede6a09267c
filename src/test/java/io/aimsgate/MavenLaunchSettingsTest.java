package io.aimsgate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mvnw spring-boot:run} starts two JVMs before the application answers: Maven's own (which reads the project,
 * resolves about 290 dependencies and checks every source file before it forks) and the application's. Both are
 * short-lived starts, for which the client JIT alone costs less CPU than tiered compilation with C2: Maven from
 * launch to the forked application 1.85 s instead of 2.4 to 2.8 s, and a full compile of the module 6.6 to 6.9 s
 * instead of 10.8 to 15.9 s (docs/benchmarks.md, "Start-up, session 8"). {@code java -jar} keeps the JVM's defaults.
 */
class MavenLaunchSettingsTest {

    @Test
    void mavensOwnJvmRunsTheClientJitOnly() throws IOException {
        // Maven's launcher reads .mvn/jvm.config as JVM options for Maven itself (not for the forked JVMs).
        assertThat(options(Files.readString(Path.of(".mvn/jvm.config")))).contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void theApplicationForkedBySpringBootRunRunsTheClientJitOnly() throws IOException {
        Matcher property = Pattern.compile("<spring-boot\\.run\\.jvmArguments>([^<]*)</spring-boot\\.run\\.jvmArguments>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(property.find()).as("spring-boot.run.jvmArguments in pom.xml").isTrue();
        assertThat(options(property.group(1))).contains("-XX:TieredStopAtLevel=1");
    }

    private static List<String> options(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }
}
