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

/** The approver is chosen by the gate from the recorded decisions (see DeploymentGateServiceTest), never here. */
class ApproveDeploymentDelegateTest {

    DeploymentGateService gate = mock(DeploymentGateService.class);
    ApproveDeploymentDelegate delegate = new ApproveDeploymentDelegate(gate);

    @Test
    void recordsTheApprovalOfTheProcessInstancesRequest() {
        registered(gate, 42L, "olivia", false);

        delegate.execute(withVariables(variables(REQUEST_ID, 42L)));

        verify(gate).requireByProcessInstance(PROCESS_INSTANCE_ID);
        verify(gate).approve(42L);
        verifyNoMoreInteractions(gate);
    }

    @Test
    void variablesNamingAnotherRequestOrApproverAreIgnored() {
        registered(gate, 42L, "olivia", false);

        delegate.execute(withVariables(variables(REQUEST_ID, 999L, "approvedBy", "mallory",
                "approvalRationale", "I approve my own request.")));

        verify(gate).approve(42L);
        verify(gate, never()).approve(999L);
    }

    /** Over the real gate service: a Consulted approval is not an Accountable one, so nothing is approved. */
    @Test
    void withoutARecordedAccountableApprovalNothingIsApproved() {
        GateOverMockedTables tables = new GateOverMockedTables();
        GateRun run = tables.inReview(42L, PROCESS_INSTANCE_ID, "olivia");
        tables.recorded(42L, GateOverMockedTables.decision(42L, TASK_SECURITY_REVIEW, RaciRole.CONSULTED, "APPROVE",
                "sam"));

        assertThatThrownBy(() -> new ApproveDeploymentDelegate(tables.service).execute(withVariables(variables())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Accountable approval");
        assertThat(tables.request(42L).getStatus()).isEqualTo(DeploymentRequestStatus.IN_REVIEW);
        assertThat(tables.request(42L).getDecidedBy()).isNull();
        assertThat(run.getStatus()).isEqualTo(GateRunStatus.IN_PROGRESS);
        verify(tables.inventory, never()).changeVersionStatus(any(), any());
        assertThat(tables.published).isEmpty();
    }

    @Test
    void refusesAProcessInstanceWithoutARequest() {
        when(gate.requireByProcessInstance(PROCESS_INSTANCE_ID))
                .thenThrow(new NotFoundException("processInstanceId", "No deployment request"));

        assertThatThrownBy(() -> delegate.execute(withVariables(variables(REQUEST_ID, 42L))))
                .isInstanceOf(NotFoundException.class);
        verify(gate, never()).approve(anyLong());
    }
}
