package io.aimsgate.inception.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;

/**
 * The inception gate as docs/lifecycle-gates.md names it (process key, element ids, the screening values), and
 * readers for its model, decision and forms from the classpath, shared by the inception tests.
 */
final class InceptionModel {

    static final String BPMN = "processes/inception.bpmn";
    static final String DMN = "processes/eu-ai-act-tier.dmn";
    static final String KEY = "inception";
    static final String DECISION_KEY = "eu-ai-act-tier";

    static final String START = "start_inception_requested";
    static final String TASK_OPEN = "task_open_inception";
    static final String TASK_RECORD_SCREENING = "task_record_screening";
    static final String TASK_CLASSIFY_TIER = "task_classify_tier";
    static final String TASK_APPLY_TIER = "task_apply_tier";
    static final String GATEWAY_TIER = "gateway_tier";
    static final String TASK_RECORD_PROHIBITED = "task_record_prohibited";
    static final String END_PROHIBITED = "end_inception_prohibited";
    static final String TASK_IMPACT_ASSESSMENT = "task_impact_assessment";
    static final String TASK_RECORD_IMPACT_ASSESSMENT = "task_record_impact_assessment";
    static final String GATEWAY_REVIEWS_FORK = "gateway_reviews_fork";
    static final String TASK_ETHICS_REVIEW = "task_ethics_review";
    static final String TASK_LEGAL_REVIEW = "task_legal_review";
    static final String GATEWAY_REVIEWS_JOIN = "gateway_reviews_join";
    static final String GATEWAY_REVIEWS_APPROVED = "gateway_reviews_approved";
    static final String TASK_ACCOUNTABLE_APPROVAL = "task_accountable_approval";
    static final String GATEWAY_APPROVED = "gateway_approved";
    static final String TASK_BOARD_SIGNOFF = "task_board_signoff";
    static final String GATEWAY_SIGNED_OFF = "gateway_signed_off";
    static final String TASK_RECORD_PASS = "task_record_pass";
    static final String END_PASSED = "end_inception_passed";
    static final String TASK_RECORD_REJECTION = "task_record_rejection";
    static final String END_REJECTED = "end_inception_rejected";

    /** The prohibited practices of Art. 5(1), in the order of its points (a) to (h). */
    static final List<String> PROHIBITED_PRACTICES = List.of("SUBLIMINAL_MANIPULATION", "EXPLOITING_VULNERABILITIES",
            "SOCIAL_SCORING", "CRIME_PREDICTION_PROFILING", "UNTARGETED_FACE_SCRAPING",
            "EMOTION_RECOGNITION_WORK_EDUCATION", "BIOMETRIC_CATEGORISATION_SENSITIVE", "REALTIME_REMOTE_BIOMETRIC_ID");
    /** The high-risk areas of Annex III, in the order of its points 1 to 8. */
    static final List<String> ANNEX_III_AREAS = List.of("BIOMETRICS", "CRITICAL_INFRASTRUCTURE", "EDUCATION",
            "EMPLOYMENT", "ESSENTIAL_SERVICES", "LAW_ENFORCEMENT", "MIGRATION_BORDER", "JUSTICE_DEMOCRACY");
    static final String NONE = "NONE";
    static final List<String> FLAGS = List.of("safetyComponent", "interactsWithPeople", "generatesSyntheticContent");

    /** "Art. 5(1)(c)" for SOCIAL_SCORING. */
    static String article5Point(String practice) {
        int index = PROHIBITED_PRACTICES.indexOf(practice);
        assertThat(index).as("prohibited practice %s", practice).isNotNegative();
        return "Art. 5(1)(" + (char) ('a' + index) + ")";
    }

    /** "Annex III point 4" for EMPLOYMENT. */
    static String annexIIIPoint(String area) {
        int index = ANNEX_III_AREAS.indexOf(area);
        assertThat(index).as("Annex III area %s", area).isNotNegative();
        return "Annex III point " + (index + 1);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private InceptionModel() {
    }

    static InputStream resource(String path) {
        InputStream in = InceptionModel.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as("%s on the classpath", path).isNotNull();
        return in;
    }

    static BpmnModelInstance bpmn() throws IOException {
        try (InputStream in = resource(BPMN)) {
            return Bpmn.readModelFromStream(in);
        }
    }

    static DmnModelInstance dmn() throws IOException {
        try (InputStream in = resource(DMN)) {
            return Dmn.readModelFromStream(in);
        }
    }

    static JsonNode form(String id) throws IOException {
        try (InputStream in = resource("forms/" + id + ".form")) {
            return JSON.readTree(in);
        }
    }

    static List<JsonNode> components(JsonNode form) {
        return StreamSupport.stream(form.get("components").spliterator(), false).toList();
    }

    static JsonNode field(JsonNode form, String key) {
        return components(form).stream().filter(c -> key.equals(c.path("key").asText(null))).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + key + " in form " + form.get("id")));
    }

    static List<String> values(JsonNode field) {
        return StreamSupport.stream(field.get("values").spliterator(), false).map(v -> v.get("value").asText())
                .toList();
    }

    /** The values a decision input lists ("A","B" -> [A, B]), by its input expression. */
    static List<String> inputValues(String inputExpression) throws IOException {
        Input input = dmn().getModelElementsByType(Input.class).stream()
                .filter(i -> inputExpression.equals(i.getInputExpression().getText().getTextContent())).findFirst()
                .orElseThrow(() -> new AssertionError("no decision input " + inputExpression));
        return List.of(input.getInputValues().getText().getTextContent().replace("\"", "").split(","));
    }

    /** The camunda:properties of an element (empty when it declares none). */
    static Map<String, String> properties(BaseElement element) {
        Map<String, String> properties = new HashMap<>();
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions != null) {
            extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                    .flatMap(p -> p.getCamundaProperties().stream())
                    .forEach((CamundaProperty p) -> properties.put(p.getCamundaName(), p.getCamundaValue()));
        }
        return properties;
    }
}
