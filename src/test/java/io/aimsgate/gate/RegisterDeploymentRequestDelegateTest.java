package io.aimsgate.gate;

import static io.aimsgate.gate.DelegateExecutions.PROCESS_INSTANCE_ID;
import static io.aimsgate.gate.DelegateExecutions.registered;
import static io.aimsgate.gate.DelegateExecutions.variables;
import static io.aimsgate.gate.DelegateExecutions.withVariables;
import static io.aimsgate.gate.DeploymentApprovalProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.aimsgate.inventory.AiSystem;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterDeploymentRequestDelegateTest {

    DeploymentGateService gate = mock(DeploymentGateService.class);
    RegisterDeploymentRequestDelegate delegate = new RegisterDeploymentRequestDelegate(gate);
    AiSystem system = mock(AiSystem.class);
    DeploymentRequest request;

    @BeforeEach
    void setUp() {
        request = registered(gate, 42L, "olivia", true);
        when(system.getName()).thenReturn("Credit scoring");
        when(gate.register(anyString(), any(), anyString(), anyString(), any())).thenReturn(request);
        when(gate.systemOf(request)).thenReturn(system);
    }

    @Test
    void registersTheRequestInTheNameOfTheAuthenticatedUserAndWritesWhatTheGatewaysNeed() {
        DelegateExecution execution = withVariables(variables(SYSTEM_ID, 7L, VERSION_LABEL, " 1.4.0 ",
                SUBMISSION_NOTE, "Ready for production"), "olivia");

        delegate.execute(execution);

        verify(gate).register(PROCESS_INSTANCE_ID, 7L, "1.4.0", "olivia", "Ready for production");
        verify(execution).setVariable(REQUEST_ID, 42L);
        verify(execution).setVariable(SUBMITTER, "olivia");
        verify(execution).setVariable(SYSTEM_NAME, "Credit scoring");
        verify(execution).setVariable(HIGH_RISK_TIER, true);
        verify(execution).setVariable(REVIEW_REJECTED, false);
    }

    @Test
    void startVariablesNamingAnotherSubmitterRequestTierOrRejectionAreOverwrittenFromOurTables() {
        DelegateExecution execution = withVariables(variables(SYSTEM_ID, 7L, VERSION_LABEL, "1.4.0",
                SUBMITTER, "mallory", REQUEST_ID, 999L, HIGH_RISK_TIER, false, REVIEW_REJECTED, true), "olivia");

        delegate.execute(execution);

        verify(gate).register(eq(PROCESS_INSTANCE_ID), eq(7L), eq("1.4.0"), eq("olivia"), isNull());
        verify(gate, never()).register(anyString(), any(), anyString(), eq("mallory"), any());
        assertThat(execution.getVariable(SUBMITTER)).isEqualTo("olivia");
        assertThat(execution.getVariable(REQUEST_ID)).isEqualTo(42L);
        assertThat(execution.getVariable(HIGH_RISK_TIER)).isEqualTo(true);
        assertThat(execution.getVariable(REVIEW_REJECTED)).isEqualTo(false);
    }

    /** The tier is fixed by the gate at registration (from the inventory), never by the process. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theHighRiskTierIsTheRegisteredRequests(boolean highRiskTier) {
        DeploymentRequest registered = registered(gate, 42L, "olivia", highRiskTier);
        when(gate.register(anyString(), any(), anyString(), anyString(), any())).thenReturn(registered);
        when(gate.systemOf(registered)).thenReturn(system);
        DelegateExecution execution = withVariables(variables(SYSTEM_ID, 7L, VERSION_LABEL, "1.4.0",
                HIGH_RISK_TIER, !highRiskTier), "olivia");

        delegate.execute(execution);

        verify(execution).setVariable(HIGH_RISK_TIER, highRiskTier);
        verify(execution, never()).setVariable(HIGH_RISK_TIER, !highRiskTier);
    }

    @Test
    void aBlankNoteIsRecordedAsNoNote() {
        delegate.execute(withVariables(variables(SYSTEM_ID, 7L, VERSION_LABEL, "1.4.0",
                SUBMISSION_NOTE, "   "), "olivia"));

        verify(gate).register(eq(PROCESS_INSTANCE_ID), eq(7L), eq("1.4.0"), eq("olivia"), isNull());
    }

    static Stream<Object> systemIds() {
        return Stream.of(7, 7L, 7.0d, (short) 7, "7", " 7 ");
    }

    @ParameterizedTest
    @MethodSource("systemIds")
    void acceptsTheSystemIdAsIntegerLongDoubleOrString(Object systemId) {
        delegate.execute(withVariables(variables(SYSTEM_ID, systemId, VERSION_LABEL, "1.4.0"), "olivia"));

        verify(gate).register(eq(PROCESS_INSTANCE_ID), eq(7L), eq("1.4.0"), eq("olivia"), any());
    }

    static Stream<Object> notSystemIds() {
        return Stream.of("0", " 0 ", "seven", "7.5", "", "-7", 0, -7, 0L, -7L, 7.5d, 0.0d, -7.0d, 1e19,
                Double.POSITIVE_INFINITY, Double.NaN, 9007199254740994.0d, true);
    }

    @ParameterizedTest
    @MethodSource("notSystemIds")
    void refusesASystemIdThatIsNotAWholePositiveNumber(Object systemId) {
        DelegateExecution execution = withVariables(variables(SYSTEM_ID, systemId, VERSION_LABEL, "1.4.0"),
                "olivia");

        assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining(SYSTEM_ID);
        verifyNoInteractions(gate);
    }

    @ParameterizedTest
    @ValueSource(strings = {"olivia", "", "   "})
    void refusesAStartWithoutAnAuthenticatedUserWhateverTheSubmitterVariableSays(String submitter) {
        assertThatThrownBy(() -> delegate.execute(withVariables(variables(SYSTEM_ID, 7L, VERSION_LABEL, "1.4.0",
                SUBMITTER, submitter)))).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("authenticated user");
        assertThatThrownBy(() -> delegate.execute(withVariables(variables(SYSTEM_ID, 7L, VERSION_LABEL, "1.4.0"))))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("authenticated user");
        verifyNoInteractions(gate);
    }

    @Test
    void refusesAnAuthenticationWithoutAUser() {
        DelegateExecution execution = withVariables(variables(SYSTEM_ID, 7L, VERSION_LABEL, "1.4.0",
                SUBMITTER, "olivia"));
        when(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
                .thenReturn(new Authentication(null, List.of("ai-product-owners")));

        assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("authenticated user");
        verifyNoInteractions(gate);
    }

    @Test
    void refusesAMissingVersionLabel() {
        DelegateExecution execution = withVariables(variables(SYSTEM_ID, 7L), "olivia");

        assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining(VERSION_LABEL);
        verifyNoInteractions(gate);
    }
}
