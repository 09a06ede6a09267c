package io.aimsgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.AsDemoUsers;
import io.aimsgate.support.EvidenceFixtures;
import io.aimsgate.support.H2DemoApp;
import io.aimsgate.support.LifecycleWalk;
import io.aimsgate.support.SystemFixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The engine's work for one clear deployment gate driven over HTTP, in variables and their history: the evidence text
 * on the gate forms is there while a task is open but leaves no history ({@link EvidenceOnGateFormsPlugin}); a clear
 * assessment creates no blocking-risk count or summaries ({@link AssessDeploymentDelegate}); every variable the
 * gateways, the forms and the decisions use keeps its full history.
 */
@H2DemoApp
class H2GateVariableHistoryTest extends AsDemoUsers {

    @Test
    void aClearGateKeepsTheHistoryOfItsDecisionsAndNoneOfTheDisplayTextOrEmptyDescriptions() {
        long system = SystemFixtures.registerSystem(olivia, "History " + UUID.randomUUID(), "TRANSPARENCY");
        LifecycleWalk.over(api).passGatesBeforeDeployment(system, "TRANSPARENCY", "0.0.1-validated");
        EvidenceFixtures.versionWithModelCard(mia, system, "1.0.0", "ab".repeat(32));

        JsonNode request = olivia.post("/api/systems/" + system + "/versions/1.0.0/deployment-requests",
                Map.of("note", "Release for the history scenario")).expect(201).json();
        String processInstanceId = request.get("processInstanceId").asText();
        for (Object[] step : List.of(new Object[] {mia, "mia", "task_technical_review"},
                new Object[] {sam, "sam", "task_security_review"},
                new Object[] {oscar, "oscar", "task_accountable_approval"})) {
            Caller reviewer = (Caller) step[0];
            String taskId = reviewer.get("/engine-rest/task?processInstanceId=" + processInstanceId
                    + "&taskDefinitionKey=" + step[2]).expect(200).json().get(0).get("id").asText();
            reviewer.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", step[1])).expect(204);
            // the form still shows the evidence: the open task has its text
            assertThat(reviewer.get("/engine-rest/task/" + taskId + "/localVariables").expect(200).json()
                    .path(EvidenceOnGateForms.VARIABLE).path("value").asText())
                    .contains("Model card").contains("This gate has all the evidence it requires.");
            reviewer.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables",
                    LifecycleWalk.engineVariables(LifecycleWalk.decision("APPROVE")))).expect(204);
        }
        assertThat(jdbc.queryForObject("SELECT status FROM deployment_request WHERE id = ?", String.class,
                request.get("id").asLong())).isEqualTo("APPROVED");

        // no history of the display text (three gate tasks showed it) ...
        assertThat(historyInstances(processInstanceId, EvidenceOnGateForms.VARIABLE)).isZero();
        assertThat(historyDetails(processInstanceId, EvidenceOnGateForms.VARIABLE)).isZero();
        // ... nor of descriptions of what blocks, when nothing did
        for (String describing : List.of(DeploymentApprovalProcess.BLOCKING_RISK_COUNT,
                DeploymentApprovalProcess.BLOCKING_RISK_SUMMARY, DeploymentApprovalProcess.HOLD_SUMMARY)) {
            assertThat(historyInstances(processInstanceId, describing)).as(describing).isZero();
        }
        // every variable the gateways, the forms and the listeners act on keeps its history, each write a detail row
        for (String kept : List.of(DeploymentApprovalProcess.SUBMITTER, DeploymentApprovalProcess.REQUEST_ID,
                DeploymentApprovalProcess.SYSTEM_NAME, DeploymentApprovalProcess.VERSION_LABEL,
                DeploymentApprovalProcess.RISK_BLOCKED, DeploymentApprovalProcess.INCIDENT_HELD,
                DeploymentApprovalProcess.HIGH_RISK_TIER, DeploymentApprovalProcess.REVIEW_REJECTED,
                DeploymentApprovalProcess.LAST_DECISION)) {
            assertThat(historyInstances(processInstanceId, kept)).as(kept).isEqualTo(1);
            assertThat(historyDetails(processInstanceId, kept)).as(kept).isPositive();
        }
        // the decisions and rationales the reviewers sent (consumed by the decision listener): one history instance
        // a completion, each with its detail rows
        for (String sent : List.of(DeploymentApprovalProcess.DECISION, DeploymentApprovalProcess.RATIONALE)) {
            assertThat(historyInstances(processInstanceId, sent)).as(sent).isEqualTo(3);
            assertThat(historyDetails(processInstanceId, sent)).as(sent).isGreaterThanOrEqualTo(3);
        }
        // who decided, as the history records it (four eyes reads it)
        assertThat(jdbc.queryForList("SELECT ASSIGNEE_ FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ? ORDER BY "
                + "START_TIME_, ID_", String.class, processInstanceId)).containsExactly("mia", "sam", "oscar");
    }

    private long historyInstances(String processInstanceId, String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND NAME_ = ?",
                Long.class, processInstanceId, name);
    }

    private long historyDetails(String processInstanceId, String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ? AND NAME_ = ?",
                Long.class, processInstanceId, name);
    }
}
