package io.aimsgate.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.Test;

/** The contract parsed from the real forms, and the form-js rules it applies. */
class FormContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyDeployedFormParsesAndItsDisabledFieldsAreNotAccepted() throws IOException {
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            List<Path> files = forms.filter(p -> p.toString().endsWith(".form")).toList();
            assertThat(files).hasSizeGreaterThan(20);
            for (Path file : files) {
                FormContract contract = FormContract.parse(MAPPER.readTree(file.toFile()));
                assertThat(contract.id()).isEqualTo(file.getFileName().toString().replace(".form", ""));
            }
        }
        FormContract review = AbstractEngineFormCorpus.contract("review-decision");
        assertThat(review.keys()).containsExactly("decision", "rationale");
        FormContract containment = AbstractEngineFormCorpus.contract("incident-containment");
        assertThat(containment.keys()).containsExactly("containmentActions", "contained");
    }

    @Test
    void typesRequiredFieldsAndDeclaredValuesFollowTheForm() {
        FormContract effectiveness = AbstractEngineFormCorpus.contract("corrective-effectiveness");
        FormField effective = effectiveness.field("effective").orElseThrow();
        assertThat(effective.values()).containsExactly(true, false);
        assertThat(effective.problem(true)).isEmpty();
        assertThat(effective.problem("true")).get().asString().contains("must be one of [true, false]");
        assertThat(effective.problem(null)).get().asString().contains("required");

        FormField contained = AbstractEngineFormCorpus.contract("incident-containment").field("contained")
                .orElseThrow();
        assertThat(contained.problem(false)).as("a required checkbox must be ticked").isPresent();
        assertThat(contained.problem("true")).get().asString().contains("must be true or false");

        FormContract start = AbstractEngineFormCorpus.contract("validation-start");
        FormField systemId = start.field("systemId").orElseThrow();
        assertThat(systemId.integral()).isTrue();
        assertThat(systemId.problem(3L)).isEmpty();
        assertThat(systemId.problem(new BigDecimal("2.5"))).get().asString().contains("whole number");
        assertThat(systemId.problem(0L)).get().asString().contains("at least 1");
        assertThat(systemId.problem("3")).get().asString().contains("must be a number");
        FormField accuracy = start.field("accuracy").orElseThrow();
        assertThat(accuracy.problem(new BigDecimal("0.91"))).isEmpty();
        assertThat(accuracy.problem(new BigDecimal("0.915"))).as("form-js checks the increment too").get()
                .asString().contains("multiple of 0.01");
        assertThat(accuracy.problem(new BigDecimal("0.91234"))).get().asString().contains("4 decimal digits");
        assertThat(accuracy.problem(1.5d)).get().asString().contains("at most 1");
        assertThat(accuracy.problem(Double.NaN)).isPresent();
        FormField label = start.field("versionLabel").orElseThrow();
        assertThat(label.problem("1.2.0")).isEmpty();
        assertThat(label.problem("../etc")).get().asString().contains("format");

        FormField rationale = AbstractEngineFormCorpus.contract("review-decision").field("rationale").orElseThrow();
        assertThat(rationale.problem("   short   ")).get().asString().contains("at least 10");
        assertThat(rationale.problem("   ")).get().asString().contains("required");
        assertThat(rationale.problem(12345L)).get().asString().contains("must be a string, was the number 12345");
        assertThat(rationale.problem("x".repeat(4001))).get().asString().contains("at most 4000");
        assertThat(rationale.problem("line\nforged")).as("text may hold newlines").isEmpty();
    }

    @Test
    void checkReportsEveryBrokenFieldInFormOrder() {
        FormContract rootCause = AbstractEngineFormCorpus.contract("corrective-root-cause");
        assertThat(rootCause.check(Map.of())).extracting(FormContract.Violation::field)
                .containsExactly("rootCauseMethod", "rootCauses");
        assertThat(rootCause.check(Map.of("rootCauseMethod", "FISHBONE", "rootCauses", "Found it."))).isEmpty();
    }

    @Test
    void aFormWhoseFieldTypeTheContractDoesNotKnowIsRefusedAtParse() throws IOException {
        assertThatThrownBy(() -> FormContract.parse(MAPPER.readTree(
                "{\"id\": \"f\", \"components\": [{\"key\": \"x\", \"type\": \"filepicker\"}]}")))
                .hasMessageContaining("filepicker");
        assertThatThrownBy(() -> FormContract.parse(MAPPER.readTree(
                "{\"id\": \"f\", \"components\": [{\"key\": \"x\", \"type\": \"select\", \"valuesKey\": \"opts\"}]}")))
                .hasMessageContaining("declared values");
    }

    @Test
    void theMessageDeclarationCoversTheModelsMessages() {
        FormContracts contracts = new FormContracts();
        assertThat(contracts.forMessage("ReEvaluationRequested").orElseThrow().correlatable()).isTrue();
        assertThat(contracts.forMessage("RetirementRequested").orElseThrow().variables().keys())
                .containsExactly("systemId", "retirementReason", "triggerDetail");
        assertThat(contracts.forMessage("OperationStarted").orElseThrow().correlatable()).isFalse();
        assertThat(contracts.forMessage("MonitoringThresholdBreached").orElseThrow().correlatable()).isFalse();
        // issue 17: the platform alone starts a re-approval and ends an acceptance's watch
        assertThat(contracts.forMessage("DeploymentReapprovalRequired").orElseThrow().correlatable()).isFalse();
        assertThat(contracts.forMessage("RiskAcceptanceEnded").orElseThrow().correlatable()).isFalse();
        assertThat(contracts.forMessage("Nope")).isEmpty();
    }

    @Test
    void everyMessageOfTheModelsIsDeclared() throws IOException {
        FormContracts contracts = new FormContracts();
        try (Stream<Path> processes = Files.list(Path.of("processes"))) {
            for (Path file : processes.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                for (Message message : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Message.class)) {
                    assertThat(contracts.forMessage(message.getName())).as(file + ": " + message.getName())
                            .isPresent();
                }
            }
        }
    }
}
