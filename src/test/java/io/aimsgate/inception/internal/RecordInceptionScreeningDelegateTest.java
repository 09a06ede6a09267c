package io.aimsgate.inception.internal;

import io.aimsgate.inception.ScreeningAnswers;
import io.aimsgate.inception.IdentifiedRisk;

import static io.aimsgate.gate.LifecycleDecisions.GATE_ID;
import static io.aimsgate.gate.LifecycleDecisions.INITIATOR;
import static io.aimsgate.gate.LifecycleDecisions.SYSTEM_ID;
import static io.aimsgate.gate.LifecycleFixtures.NOW;
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

import io.aimsgate.inception.AnnexIIIArea;
import io.aimsgate.inception.IdentifiedRiskTest;
import io.aimsgate.inception.InceptionScreening;
import io.aimsgate.inception.InceptionService;
import io.aimsgate.inception.ProhibitedPractice;
import io.aimsgate.inventory.AiType;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.shared.Commands;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The inception statement and EU AI Act screening answers, checked and stored before the tier DMN reads them. */
class RecordInceptionScreeningDelegateTest {

    InceptionService inception = mock(InceptionService.class);
    RecordInceptionScreeningDelegate delegate = new RecordInceptionScreeningDelegate(inception);
    ArgumentCaptor<ScreeningAnswers> answers = ArgumentCaptor.forClass(ScreeningAnswers.class);
    ArgumentCaptor<IdentifiedRisk> risk = ArgumentCaptor.forClass(IdentifiedRisk.class);

    /** The service applies the answers' rules (as {@link InceptionService#recordScreening} does) and stores them. */
    @BeforeEach
    void setUp() {
        when(inception.recordScreening(any(), any(), any(), any())).thenAnswer(call -> {
            ScreeningAnswers a = Commands.validate(call.<ScreeningAnswers>getArgument(2));
            return new InceptionScreening(call.getArgument(0), call.getArgument(1), a.intendedUse(),
                    a.affectedPeople(), a.aiType(), a.prohibitedPractice(), a.annexIIIArea(), a.safetyComponent(),
                    a.interactsWithPeople(), a.generatesSyntheticContent(), call.getArgument(3), NOW);
        });
    }

    static Map<String, Object> screening() {
        return variables(SYSTEM_ID, 7L, GATE_ID, 42L, INITIATOR, "olivia",
                "intendedUse", "Scores consumer loan applications.", "affectedPeople", "Loan applicants in the EU",
                "aiType", "PREDICTIVE", "prohibitedPractice", "NONE", "annexIIIArea", "ESSENTIAL_SERVICES");
    }

    @Test
    void storesTheAnswersAndDefaultsUntouchedCheckboxesToFalse() {
        DelegateExecution execution = execution(screening(), "olivia");

        delegate.execute(execution);

        verify(inception).recordScreening(eq(42L), eq(7L), answers.capture(), eq("olivia"));
        ScreeningAnswers screening = answers.getValue();
        assertThat(screening.intendedUse()).isEqualTo("Scores consumer loan applications.");
        assertThat(screening.aiType()).isEqualTo(AiType.PREDICTIVE);
        assertThat(screening.prohibitedPractice()).isEqualTo(ProhibitedPractice.NONE);
        assertThat(screening.annexIIIArea()).isEqualTo(AnnexIIIArea.ESSENTIAL_SERVICES);
        assertThat(screening.safetyComponent()).isFalse();
        // the DMN reads booleans, never null
        assertThat(execution.getVariable("safetyComponent")).isEqualTo(false);
        assertThat(execution.getVariable("interactsWithPeople")).isEqualTo(false);
        assertThat(execution.getVariable("generatesSyntheticContent")).isEqualTo(false);
        verify(inception).registerRisk(eq(7L), risk.capture(), eq(LifecycleStage.INCEPTION), eq("olivia"));
        assertThat(risk.getValue().identified()).isFalse();
    }

    @Test
    void checkboxesSentAsTextBecomeBooleans() {
        Map<String, Object> variables = screening();
        variables.put("interactsWithPeople", "true");
        variables.put("safetyComponent", true);
        DelegateExecution execution = execution(variables, "pat");

        delegate.execute(execution);

        assertThat(execution.getVariable("interactsWithPeople")).isEqualTo(true);
        assertThat(execution.getVariable("safetyComponent")).isEqualTo(true);
        assertThat(execution.getVariable("generatesSyntheticContent")).isEqualTo(false);
        verify(inception).recordScreening(eq(42L), eq(7L), any(), eq("pat"));
    }

    @Test
    void anInvalidProhibitedPracticeIsRefused() {
        Map<String, Object> variables = screening();
        variables.put("prohibitedPractice", "MIND_CONTROL");

        assertThatThrownBy(() -> delegate.execute(execution(variables)))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'prohibitedPractice'");
        verify(inception, never()).registerRisk(any(), any(), any(), any());
    }

    @Test
    void anAbsentProhibitedPracticeIsRefused() {
        Map<String, Object> variables = screening();
        variables.remove("prohibitedPractice");

        assertThatThrownBy(() -> delegate.execute(execution(variables)))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'prohibitedPractice'");
    }

    @Test
    void aShortIntendedUseIsRefused() {
        Map<String, Object> variables = screening();
        variables.put("intendedUse", "Loans");

        assertThatThrownBy(() -> delegate.execute(execution(variables)))
                .isInstanceOf(BadUserRequestException.class).hasMessage("'intendedUse' must be 10 to 4000 characters");
    }

    @Test
    void aShortDescriptionOfTheAffectedPeopleIsRefused() {
        Map<String, Object> variables = screening();
        variables.put("affectedPeople", "Users");

        assertThatThrownBy(() -> delegate.execute(execution(variables)))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'affectedPeople'");
    }

    @Test
    void withoutAnAuthenticatedUserThePlatformIsNamedNotTheInitiatorVariable() {
        delegate.execute(execution(screening()));

        verify(inception).recordScreening(eq(42L), eq(7L), any(), eq(io.aimsgate.shared.Actors.PLATFORM));
    }

    @Test
    void anIdentifiedRiskIsRegisteredAndConsumed() {
        Map<String, Object> variables = screening();
        variables.putAll(IdentifiedRiskTest.riskBlock());
        DelegateExecution execution = execution(variables, "olivia");

        delegate.execute(execution);

        verify(inception).registerRisk(eq(7L), risk.capture(), eq(LifecycleStage.INCEPTION), eq("olivia"));
        assertThat(risk.getValue().identified()).isTrue();
        assertThat(execution.getVariable("riskTitle")).isNull();
    }
}
