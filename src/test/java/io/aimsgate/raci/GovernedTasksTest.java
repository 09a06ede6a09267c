package io.aimsgate.raci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GovernedTasksTest {

    @Test
    void accountableAndConsultedTasksDecideUnlessTheyDeliverWork() {
        assertThat(GovernedTasks.isDeciding(RaciRole.ACCOUNTABLE, List.of())).isTrue();
        assertThat(GovernedTasks.isDeciding(RaciRole.CONSULTED, List.of("APPROVE", "REJECT"))).isTrue();
        assertThat(GovernedTasks.isDeciding(RaciRole.ACCOUNTABLE, List.of("CONTINUE", "SUSPEND", "RETIRE"))).isTrue();
        assertThat(GovernedTasks.isDeciding(RaciRole.ACCOUNTABLE, List.of("SUBMIT"))).isFalse();
    }

    @Test
    void responsibleWorkDecidesOnlyWhenItApproves() {
        // The deployment gate's technical review approves or rejects: a decision.
        assertThat(GovernedTasks.isDeciding(RaciRole.RESPONSIBLE, List.of("APPROVE", "REJECT"))).isTrue();
        // Containment, a plan, re-checking a register: work.
        assertThat(GovernedTasks.isDeciding(RaciRole.RESPONSIBLE, List.of())).isFalse();
        assertThat(GovernedTasks.isDeciding(RaciRole.RESPONSIBLE, List.of("SUBMIT"))).isFalse();
        assertThat(GovernedTasks.isDeciding(RaciRole.RESPONSIBLE, List.of("RECHECK", "WITHDRAW"))).isFalse();
    }

    @Test
    void onlyMembersOfADeclaredGroupHoldTheTask() {
        GovernedTasks.Role board = new GovernedTasks.Role(new RaciDeclaration("incident-resumption",
                RaciRole.ACCOUNTABLE), Set.of("governance-board"), true);
        GovernedTasks.checkHoldsRole("grace", Set.of("governance-board"), board, "Decide on resumption");
        assertThatThrownBy(() -> GovernedTasks.checkHoldsRole("admin", Set.of("camunda-admin"), board,
                "Decide on resumption")).isInstanceOf(GovernanceRuleViolation.class)
                .hasMessageContaining("holds none of the RACI roles [governance-board]");
    }
}
