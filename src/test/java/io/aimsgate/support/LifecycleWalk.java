package io.aimsgate.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks an AI system through the life-cycle gates that come before deployment (inception, design & development,
 * verification & validation) over the real HTTP APIs, as the people of each RACI role would: tests of the
 * deployment gate need a system that has passed them, and nothing may shortcut the engine.
 */
public final class LifecycleWalk {

    /** One HTTP call as a named user, answering the JSON body, failing unless the status is the expected one. */
    @FunctionalInterface
    public interface Calls {
        JsonNode call(String user, String method, String path, Object body, int expectedStatus);
    }

    /** Who acts: a product owner who starts, another who approves, an ML engineer, and the Consulted reviewers. */
    public record Cast(String owner, String approver, String engineer, String ethics, String legal, String board) {

        public static final Cast DEMO = new Cast("olivia", "oscar", "mia", "ethan", "lena", "grace");
    }

    public static final String RATIONALE = "Evidence checked against the gate's criteria; approved.";

    private final Calls calls;
    private final Cast cast;

    public LifecycleWalk(Calls calls, Cast cast) {
        this.calls = calls;
        this.cast = cast;
    }

    /** The walk over the application that {@code api} calls, as {@code cast} (their passwords those {@link Api#as} uses). */
    public static LifecycleWalk over(Api api, Cast cast) {
        return new LifecycleWalk((user, method, path, body, expected) -> api.as(user).send(method, path, body,
                "application/json").expect(expected).json(), cast);
    }

    /** The walk as the demo users ({@link Cast#DEMO}). */
    public static LifecycleWalk over(Api api) {
        return over(api, Cast.DEMO);
    }

    /** Inception, design & development and V&V, each passed; {@code tier} picks the screening answers. */
    public void passGatesBeforeDeployment(long systemId, String tier, String versionLabel) {
        passInception(systemId, tier);
        passDesign(systemId);
        passValidation(systemId, versionLabel);
    }

    public void passInception(long systemId, String tier) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("systemId", systemId);
        answers.put("intendedUse", "Suggests products to customers; staff can override.");
        answers.put("affectedPeople", "Retail customers and store staff");
        answers.put("aiType", "PREDICTIVE");
        answers.put("prohibitedPractice", "NONE");
        answers.put("annexIIIArea", "HIGH".equals(tier) ? "EMPLOYMENT" : "NONE");
        answers.put("safetyComponent", false);
        answers.put("interactsWithPeople", "TRANSPARENCY".equals(tier));
        answers.put("generatesSyntheticContent", false);
        String pid = start(cast.owner(), "inception", answers);
        if ("HIGH".equals(tier)) {
            // A high-risk system passes inception only with an impact assessment in the evidence store.
            attach(cast.owner(), "SYSTEM", systemId, "IMPACT_ASSESSMENT", "impact-assessment.md");
            Map<String, Object> assessment = new LinkedHashMap<>();
            for (String part : List.of("systemContext", "stakeholdersAffected", "ethicsAndBias", "recourseAndOversight",
                    "safetyGovernance", "performanceThresholds")) {
                assessment.put(part, "Assessed for the test walk: " + part + " documented and reviewed.");
            }
            // The impact-assessment form requires a rationale (10-4000 characters), in Tasklist and over REST.
            assessment.put("rationale", "Assessed with the owners against the intended use.");
            complete(cast.owner(), pid, "task_impact_assessment", assessment);
            complete(cast.ethics(), pid, "task_ethics_review", decision("APPROVE"));
            complete(cast.legal(), pid, "task_legal_review", decision("APPROVE"));
            complete(cast.approver(), pid, "task_accountable_approval", decision("APPROVE"));
            complete(cast.board(), pid, "task_board_signoff", decision("APPROVE"));
        } else {
            complete(cast.approver(), pid, "task_accountable_approval", decision("APPROVE"));
        }
    }

    public void passDesign(long systemId) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("name", "Training data " + systemId);
        dataset.put("purpose", "TRAINING");
        dataset.put("source", "Own order history 2023-2025");
        dataset.put("collectionMethod", "Exported from the order system");
        dataset.put("legalBasis", "OWN_DATA");
        dataset.put("copyrightChecked", true);
        dataset.put("personalDataCategories", List.of());
        dataset.put("personalDataTreatment", "NONE");
        dataset.put("synthetic", false);
        calls.call(cast.engineer(), "POST", "/api/systems/" + systemId + "/datasets", dataset, 201);
        String pid = start(cast.owner(), "design-development", Map.of("systemId", systemId, "designSummary",
                "Gradient-boosted ranking model behind the product page; design documented in the model repo."));
        complete(cast.approver(), pid, "task_accountable_approval", decision("APPROVE"));
    }

    /** Validates {@code versionLabel} (registered first when the system does not have it) with metrics that pass. */
    public void passValidation(long systemId, String versionLabel) {
        String versions = "/api/systems/" + systemId + "/versions";
        long versionId = calls.call(cast.engineer(), "POST", versions, Map.of("versionLabel", versionLabel,
                "artifactSha256", "a".repeat(64)), 201).get("id").asLong();
        // V&V passes only with a validation report and a model card; the version's model card also lets it deploy.
        attach(cast.engineer(), "SYSTEM", systemId, "VALIDATION_REPORT", "validation-report-" + versionLabel + ".md");
        attach(cast.engineer(), "MODEL_VERSION", versionId, "MODEL_CARD", "model-card.md");
        Map<String, Object> card = Map.of("intendedUse", "Product suggestions", "limitations", "New products cold start",
                "failureCases", "Sparse histories", "trainingData", "Order history 2023-2025");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("versionLabel", versionLabel);
        results.put("metrics", List.of(Map.of("kind", "PERFORMANCE", "metric", "accuracy", "value", 0.91),
                Map.of("kind", "FAIRNESS", "metric", "demographicParityDifference", "protectedAttribute", "age",
                        "value", 0.03)));
        results.put("robustnessNotes", "Perturbation tests on prices and histories pass.");
        results.put("explainabilityNotes", "Feature attributions shown to staff.");
        results.put("modelCard", card);
        String pid = calls.call(cast.engineer(), "POST", "/api/systems/" + systemId + "/validations", results, 201)
                .get("processInstanceId").asText();
        complete(cast.approver(), pid, "task_accountable_approval", decision("APPROVE"));
    }

    /**
     * Submits the version for deployment as the owner (POST .../deployment-requests with {@code body}: a note, a
     * serving image); answers the request as created, its process instance open.
     */
    public JsonNode submitForDeployment(long systemId, String versionLabel, Map<String, Object> body) {
        return calls.call(cast.owner(), "POST", "/api/systems/" + systemId + "/versions/" + versionLabel
                + "/deployment-requests", body, 201);
    }

    /**
     * The deployment gate's reviews of a MINIMAL or TRANSPARENCY tier request and its Accountable decision: the
     * engineer's technical review, {@code security}'s security review, the approver's approval.
     */
    public void approveDeployment(String processInstanceId, String security) {
        complete(cast.engineer(), processInstanceId, "task_technical_review", decision("APPROVE"));
        complete(security, processInstanceId, "task_security_review", decision("APPROVE"));
        complete(cast.approver(), processInstanceId, "task_accountable_approval", decision("APPROVE"));
    }

    /**
     * Vets the supplier of a third-party system (A.10.3): the owner records the due diligence, {@code security} and the
     * cast's legal reviewer approve, and the approver approves. The deployment gate needs this of a third-party system.
     */
    public void vetSupplier(long systemId, String security) {
        String pid = startSupplierAssessment(systemId);
        reviewSupplier(pid, security, "APPROVE");
        decideSupplier(pid, "APPROVE");
    }

    /** Starts a supplier assessment as the owner and submits the due diligence; both reviews are then open. */
    public String startSupplierAssessment(long systemId) {
        String pid = start(cast.owner(), "supplier-assessment", Map.of("systemId", systemId, "triggerDetail",
                "First use of the supplier's component."));
        complete(cast.owner(), pid, "task_due_diligence", dueDiligence());
        return pid;
    }

    /** The Consulted reviews: {@code security} decides, the cast's legal reviewer approves. */
    public void reviewSupplier(String supplierAssessment, String security, String securityDecision) {
        complete(security, supplierAssessment, "task_security_review", decision(securityDecision));
        complete(cast.legal(), supplierAssessment, "task_legal_review", decision("APPROVE"));
    }

    /** The approver's Accountable decision on the supplier. */
    public void decideSupplier(String supplierAssessment, String decision) {
        complete(cast.approver(), supplierAssessment, "task_accountable_approval", decision(decision));
    }

    public static Map<String, Object> dueDiligence() {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (String part : List.of("trainingDataProvenance", "modelDocumentation", "securityPractices",
                "incidentNotification", "contractualSafeguards", "auditRights", "exitPlan")) {
            answers.put(part, "Checked with the supplier for the test walk: " + part + ".");
        }
        answers.put("rationale", RATIONALE);
        return answers;
    }

    public JsonNode attach(String user, String subjectType, long subjectId, String kind, String fileName) {
        return calls.call(user, "POST", "/api/evidence?subjectType=" + subjectType + "&subjectId=" + subjectId
                + "&kind=" + kind + "&fileName=" + fileName, "# " + kind + " for " + subjectType + " " + subjectId
                + "\n\nWritten for the test walk by " + user + ".\n", 201);
    }

    public String start(String user, String processKey, Map<String, Object> variables) {
        return calls.call(user, "POST", "/engine-rest/process-definition/key/" + processKey + "/start",
                Map.of("variables", engineVariables(variables)), 200).get("id").asText();
    }

    /** Claims and completes the open task of the instance as the user (a member of its RACI group). */
    public void complete(String user, String processInstanceId, String taskKey, Map<String, Object> variables) {
        JsonNode tasks = calls.call(user, "GET", "/engine-rest/task?processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=" + taskKey, null, 200);
        if (tasks.size() != 1) {
            throw new AssertionError("expected one open " + taskKey + " for " + user + ", found " + tasks);
        }
        String taskId = tasks.get(0).get("id").asText();
        calls.call(user, "POST", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user), 204);
        calls.call(user, "POST", "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", engineVariables(variables)), 204);
    }

    public static Map<String, Object> decision(String decision) {
        return Map.of("decision", decision, "rationale", RATIONALE);
    }

    public static Map<String, Object> engineVariables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return variables;
    }
}
