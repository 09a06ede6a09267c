package io.aimsgate.raci;

import static org.assertj.core.api.Assertions.assertThat;

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
}
