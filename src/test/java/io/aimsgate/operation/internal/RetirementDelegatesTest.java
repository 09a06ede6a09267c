package io.aimsgate.operation.internal;

import static io.aimsgate.gate.LifecycleDecisions.GATE_ID;
import static io.aimsgate.gate.LifecycleFixtures.NOW;
import static io.aimsgate.gate.LifecycleFixtures.execution;
import static io.aimsgate.gate.LifecycleFixtures.serviceTask;
import static io.aimsgate.gate.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.operation.OperationService;
import io.aimsgate.operation.RetirementPlan;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The retirement gate's steps: the plan, checked and stored; the approved retirement. */
class RetirementDelegatesTest {

    OperationService operation = mock(OperationService.class);

    @BeforeEach
    void setUp() {
        when(operation.now()).thenReturn(NOW);
    }

    static Map<String, Object> plan() {
        return variables(GATE_ID, 42L, "retirementReason", "REPLACED", "replacedBy", "Credit scoring v2",
                "dataRetentionPlan", "Decision logs kept 10 years.", "deletionPlan", "Features deleted after 90 days.",
                "dependentSystems", "Loan origination UI");
    }

    @Test
    void storesThePlanInTheNameOfThePlanner() {
        new RetirementDelegates.RecordRetirementPlan(operation).execute(execution(plan(), "olivia"));

        ArgumentCaptor<RetirementPlan> stored = ArgumentCaptor.forClass(RetirementPlan.class);
        verify(operation).recordPlan(stored.capture());
        assertThat(stored.getValue().getGateId()).isEqualTo(42L);
        assertThat(stored.getValue().getRetirementReason()).isEqualTo(RetirementPlan.Reason.REPLACED);
        assertThat(stored.getValue().getReplacedBy()).isEqualTo("Credit scoring v2");
        assertThat(stored.getValue().getPlannedBy()).isEqualTo("olivia");
        assertThat(stored.getValue().getPlannedAt()).isEqualTo(NOW);
    }

    @Test
    void aReplacedSystemNamesItsReplacement() {
        Map<String, Object> variables = plan();
        variables.put("replacedBy", " ");

        assertThatThrownBy(() -> new RetirementDelegates.RecordRetirementPlan(operation)
                .execute(execution(variables, "olivia"))).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'replacedBy'");
        verify(operation, never()).recordPlan(any());
    }

    @Test
    void anUnknownReasonIsRefused() {
        Map<String, Object> variables = plan();
        variables.put("retirementReason", "BORED");

        assertThatThrownBy(() -> new RetirementDelegates.RecordRetirementPlan(operation)
                .execute(execution(variables, "olivia"))).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'retirementReason'");
    }

    @Test
    void theApprovedRetirementRetiresWithTheServiceTasksActivity() {
        new RetirementDelegates.RetireSystem(operation).execute(execution(variables(GATE_ID, 42L), "oscar",
                serviceTask("raciActivity", "retirement-approval")));

        verify(operation).retire(42L, "retirement-approval");
    }
}
