package io.aimsgate.gate;

import static io.aimsgate.gate.DelegateExecutions.PROCESS_INSTANCE_ID;
import static io.aimsgate.gate.DelegateExecutions.registered;
import static io.aimsgate.gate.DelegateExecutions.variables;
import static io.aimsgate.gate.DelegateExecutions.withVariables;
import static io.aimsgate.gate.DeploymentApprovalProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.aimsgate.raci.RaciRole;
import io.aimsgate.shared.NotFoundException;
import org.junit.jupiter.api.Test;

/** The rejecting user is chosen by the gate from the recorded decisions (see DeploymentGateServiceTest). */
class RejectDeploymentDelegateTest {

    DeploymentGateService gate = mock(DeploymentGateService.class);
    RejectDeploymentDelegate delegate = new RejectDeploymentDelegate(gate);

    @Test
    void recordsTheRejectionOfTheProcessInstancesRequest() {
        registered(gate, 42L, "olivia", false);

        delegate.execute(withVariables(variables(REQUEST_ID, 42.0d)));

        verify(gate).requireByProcessInstance(PROCESS_INSTANCE_ID);
        verify(gate).reject(42L);
        verifyNoMoreInteractions(gate);
    }

    @Test
    void variablesNamingAnotherRequestOrRejecterAreIgnored() {
        registered(gate, 42L, "olivia", false);

        delegate.execute(withVariables(variables(REQUEST_ID, 999L, "rejectedBy", "mallory",
                "rejectionRationale", "Rejected in someone else's name.")));

        verify(gate).reject(42L);
        verify(gate, never()).reject(999L);
    }

    /** Over the real gate service: approvals only, so there is no rejection to record and nothing is rejected. */
    @Test
    void withoutARecordedRejectionNothingIsRejected() {
        GateOverMockedTables tables = new GateOverMockedTables();
        GateRun run = tables.inReview(42L, PROCESS_INSTANCE_ID, "olivia");
        tables.recorded(42L, GateOverMockedTables.decision(42L, TASK_SECURITY_REVIEW, RaciRole.CONSULTED, "APPROVE",
                "sam"), GateOverMockedTables.decision(42L, TASK_ACCOUNTABLE_APPROVAL, RaciRole.ACCOUNTABLE, "APPROVE",
                "oscar"));

        assertThatThrownBy(() -> new RejectDeploymentDelegate(tables.service).execute(withVariables(variables())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no rejection");
        assertThat(tables.request(42L).getStatus()).isEqualTo(DeploymentRequestStatus.IN_REVIEW);
        assertThat(run.getStatus()).isEqualTo(GateRunStatus.IN_PROGRESS);
        verify(tables.inventory, never()).changeVersionStatus(any(), any());
    }

    @Test
    void refusesAProcessInstanceWithoutARequest() {
        when(gate.requireByProcessInstance(PROCESS_INSTANCE_ID))
                .thenThrow(new NotFoundException("processInstanceId", "No deployment request"));

        assertThatThrownBy(() -> delegate.execute(withVariables(variables(REQUEST_ID, 42L))))
                .isInstanceOf(NotFoundException.class);
        verify(gate, never()).reject(anyLong());
    }
}
