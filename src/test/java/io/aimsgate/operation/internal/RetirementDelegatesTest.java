package io.aimsgate.operation.internal;

import io.aimsgate.operation.PlannedRetirement;

import static io.aimsgate.gate.LifecycleDecisions.GATE_ID;
import static io.aimsgate.gate.LifecycleFixtures.NOW;
import static io.aimsgate.gate.LifecycleFixtures.execution;
import static io.aimsgate.gate.LifecycleFixtures.serviceTask;
import static io.aimsgate.gate.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.shared.Commands;
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

    /** The service applies the plan's rules and stores it, as {@link OperationService#recordPlan} does. */
    @BeforeEach
    void setUp() {
        when(operation.recordPlan(any(), any(), any())).thenAnswer(call -> {
            PlannedRetirement p = Commands.validate(call.<PlannedRetirement>getArgument(1));
            return new RetirementPlan(call.getArgument(0), p.retirementReason(), p.replacedBy(), p.dataRetentionPlan(),
                    p.deletionPlan(), p.dependentSystems(), call.getArgument(2), NOW);
        });
    }

    static Map<String, Object> plan() {
        return variables(GATE_ID, 42L, "retirementReason", "REPLACED", "replacedBy", "Credit scoring v2",
                "dataRetentionPlan", "Decision logs kept 10 years.", "deletionPlan", "Features deleted after 90 days.",
                "dependentSystems", "Loan origination UI and the reporting mart");
    }

    @Test
    void storesThePlanInTheNameOfThePlanner() {
        new RetirementDelegates.RecordRetirementPlan(operation).execute(execution(plan(), "olivia"));

        ArgumentCaptor<PlannedRetirement> stored = ArgumentCaptor.forClass(PlannedRetirement.class);
        verify(operation).recordPlan(eq(42L), stored.capture(), eq("olivia"));
        assertThat(stored.getValue().retirementReason()).isEqualTo(RetirementPlan.Reason.REPLACED);
        assertThat(stored.getValue().replacedBy()).isEqualTo("Credit scoring v2");
        assertThat(stored.getValue().dependentSystems()).isEqualTo("Loan origination UI and the reporting mart");
    }

    @Test
    void aReplacedSystemNamesItsReplacement() {
        Map<String, Object> variables = plan();
        variables.put("replacedBy", " ");

        assertThatThrownBy(() -> new RetirementDelegates.RecordRetirementPlan(operation)
                .execute(execution(variables, "olivia"))).isInstanceOf(BadUserRequestException.class)
                .hasMessage("'replacedBy' is required when the system is retired because it was replaced");
    }

    @Test
    void aDependentSystemsPartShorterThanTheFormAsksIsRefused() {
        Map<String, Object> variables = plan();
        variables.put("dependentSystems", "None");

        assertThatThrownBy(() -> new RetirementDelegates.RecordRetirementPlan(operation)
                .execute(execution(variables, "olivia"))).isInstanceOf(BadUserRequestException.class)
                .hasMessage("'dependentSystems' must be 20 to 8000 characters");
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
