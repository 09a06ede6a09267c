package io.aimsgate.api;

import static io.aimsgate.api.AbstractApiScenarios.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.support.AsDemoUsers;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.ProcessEngineBinding;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The management system over HTTP (issue 18), on each database: a policy version through its approval gate (legal,
 * ethics, the board in Tasklist's engine API), its publication and every acknowledgement; a rejected and a
 * superseding version; the AI objectives measured from the platform's data; and management reviews whose inputs are
 * compiled from the platform's records, concluded by the board with actions that become their owners' tasks and are
 * reported at the next review.
 */
@ExtendWith(ProcessEngineBinding.class)
abstract class AbstractManagementSystemScenarios extends AsDemoUsers {

    static final String RATIONALE = "Read in full and checked against our obligations.";
    static final Map<String, Object> ACK = Map.of("acknowledged", true);


    @Test
    void aPolicyIsReviewedApprovedPublishedAcknowledgedAndSuperseded() {
        String key = "policy-" + token();
        assertProblem(olivia.post("/api/policies", Map.of("documentKey", "Not A Key", "title", "AI policy",
                "purpose", "Our commitments.")).expect(400), "documentKey");
        mia.post("/api/policies", document(key)).expect(403);
        JsonNode created = olivia.post("/api/policies", document(key)).expect(201).json();
        assertThat(created.get("reviewInterval").asText()).isEqualTo("P1Y");
        assertThat(created.hasNonNull("publishedVersion")).isFalse();
        assertProblem(olivia.post("/api/policies", document(key)).expect(409), "documentKey");

        // drafted by a policy owner: the approval gate starts, one version at a time
        mia.post("/api/policies/" + key + "/versions", draft("# Policy", "First.")).expect(403);
        assertProblem(olivia.post("/api/policies/" + key + "/versions", Map.of("body", "# Policy"))
                .expect(400), "changeSummary");
        JsonNode v1 = olivia.post("/api/policies/" + key + "/versions", draft("# Policy\n\nVersion one.",
                "First version.")).expect(201).json();
        assertThat(v1.get("versionNumber").asInt()).isEqualTo(1);
        assertThat(v1.get("status").asText()).isEqualTo("IN_REVIEW");
        String pid = v1.get("processInstanceId").asText();
        assertProblem(olivia.post("/api/policies/" + key + "/versions", draft("# Other", "Second.")).expect(409),
                "documentKey");

        // legal and ethics review, then the board approves in Tasklist's engine API
        complete(lena, pid, "task_legal_review", decision("APPROVE"));
        complete(ethan, pid, "task_ethics_review", decision("APPROVE"));
        String board = taskId(grace, pid, "task_board_approval");
        olivia.post("/engine-rest/task/" + board + "/claim", Map.of("userId", "olivia")).expect(403);
        complete(grace, pid, "task_board_approval", decision("APPROVE"));

        JsonNode published = olivia.get("/api/policies/" + key + "/versions/1").expect(200).json();
        assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.get("reviewDue").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusYears(1)
                .toString());
        assertThat(AbstractApiScenarios.texts(published.get("decisions"), "taskKey")).containsExactlyInAnyOrder(
                "task_legal_review", "task_ethics_review", "task_board_approval");
        assertThat(AbstractApiScenarios.texts(published.get("decisions"), "decidedBy")).containsExactlyInAnyOrder(
                "lena", "ethan", "grace");
        // every member of the Responsible and Accountable groups of policy-acknowledgement is asked
        List<String> asked = AbstractApiScenarios.texts(published.at("/acknowledgements/people"), "userId");
        assertThat(asked).contains("olivia", "oscar", "mia", "grace").doesNotContain("ben", "lena", "guest");
        assertThat(AbstractApiScenarios.texts(published.at("/acknowledgements/pending"))).containsAll(asked);
        assertThat(olivia.get("/api/policies").expect(200).json()).anySatisfy(doc -> {
            assertThat(doc.get("documentKey").asText()).isEqualTo(key);
            assertThat(doc.get("publishedVersion").asInt()).isEqualTo(1);
        });

        // each acknowledges for themselves: over our API, or their own task in Tasklist
        assertProblem(mia.post("/api/policies/" + key + "/versions/1/acknowledgement", Map.of("acknowledged", false))
                .expect(400), "acknowledged");
        JsonNode mine = mia.post("/api/policies/" + key + "/versions/1/acknowledgement", ACK).expect(200).json();
        assertThat(mine.get("userId").asText()).isEqualTo("mia");
        assertThat(mine.hasNonNull("acknowledgedAt")).isTrue();
        assertProblem(mia.post("/api/policies/" + key + "/versions/1/acknowledgement", ACK).expect(409),
                "versionNumber");
        assertProblem(ben.post("/api/policies/" + key + "/versions/1/acknowledgement", ACK).expect(409),
                "versionNumber");
        JsonNode oscarsTasks = oscar.get("/engine-rest/task?processInstanceId=" + pid
                + "&taskDefinitionKey=task_acknowledge_policy&assignee=oscar").expect(200).json();
        assertThat(oscarsTasks).hasSize(1);
        String oscarsTask = oscarsTasks.get(0).get("id").asText();
        assertThat(olivia.get("/engine-rest/task?processInstanceId=" + pid
                + "&taskDefinitionKey=task_acknowledge_policy&assignee=oscar").expect(200).json()).isEmpty();
        oscar.post("/engine-rest/task/" + oscarsTask + "/complete", Map.of("variables",
                Map.of("acknowledged", Map.of("value", false)))).expect(400);
        oscar.post("/engine-rest/task/" + oscarsTask + "/complete", Map.of("variables",
                Map.of("acknowledged", Map.of("value", true)))).expect(204);
        JsonNode acknowledgements = ben.get("/api/policies/" + key + "/versions/1/acknowledgements").expect(200)
                .json();
        assertThat(acknowledgements.get("acknowledged").asInt()).isEqualTo(2);
        assertThat(AbstractApiScenarios.texts(acknowledgements.get("pending"))).doesNotContain("mia", "oscar")
                .contains("olivia", "grace");

        // version 2 is rejected by ethics: version 1 stays in force
        String pid2 = olivia.post("/api/policies/" + key + "/versions", draft("# Policy\n\nVersion two.",
                "Second version.")).expect(201).json().get("processInstanceId").asText();
        complete(lena, pid2, "task_legal_review", decision("APPROVE"));
        complete(ethan, pid2, "task_ethics_review", decision("REJECT"));
        assertThat(olivia.get("/api/policies/" + key + "/versions/2").expect(200).json().get("status").asText())
                .isEqualTo("REJECTED");
        assertThat(olivia.get("/api/policies/" + key).expect(200).json().at("/document/publishedVersion").asInt())
                .isEqualTo(1);

        // version 3 is published and supersedes version 1: its open acknowledgements end
        String pid3 = olivia.post("/api/policies/" + key + "/versions", draft("# Policy\n\nVersion three.",
                "Third version.")).expect(201).json().get("processInstanceId").asText();
        complete(lena, pid3, "task_legal_review", decision("APPROVE"));
        complete(ethan, pid3, "task_ethics_review", decision("APPROVE"));
        complete(grace, pid3, "task_board_approval", decision("APPROVE"));
        JsonNode v1After = olivia.get("/api/policies/" + key + "/versions/1").expect(200).json();
        assertThat(v1After.get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(olivia.get("/api/policies/" + key + "/versions/3").expect(200).json().get("status").asText())
                .isEqualTo("PUBLISHED");
        assertProblem(grace.post("/api/policies/" + key + "/versions/1/acknowledgement", ACK).expect(409),
                "versionNumber");
        grace.post("/api/policies/" + key + "/versions/3/acknowledgement", ACK).expect(200);
        api.as("admin").get("/engine-rest/process-instance/" + pid).expect(404);
        assertProblem(olivia.get("/api/policies/" + key + "/versions/9").expect(404), "versionNumber");
        assertProblem(olivia.get("/api/policies/no-such-policy").expect(404), "documentKey");
        guest.get("/api/policies").expect(403);
    }

    @Test
    void objectivesAreMeasuredFromThePlatformsDataAndKeptOverTime() {
        JsonNode all = ben.get("/api/objectives").expect(200).json();
        assertThat(AbstractApiScenarios.texts(all, "code")).contains("HIGH-RISK-IA", "CONTAINMENT-DAYS",
                "FAIRNESS-VV");
        for (JsonNode objective : all) {
            assertThat(objective.get("status").asText()).isIn("MET", "NOT_MET", "MISSED", "NO_DATA");
            assertThat(objective.get("history").size()).isPositive();
            if (objective.get("sampleSize").asInt() == 0) {
                assertThat(objective.get("status").asText()).isEqualTo("NO_DATA");
            }
        }
        String code = "OBJ-" + token().toUpperCase();
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusMonths(2);
        mia.post("/api/objectives", objective(code, "MODELS_MEETING_FAIRNESS_AT_VALIDATION", 0.5, "mia", due))
                .expect(403);
        assertProblem(grace.post("/api/objectives", objective(code, "MODELS_MEETING_FAIRNESS_AT_VALIDATION", 2.0,
                "mia", due)).expect(400), "target");
        assertProblem(grace.post("/api/objectives", objective(code, "MODELS_MEETING_FAIRNESS_AT_VALIDATION", 0.5,
                "nobody-" + token(), due)).expect(400), "owner");
        assertProblem(grace.post("/api/objectives", objective(code, "NO_SUCH_METRIC", 0.5, "mia", due)).expect(400),
                "metric");

        // two objectives on one metric measure the same value; the status follows the target and direction
        JsonNode atLeastZero = grace.post("/api/objectives", objective(code, "MEDIAN_DAYS_TO_CONTAINMENT", 0.0, "mia",
                due, "AT_LEAST")).expect(201).json();
        JsonNode reference = ben.get("/api/objectives/CONTAINMENT-DAYS").expect(200).json();
        assertThat(atLeastZero.get("currentValue")).isEqualTo(reference.get("currentValue"));
        assertThat(atLeastZero.get("sampleSize")).isEqualTo(reference.get("sampleSize"));
        assertThat(atLeastZero.get("status").asText()).isEqualTo(reference.get("sampleSize").asInt() == 0
                ? "NO_DATA" : "MET");
        assertThat(atLeastZero.get("history")).hasSize(1);
        assertThat(atLeastZero.at("/history/0/measuredOn").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC)
                .toString());
        assertProblem(grace.post("/api/objectives", objective(code, "MEDIAN_DAYS_TO_CONTAINMENT", 1.0, "mia", due))
                .expect(409), "code");
        assertProblem(ben.get("/api/objectives/NO-SUCH").expect(404), "code");
    }

    @Test
    void managementReviewsCompileTheirInputsFromDataAndTrackTheirActions() {
        // an internal audit finding in the period
        long finding = alex.post("/api/nonconformities", Map.of("source", "INTERNAL_AUDIT", "requirement", "9.2",
                "description", "Audit programme not approved for " + token())).expect(201).json().get("id").asLong();

        assertProblem(olivia.post("/api/management-reviews", Map.of("reason", " ")).expect(400), "reason");
        mia.post("/api/management-reviews", Map.of("reason", "Not a role that may ask")).expect(403);
        JsonNode first = olivia.post("/api/management-reviews", Map.of("reason", "Quarter close")).expect(201).json();
        assertThat(first.get("trigger").asText()).isEqualTo("ON_DEMAND");
        assertThat(first.get("status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode inputs = first.get("inputs");
        assertThat(iterable(inputs.fieldNames())).containsExactly("periodFrom", "compiledAt", "previousActions",
                "changesInIssues", "performance", "incidents", "opportunitiesForImprovement");
        assertThat(iterable(inputs.get("performance").fieldNames())).containsExactly("nonconformities",
                "correctiveActions", "monitoring", "auditResults", "objectives");
        assertThat(inputs.at("/performance/nonconformities/raisedInPeriod").asLong()).isPositive();
        assertThat(inputs.at("/performance/auditResults/findings")).anySatisfy(f -> assertThat(
                f.get("nonconformityId").asLong()).isEqualTo(finding));
        assertThat(AbstractApiScenarios.texts(inputs.at("/performance/objectives"), "code")).contains("HIGH-RISK-IA",
                "CONTAINMENT-DAYS", "FAIRNESS-VV");
        assertProblem(grace.post("/api/management-reviews", Map.of("reason", "Second at once")).expect(409),
                "reviewId");

        // the board concludes; a malformed action line is refused and nothing is recorded
        String pid = first.get("processInstanceId").asText();
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        String conclusions = taskId(grace, pid, "task_board_conclusions");
        grace.post("/engine-rest/task/" + conclusions + "/claim", Map.of("userId", "grace")).expect(204);
        grace.post("/engine-rest/task/" + conclusions + "/complete", conclude("mia | next month | Fix it"))
                .expect(400);
        grace.post("/engine-rest/task/" + conclusions + "/complete", conclude("nobody-" + token() + " | " + due
                + " | Fix it")).expect(400);
        assertThat(olivia.get("/api/management-reviews/" + first.get("id").asLong()).expect(200).json()
                .get("actions")).isEmpty();
        grace.post("/engine-rest/task/" + conclusions + "/complete", conclude("mia | " + due
                + " | Add drift monitoring to the chat assistant")).expect(204);
        JsonNode concluded = ben.get("/api/management-reviews/" + first.get("id").asLong()).expect(200).json();
        assertThat(concluded.get("status").asText()).isEqualTo("CONCLUDED");
        assertThat(concluded.get("concludedBy").asText()).isEqualTo("grace");
        assertThat(AbstractApiScenarios.texts(concluded.get("decisions"), "decision")).containsExactly("CONCLUDE");
        JsonNode action = concluded.get("actions").get(0);
        assertThat(action.get("owner").asText()).isEqualTo("mia");
        assertThat(action.get("dueDate").asText()).isEqualTo(due);
        assertThat(action.get("status").asText()).isEqualTo("OPEN");

        // the action is mia's task, with its due date; only she reports it
        JsonNode tasks = mia.get("/engine-rest/task?processInstanceId=" + pid
                + "&taskDefinitionKey=task_review_action").expect(200).json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("assignee").asText()).isEqualTo("mia");
        assertThat(tasks.get(0).get("due").asText()).startsWith(due);
        mia.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete", Map.of("variables",
                Map.of("outcome", Map.of("value", "Drift monitor live since Monday.")))).expect(204);
        assertThat(olivia.get("/api/management-reviews/" + first.get("id").asLong()).expect(200).json()
                .at("/actions/0/status").asText()).isEqualTo("DONE");

        // the next review reports the action's status; whoever asks for a review does not conclude it
        JsonNode second = grace.post("/api/management-reviews", Map.of("reason", "Follow-up")).expect(201).json();
        assertThat(second.at("/inputs/previousActions/items")).anySatisfy(item -> {
            assertThat(item.get("title").asText()).isEqualTo("Add drift monitoring to the chat assistant");
            assertThat(item.get("status").asText()).isEqualTo("DONE");
        });
        assertThat(second.get("periodFrom").asText()).isEqualTo(first.get("startedAt").asText());
        String secondTask = taskId(grace, second.get("processInstanceId").asText(), "task_board_conclusions");
        grace.post("/engine-rest/task/" + secondTask + "/claim", Map.of("userId", "grace")).expect(403);
        assertThat(olivia.get("/api/management-reviews").expect(200).json()).hasSizeGreaterThanOrEqualTo(2);
        guest.get("/api/management-reviews").expect(403);
    }

    // ------------------------------------------------------------------------------------------------------------

    private String taskId(Caller caller, String pid, String key) {
        JsonNode tasks = caller.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + key)
                .expect(200).json();
        assertThat(tasks).as(caller + " sees one open " + key).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private void complete(Caller reviewer, String pid, String key, Map<String, Object> body) {
        String id = taskId(reviewer, pid, key);
        reviewer.post("/engine-rest/task/" + id + "/claim", Map.of("userId", reviewer.userId())).expect(204);
        reviewer.post("/engine-rest/task/" + id + "/complete", body).expect(204);
    }

    private static Map<String, Object> decision(String decision) {
        return Map.of("variables", Map.of("decision", Map.of("value", decision), "rationale",
                Map.of("value", RATIONALE)));
    }

    private static Map<String, Object> conclude(String actions) {
        return Map.of("variables", Map.of("decision", Map.of("value", "CONCLUDE"), "rationale",
                Map.of("value", "Objectives reviewed; invest in monitoring."), "actions", Map.of("value", actions)));
    }

    private static Map<String, Object> document(String key) {
        return Map.of("documentKey", key, "title", "Policy " + key, "purpose", "What we commit to.");
    }

    private static Map<String, Object> draft(String body, String summary) {
        return Map.of("body", body, "changeSummary", summary);
    }

    private static Map<String, Object> objective(String code, String metric, double target, String owner,
            LocalDate due) {
        return objective(code, metric, target, owner, due, "AT_LEAST");
    }

    private static Map<String, Object> objective(String code, String metric, double target, String owner,
            LocalDate due, String direction) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("title", "Objective " + code);
        body.put("metric", metric);
        body.put("direction", direction);
        body.put("target", target);
        body.put("owner", owner);
        body.put("dueDate", due.toString());
        return body;
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
