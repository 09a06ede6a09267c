package io.aimsgate.raci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which processes a role starts by hand comes from the models' starter groups, not from a second list. */
class PlatformProcessesTest {

    @Test
    void theProcessesWithStarterGroupsAreStartableByHandAndCorrectiveActionIsNot() {
        assertThat(PlatformProcesses.startableByHand()).containsExactlyInAnyOrder("deployment-approval", "inception",
                "design-development", "verification-validation", "re-evaluation", "retirement", "incident-escalation",
                "nonconformity", "soa-approval", "policy-approval", "management-review", "internal-audit",
                "supplier-assessment");
        assertThat(PlatformProcesses.startableByHand()).doesNotContain("corrective-action");
    }

    @Test
    void everyProcessTheModelsDefineIsAPlatformKey() throws IOException {
        Pattern process = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
        Set<String> declared;
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            declared = models.filter(file -> file.toString().endsWith(".bpmn")).flatMap(file -> {
                try {
                    return process.matcher(Files.readString(file)).results().map(match -> match.group(1));
                } catch (IOException e) {
                    throw new IllegalStateException(file.toString(), e);
                }
            }).collect(Collectors.toSet());
        }
        assertThat(declared).contains("corrective-action", "evidence-expiry", "risk-acceptance", "deployment-approval");
        assertThat(PlatformProcesses.keys()).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(PlatformProcesses.keys()).containsAll(PlatformProcesses.startableByHand());
    }
}
