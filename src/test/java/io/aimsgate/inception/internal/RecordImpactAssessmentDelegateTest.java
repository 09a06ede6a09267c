package io.aimsgate.inception.internal;

import io.aimsgate.inception.IdentifiedRisk;

import static io.aimsgate.gate.LifecycleDecisions.GATE_ID;
import static io.aimsgate.gate.LifecycleDecisions.SYSTEM_ID;
import static io.aimsgate.gate.LifecycleFixtures.execution;
import static io.aimsgate.gate.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.inception.IdentifiedRiskTest;
import io.aimsgate.inception.ImpactAssessment;
import io.aimsgate.inception.InceptionService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.risk.RiskDetails;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

/** The six-part impact assessment of a high-risk system, each part at least 20 characters. */
class RecordImpactAssessmentDelegateTest {

    InceptionService inception = mock(InceptionService.class);
    RecordImpactAssessmentDelegate delegate = new RecordImpactAssessmentDelegate(inception);

    /** The service applies the parts' rules, as {@link InceptionService#recordAssessment} does. */
    @org.junit.jupiter.api.BeforeEach
    void setUp() {
        when(inception.recordAssessment(any(), any(), any(), any())).thenAnswer(call -> {
            io.aimsgate.shared.Commands.validate(call.<ImpactAssessment.Parts>getArgument(2));
            return null;
        });
    }

    static Map<String, Object> assessment() {
        return variables(SYSTEM_ID, 7L, GATE_ID, 42L,
                "systemContext", "Scores consumer loan applications.",
                "stakeholdersAffected", "Applicants, credit officers, regulators.",
                "ethicsAndBias", "Disparate impact checked per protected group.",
                "recourseAndOversight", "Applicants may request a human review.",
                "safetyGovernance", "Monthly model risk committee review.",
                "performanceThresholds", "Accuracy at least 0.80, DPD below 0.10.");
    }

    @Test
    void storesTheSixPartsInTheNameOfTheActingUser() {
        delegate.execute(execution(assessment(), "rita"));

        ArgumentCaptor<ImpactAssessment.Parts> parts = ArgumentCaptor.forClass(ImpactAssessment.Parts.class);
        verify(inception).recordAssessment(eq(42L), eq(7L), parts.capture(), eq("rita"));
        assertThat(parts.getValue()).isEqualTo(new ImpactAssessment.Parts("Scores consumer loan applications.",
                "Applicants, credit officers, regulators.", "Disparate impact checked per protected group.",
                "Applicants may request a human review.", "Monthly model risk committee review.",
                "Accuracy at least 0.80, DPD below 0.10."));
        ArgumentCaptor<IdentifiedRisk> risk = ArgumentCaptor.forClass(IdentifiedRisk.class);
        verify(inception).registerRisk(eq(7L), risk.capture(), eq(LifecycleStage.INCEPTION), eq("rita"));
        assertThat(risk.getValue().identified()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"systemContext", "stakeholdersAffected", "ethicsAndBias", "recourseAndOversight",
            "safetyGovernance", "performanceThresholds"})
    void aPartShorterThan20CharactersIsRefusedNamingIt(String part) {
        Map<String, Object> variables = assessment();
        variables.put(part, "Nineteen characters");

        assertThatThrownBy(() -> delegate.execute(execution(variables, "rita")))
                .isInstanceOf(BadUserRequestException.class)
                .hasMessage("'" + part + "' is required (20 to 8000 characters)");
        verify(inception, never()).registerRisk(any(), any(), any(), any());
    }

    @Test
    void aPartLongerThan8000CharactersIsRefused() {
        Map<String, Object> variables = assessment();
        variables.put("ethicsAndBias", "x".repeat(8001));

        assertThatThrownBy(() -> delegate.execute(execution(variables, "rita")))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'ethicsAndBias'");
    }

    @Test
    void anIdentifiedRiskIsRegisteredAtInceptionAndConsumed() {
        Map<String, Object> variables = assessment();
        variables.putAll(IdentifiedRiskTest.riskBlock());
        DelegateExecution execution = execution(variables, "rita");

        delegate.execute(execution);

        ArgumentCaptor<IdentifiedRisk> risk = ArgumentCaptor.forClass(IdentifiedRisk.class);
        verify(inception).registerRisk(eq(7L), risk.capture(), eq(LifecycleStage.INCEPTION), eq("rita"));
        assertThat(risk.getValue().details(LifecycleStage.INCEPTION)).get().extracting(RiskDetails::lifecycleStage)
                .isEqualTo(LifecycleStage.INCEPTION);
        assertThat(execution.getVariable("riskTitle")).isNull();
        assertThat(execution.getVariable("riskLikelihood")).isNull();
    }
}
