package io.aimsgate.inception.internal;

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

    @BeforeEach
    void setUp() {
        when(inception.now()).thenReturn(NOW);
    }

    static Map<String, Object> screening() {
        return variables(SYSTEM_ID, 7L, GATE_ID, 42L, INITIATOR, "olivia",
                "intendedUse", "Scores consumer loan applications.", "affectedPeople", "Loan applicants",
                "aiType", "PREDICTIVE", "prohibitedPractice", "NONE", "annexIIIArea", "ESSENTIAL_SERVICES");
    }

    @Test
    void storesTheAnswersAndDefaultsUntouchedCheckboxesToFalse() {
        DelegateExecution execution = execution(screening());

        delegate.execute(execution);

        ArgumentCaptor<InceptionScreening> stored = ArgumentCaptor.forClass(InceptionScreening.class);
        verify(inception).recordScreening(stored.capture());
        InceptionScreening screening = stored.getValue();
        assertThat(screening.getGateId()).isEqualTo(42L);
        assertThat(screening.getSystemId()).isEqualTo(7L);
        assertThat(screening.getAiType()).isEqualTo(AiType.PREDICTIVE);
        assertThat(screening.getProhibitedPractice()).isEqualTo(ProhibitedPractice.NONE);
        assertThat(screening.getAnnexIiiArea()).isEqualTo(AnnexIIIArea.ESSENTIAL_SERVICES);
        assertThat(screening.getScreenedBy()).isEqualTo("olivia");
        assertThat(screening.getScreenedAt()).isEqualTo(NOW);
        assertThat(screening.isSafetyComponent()).isFalse();
        // the DMN reads booleans, never null
        assertThat(execution.getVariable("safetyComponent")).isEqualTo(false);
        assertThat(execution.getVariable("interactsWithPeople")).isEqualTo(false);
        assertThat(execution.getVariable("generatesSyntheticContent")).isEqualTo(false);
        verify(inception).registerRisk(7L, Optional.empty(), "olivia");
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
        ArgumentCaptor<InceptionScreening> stored = ArgumentCaptor.forClass(InceptionScreening.class);
        verify(inception).recordScreening(stored.capture());
        assertThat(stored.getValue().getScreenedBy()).as("the authenticated user, not the initiator").isEqualTo("pat");
    }

    @Test
    void anInvalidProhibitedPracticeIsRefused() {
        Map<String, Object> variables = screening();
        variables.put("prohibitedPractice", "MIND_CONTROL");

        assertThatThrownBy(() -> delegate.execute(execution(variables)))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'prohibitedPractice'");
        verify(inception, never()).recordScreening(any());
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
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'intendedUse'");
    }

    @Test
    void anIdentifiedRiskIsRegisteredAndConsumed() {
        Map<String, Object> variables = screening();
        variables.putAll(IdentifiedRiskTest.riskBlock());
        DelegateExecution execution = execution(variables);

        delegate.execute(execution);

        verify(inception).registerRisk(eq(7L), org.mockito.ArgumentMatchers.argThat(Optional::isPresent),
                eq("olivia"));
        assertThat(execution.getVariable("riskTitle")).isNull();
    }
}
