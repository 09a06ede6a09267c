package io.aimsgate.risk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.aimsgate.shared.InvalidCommandException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** The risk-acceptance delegates read the risk and which acceptance from the instance and call the service once. */
class RiskAcceptanceDelegatesTest {

    static final String ACCEPTED = "2026-11-23T09:00:00.123456Z";

    RiskService risks = mock(RiskService.class);
    DelegateExecution execution = mock(DelegateExecution.class);

    @Test
    void theReminderTellsTheOwnerOfThatAcceptance() throws Exception {
        when(execution.getVariable(RiskAcceptanceProcess.RISK_ID)).thenReturn(12L);
        when(execution.getVariable(RiskAcceptanceProcess.ACCEPTED_AT)).thenReturn(ACCEPTED);

        new RemindRiskOwnerDelegate(risks).execute(execution);

        verify(risks).remindOwner(12L, ACCEPTED);
    }

    @Test
    void theExpiryLetsThatAcceptanceLapse() throws Exception {
        when(execution.getVariable(RiskAcceptanceProcess.RISK_ID)).thenReturn(12L);
        when(execution.getVariable(RiskAcceptanceProcess.ACCEPTED_AT)).thenReturn(ACCEPTED);

        new LapseRiskAcceptanceDelegate(risks).execute(execution);

        verify(risks).expireAcceptance(12L, ACCEPTED);
    }

    @Test
    void withoutTheAcceptanceItIsAboutNothingIsDone() {
        when(execution.getVariable(RiskAcceptanceProcess.RISK_ID)).thenReturn(12L);

        assertThatThrownBy(() -> new LapseRiskAcceptanceDelegate(risks).execute(execution))
                .isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> new RemindRiskOwnerDelegate(risks).execute(execution))
                .isInstanceOf(InvalidCommandException.class);
        verifyNoInteractions(risks);
    }
}
