package io.aimsgate.datagovernance.internal;

import static io.aimsgate.gate.LifecycleDecisions.SYSTEM_ID;
import static io.aimsgate.gate.LifecycleFixtures.execution;
import static io.aimsgate.gate.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.aimsgate.datagovernance.DatasetService;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** The design gate's check of the dataset register, as the variables its gateways read. */
class CheckDatasetRegisterDelegateTest {

    DatasetService datasets = mock(DatasetService.class);
    CheckDatasetRegisterDelegate delegate = new CheckDatasetRegisterDelegate(datasets);

    @Test
    void aBlockedRegisterSetsItsReasonsOneALine() {
        when(datasets.check(7L)).thenReturn(new DatasetService.RegisterCheck(List.of("Reason one.", "Reason two."),
                true, 3));
        DelegateExecution execution = execution(variables(SYSTEM_ID, 7L));

        delegate.execute(execution);

        assertThat(execution.getVariable("datasetsBlocked")).isEqualTo(true);
        assertThat(execution.getVariable("datasetBlockingReasons")).isEqualTo("Reason one.\nReason two.");
        assertThat(execution.getVariable("personalDataPresent")).isEqualTo(true);
        assertThat(execution.getVariable("datasetCount")).isEqualTo(3L);
    }

    @Test
    void aCompleteRegisterIsNotBlocked() {
        when(datasets.check(7L)).thenReturn(new DatasetService.RegisterCheck(List.of(), false, 2));
        DelegateExecution execution = execution(variables(SYSTEM_ID, "7"));

        delegate.execute(execution);

        assertThat(execution.getVariable("datasetsBlocked")).isEqualTo(false);
        assertThat(execution.getVariable("datasetBlockingReasons")).isEqualTo("");
        assertThat(execution.getVariable("personalDataPresent")).isEqualTo(false);
        assertThat(execution.getVariable("datasetCount")).isEqualTo(2L);
    }

    @Test
    void aMissingSystemIdIsRefused() {
        assertThatThrownBy(() -> delegate.execute(execution(variables()))).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'systemId'");
    }
}
