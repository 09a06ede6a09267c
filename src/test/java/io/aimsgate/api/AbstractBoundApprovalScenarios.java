package io.aimsgate.api;

import static io.aimsgate.api.AbstractApiScenarios.RATIONALE;
import static io.aimsgate.api.AbstractApiScenarios.assertProblem;
import static io.aimsgate.api.AbstractApiScenarios.decision;
import static io.aimsgate.api.AbstractApiScenarios.decisionPath;
import static io.aimsgate.api.AbstractApiScenarios.requestsPath;
import static io.aimsgate.api.AbstractApiScenarios.risksPath;
import static io.aimsgate.api.AbstractApiScenarios.texts;
import static io.aimsgate.api.AbstractApiScenarios.versionsPath;
import static io.aimsgate.support.SystemFixtures.riskBody;
import static io.aimsgate.support.SystemFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.AsDemoUsers;
import io.aimsgate.support.EvidenceFixtures;
import io.aimsgate.support.ProcessEngineBinding;
import io.aimsgate.support.SystemFixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17, bound approval, over HTTP on each database: an approval answers the pipeline with the digest of the state
 * it is bound to; each kind of material change (a new or re-rated HIGH or CRITICAL risk, a new revision of required
 * evidence, a changed artefact digest, a new incident hold, a lapsed risk acceptance) makes the pipeline check answer
 * 409 naming the change, and the re-approval that runs in the deployment gate (showing the difference in its forms,
 * decided by someone other than the submitter) makes it answer 200 again with a new digest. The acceptance expiry is
 * driven by the risk-acceptance process's timers, executed here through the engine's ManagementService.
 */
@ExtendWith(ProcessEngineBinding.class)
abstract class AbstractBoundApprovalScenarios extends AsDemoUsers {

    static final String DIGEST = "sha256:[0-9a-f]{64}";

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void aNewCriticalRiskInvalidatesTheApprovalAndTheReapprovalBindsTheNewState() {
        long system = system("Bound risk");
        long versionId = version(system, "1.0.0");
        JsonNode approved = approve(system, "1.0.0");
        String digest = approved.get("stateDigest").asText();
        assertThat(digest).matches(DIGEST);

        // The ledger's GATE_PASSED entry carries the digest and the state it is computed over.
        JsonNode passed = alex.get("/api/audit?systemId=" + system + "&kind=GATE_PASSED").expect(200).json()
                .at("/content/0/snapshot");
        assertThat(passed.get("stateDigest").asText()).isEqualTo(digest);
        assertThat(passed.at("/state/artifactSha256").asText()).isEqualTo(approved.get("artifactSha256").asText());
        assertThat(texts(passed.at("/state/approvers"), "user")).containsExactlyInAnyOrder("mia", "sam", "oscar");
        assertThat(passed.at("/state/approvers/2/user").asText()).isEqualTo("oscar");
        assertThat(passed.at("/state/approvers/2/role").asText()).isEqualTo("ACCOUNTABLE");
        assertThat(passed.at("/state/decisions/0/key").asText()).isEqualTo("risk-severity");
        assertThat(passed.at("/state/evidence/0/kind").asText()).isEqualTo("MODEL_CARD");

        long riskId = sam.post(risksPath(system), riskBody(5, 5, "Prompt injection found after approval"))
                .expect(201).json().get("id").asLong();

        // The approval is invalidated (the version leaves APPROVED for REAPPROVAL_REQUIRED, in the ledger) and the
        // re-approval it started is halted at once by the open CRITICAL risk.
        Response refused = ben.get(decisionPath(system, "1.0.0")).expect(409);
        assertThat(texts(refused.json().get("reasons")))
                .anySatisfy(r -> assertThat(r).contains("is HALTED, not APPROVED"))
                .anySatisfy(r -> assertThat(r).contains("was invalidated").contains(digest)
                        .contains("New CRITICAL risk " + riskId + " 'Prompt injection found after approval'"));
        JsonNode invalidated = alex.get("/api/audit?systemId=" + system + "&kind=GATE_APPROVAL_INVALIDATED")
                .expect(200).json().at("/content/0");
        assertThat(invalidated.get("rationale").asText()).contains("New CRITICAL risk " + riskId);
        assertThat(invalidated.at("/snapshot/stateDigest").asText()).isEqualTo(digest);
        assertThat(invalidated.at("/snapshot/versionStatus").asText()).isEqualTo("REAPPROVAL_REQUIRED");

        // The re-approval runs in the gate: halted by the open CRITICAL risk, with the change in its history.
        JsonNode reapproval = openRequest(system, "1.0.0");
        assertThat(reapproval.get("status").asText()).isEqualTo("HALTED");
        assertThat(reapproval.get("submittedBy").asText()).isEqualTo("olivia");
        assertThat(reapproval.get("submissionNote").asText()).contains("New CRITICAL risk " + riskId);
        String pid = reapproval.get("processInstanceId").asText();
        assertThat(variable(olivia, pid, "stateDifference")).contains("New CRITICAL risk " + riskId);
        assertThat(versionStatus(system, "1.0.0")).isEqualTo("HALTED");

        // The board closes the risk (not a material change); the submitter resubmits; the reviews see what changed.
        grace.post(risksPath(system) + "/" + riskId + "/transitions", Map.of("status", "CLOSED", "reason",
                "Input filter deployed and verified.")).expect(200);
        assertThat(versionStatus(system, "1.0.0")).isEqualTo("HALTED");
        complete(olivia, task(olivia, pid, "task_remediate_risks"), Map.of("remediationAction", "RESUBMIT"));
        assertThat(versionStatus(system, "1.0.0")).isEqualTo("REAPPROVAL_REQUIRED");
        JsonNode review = task(mia, pid, "task_technical_review");
        assertThat(variable(mia, pid, "stateDifference")).contains("New CRITICAL risk " + riskId);
        // What Tasklist renders the review form with (its state-difference text shows this variable).
        assertThat(mia.get("/engine-rest/task/" + review.get("id").asText() + "/form-variables").expect(200).json()
                .at("/stateDifference/value").asText()).contains("New CRITICAL risk " + riskId);

        JsonNode reapproved = reapprove(system, "1.0.0", pid);
        String newDigest = reapproved.get("stateDigest").asText();
        assertThat(newDigest).matches(DIGEST).isNotEqualTo(digest);
        JsonNode request = ben.get("/api/deployment-requests/" + reapproval.get("id").asLong()).expect(200).json();
        assertThat(request.get("status").asText()).isEqualTo("APPROVED");
        assertThat(request.get("decidedBy").asText()).isEqualTo("oscar");
        assertThat(alex.get("/api/audit?systemId=" + system + "&kind=GATE_PASSED").expect(200).json()
                .at("/content/0/snapshot/stateDigest").asText()).isEqualTo(newDigest);
        assertThat(jdbc.queryForList("select status from deployment_approval where version_id = ? order by id",
                String.class, versionId)).containsExactly("INVALIDATED", "CURRENT");
    }

    @Test
    void aNewEvidenceRevisionAChangedArtefactAndAReRatedRiskEachInvalidateUntilReapproved() {
        long system = system("Bound changes");
        long versionId = version(system, "2.0.0");
        long acceptedRisk = sam.post(risksPath(system), riskBody(2, 5, "Unfair outcomes for a minority group"))
                .expect(201).json().get("id").asLong();
        grace.post(risksPath(system) + "/" + acceptedRisk + "/transitions", Map.of("status", "ACCEPTED",
                "rationale", "Board accepts for the supervised pilot only.", "expiresOn", inDays(90))).expect(200);
        String digest = approve(system, "2.0.0").get("stateDigest").asText();

        // 1. A new revision of the required model card.
        EvidenceFixtures.attach(mia, "MODEL_VERSION", versionId, "MODEL_CARD", "model-card.md");
        assertThat(reasons(system, "2.0.0")).anySatisfy(r -> assertThat(r).contains("was invalidated")
                .contains("New revision 2 of required evidence MODEL_CARD 'model-card.md'"));
        String pid = openRequest(system, "2.0.0").get("processInstanceId").asText();
        assertThat(variable(mia, pid, "stateDifference")).contains("Required evidence MODEL_CARD 'model-card.md': "
                + "revision 1");
        String afterEvidence = reapprove(system, "2.0.0", pid).get("stateDigest").asText();
        assertThat(afterEvidence).isNotEqualTo(digest);

        // 2. A changed artefact digest (an APPROVED version's artefact may be replaced; its approval may not stay).
        String artefact = sha256();
        mia.patch(versionsPath(system) + "/2.0.0", Map.of("artifactSha256", artefact)).expect(200);
        assertThat(reasons(system, "2.0.0")).anySatisfy(r -> assertThat(r).contains("Artefact digest changed")
                .contains("sha256:" + artefact));
        // Now in re-approval: the artefact cannot change under the reviewers.
        assertProblem(mia.patch(versionsPath(system) + "/2.0.0", Map.of("artifactSha256", sha256())).expect(409),
                "artifactSha256");
        pid = openRequest(system, "2.0.0").get("processInstanceId").asText();
        assertThat(variable(mia, pid, "stateDifference")).contains("Artefact digest changed");
        JsonNode afterArtefact = reapprove(system, "2.0.0", pid);
        assertThat(afterArtefact.get("artifactSha256").asText()).isEqualTo(artefact);
        assertThat(afterArtefact.get("stateDigest").asText()).isNotEqualTo(afterEvidence);

        // 3. The board-accepted HIGH risk is re-rated CRITICAL: its acceptance no longer covers it.
        Map<String, Object> rerated = riskBody(5, 5, "Unfair outcomes for a minority group");
        sam.put(risksPath(system) + "/" + acceptedRisk, rerated).expect(200);
        assertThat(reasons(system, "2.0.0")).anySatisfy(r -> assertThat(r)
                .contains("Risk " + acceptedRisk + " 'Unfair outcomes for a minority group' re-rated: now CRITICAL"));
        JsonNode halted = openRequest(system, "2.0.0");
        assertThat(halted.get("status").asText()).isEqualTo("HALTED");
        pid = halted.get("processInstanceId").asText();
        assertThat(variable(olivia, pid, "stateDifference")).contains("severity HIGH -> CRITICAL");
        grace.post(risksPath(system) + "/" + acceptedRisk + "/transitions", Map.of("status", "ACCEPTED",
                "rationale", "Board accepts the CRITICAL rating for the pilot.", "expiresOn", inDays(30))).expect(200);
        complete(olivia, task(olivia, pid, "task_remediate_risks"), Map.of("remediationAction", "RESUBMIT"));
        assertThat(reapprove(system, "2.0.0", pid).get("stateDigest").asText())
                .isNotEqualTo(afterArtefact.get("stateDigest").asText());
        assertThat(jdbc.queryForList("select status from deployment_approval where version_id = ? order by id",
                String.class, versionId)).containsExactly("INVALIDATED", "INVALIDATED", "INVALIDATED", "CURRENT");
    }

    @Test
    void aRiskAcceptanceNeedsAnExpiryAndAtItsExpiryTheRiskHaltsTheDeploymentAgain() {
        long system = system("Bound expiry");
        version(system, "3.0.0");
        long riskId = sam.post(risksPath(system), riskBody(2, 5, "Unfair outcomes for a minority group")).expect(201)
                .json().get("id").asLong();
        String transitions = risksPath(system) + "/" + riskId + "/transitions";
        // The board must give the acceptance of a HIGH risk an expiry, within the maximum (12 months by default).
        assertProblem(grace.post(transitions, Map.of("status", "ACCEPTED", "rationale", RATIONALE)).expect(400),
                "expiresOn");
        assertProblem(grace.post(transitions, Map.of("status", "ACCEPTED", "rationale", RATIONALE, "expiresOn",
                inDays(400))).expect(400), "expiresOn");
        assertProblem(grace.post(transitions, Map.of("status", "ACCEPTED", "rationale", RATIONALE, "expiresOn",
                inDays(0))).expect(400), "expiresOn");
        assertProblem(grace.post(transitions, Map.of("status", "ACCEPTED", "rationale", RATIONALE, "expiresOn",
                "next spring")).expect(400), "expiresOn");
        assertThat(ben.get(risksPath(system) + "/" + riskId).expect(200).json().get("status").asText())
                .isEqualTo("OPEN");
        JsonNode accepted = grace.post(transitions, Map.of("status", "ACCEPTED", "rationale", RATIONALE,
                "expiresOn", inDays(60))).expect(200).json();
        assertThat(accepted.get("acceptanceExpiresOn").asText()).isEqualTo(inDays(60));
        approve(system, "3.0.0");

        // The engine's timers: the owner is reminded ahead (30 days by default), then the acceptance lapses.
        ProcessInstance watch = runtimeService.createProcessInstanceQuery().processDefinitionKey("risk-acceptance")
                .processInstanceBusinessKey("risk-" + riskId).singleResult();
        assertThat(watch).isNotNull();
        Job reminder = timer(watch, "timer_reminder_due");
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(LocalDate.parse(inDays(30))
                .atStartOfDay(ZoneOffset.UTC).toInstant());
        managementService.executeJob(reminder.getId());
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient = 'mia' and subject like ?",
                Long.class, "Risk acceptance expires on " + inDays(60) + ": risk " + riskId + "%")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient = 'governance-board' and "
                + "subject like ?", Long.class, "%: risk " + riskId + " of %")).isEqualTo(1);
        ben.get(decisionPath(system, "3.0.0")).expect(200);

        Job expiry = timer(watch, "timer_acceptance_expires");
        assertThat(expiry.getDuedate().toInstant()).isEqualTo(LocalDate.parse(inDays(60))
                .atStartOfDay(ZoneOffset.UTC).toInstant());
        managementService.executeJob(expiry.getId());

        JsonNode lapsed = ben.get(risksPath(system) + "/" + riskId).expect(200).json();
        assertThat(lapsed.get("status").asText()).isEqualTo("OPEN");
        assertThat(lapsed.get("statusReason").asText()).contains("expired on " + inDays(60));
        assertThat(lapsed.hasNonNull("acceptedBy")).isFalse();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(watch.getId()).count()).isZero();
        // Unresolved again: the deployment halts (the pipeline check and the re-approval the lapse started).
        assertThat(reasons(system, "3.0.0"))
                .anySatisfy(r -> assertThat(r).contains("Risk " + riskId).contains("HIGH").contains("status OPEN"))
                .anySatisfy(r -> assertThat(r).contains("The acceptance of HIGH risk " + riskId).contains("lapsed"));
        JsonNode halted = openRequest(system, "3.0.0");
        assertThat(halted.get("status").asText()).isEqualTo("HALTED");
        assertThat(texts(halted.get("haltReasons"))).anySatisfy(r -> assertThat(r).contains("Risk " + riskId));
        assertThat(ben.get("/api/systems/" + system + "/risk-assessment").expect(200).json().get("blocked")
                .asBoolean()).isTrue();
        assertThat(alex.get("/api/audit?systemId=" + system + "&kind=RISK_ACCEPTANCE_EXPIRED").expect(200).json()
                .at("/page/totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void aNewIncidentHoldInvalidatesTheApprovalAndTheReapprovalWaitsForTheIncident() {
        long system = system("Bound hold");
        version(system, "4.0.0");
        approve(system, "4.0.0");

        Map<String, Object> report = new HashMap<>();
        report.put("systemId", system);
        report.put("versionLabels", List.of("4.0.0"));
        report.put("type", "DATA_POISONING");
        report.put("description", "Poisoned records found in the training feed");
        report.put("detectedAt", Instant.now().minus(Duration.ofMinutes(30)).toString());
        JsonNode incident = mia.post("/api/incidents", report).expect(201).json();
        long incidentId = incident.get("id").asLong();

        assertThat(reasons(system, "4.0.0")).anySatisfy(r -> assertThat(r).contains("was invalidated")
                .contains("New incident hold: Suspended by incident " + incidentId));
        JsonNode version = ben.get(versionsPath(system) + "/4.0.0").expect(200).json();
        assertThat(version.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(version.get("heldStatus").asText()).isEqualTo("HALTED");
        JsonNode held = openRequest(system, "4.0.0");
        assertThat(held.get("status").asText()).isEqualTo("HALTED");
        String pid = held.get("processInstanceId").asText();
        assertThat(task(olivia, pid, "task_await_incident_resolution").get("assignee").asText()).isEqualTo("olivia");
        assertThat(variable(olivia, pid, "stateDifference")).isNotBlank();
    }

    // ---- helpers

    long system(String prefix) {
        long id = SystemFixtures.registerSystem(olivia, prefix + " " + UUID.randomUUID().toString().substring(0, 8),
                "MINIMAL");
        walk().passGatesBeforeDeployment(id, "MINIMAL", AbstractApiScenarios.VALIDATED_BASELINE);
        return id;
    }

    /** A version with its model card (the deployment gate's required evidence); answers its id. */
    long version(long system, String label) {
        return EvidenceFixtures.versionWithModelCard(mia, system, label, sha256());
    }

    /** Submitted by olivia, reviewed by mia and sam, approved by oscar: the pipeline check's 200 answer. */
    JsonNode approve(long system, String label) {
        JsonNode request = olivia.post(requestsPath(system, label), Map.of("note", "Release " + label)).expect(201)
                .json();
        assertThat(request.get("status").asText()).as(request.toString()).isEqualTo("IN_REVIEW");
        return reapprove(system, label, request.get("processInstanceId").asText());
    }

    /**
     * The reviews and the Accountable approval of an open request; the submitter (olivia) may not decide it. Answers
     * the pipeline check's 200.
     */
    JsonNode reapprove(long system, String label, String pid) {
        review(mia, pid, "task_technical_review");
        review(sam, pid, "task_security_review");
        String approval = task(oscar, pid, "task_accountable_approval").get("id").asText();
        assertThat(olivia.post("/engine-rest/task/" + approval + "/claim", Map.of("userId", "olivia")).status())
                .isEqualTo(403);
        review(oscar, pid, "task_accountable_approval");
        assertThat(versionStatus(system, label)).isEqualTo("APPROVED");
        JsonNode allowed = ben.get(decisionPath(system, label)).expect(200).json();
        assertThat(allowed.get("allowed").asBoolean()).isTrue();
        assertThat(allowed.get("stateDigest").asText()).matches(DIGEST);
        return allowed;
    }

    void review(Caller reviewer, String pid, String key) {
        String id = task(reviewer, pid, key).get("id").asText();
        reviewer.post("/engine-rest/task/" + id + "/claim", Map.of("userId", reviewer.userId())).expect(204);
        reviewer.post("/engine-rest/task/" + id + "/complete", decision("APPROVE", RATIONALE)).expect(204);
    }

    JsonNode task(Caller caller, String pid, String key) {
        JsonNode tasks = caller.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + key)
                .expect(200).json();
        assertThat(tasks).as(caller + " sees one open " + key + " of " + pid).hasSize(1);
        return tasks.get(0);
    }

    void complete(Caller caller, JsonNode task, Map<String, Object> variables) {
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        caller.post("/engine-rest/task/" + task.get("id").asText() + "/complete", Map.of("variables", typed))
                .expect(204);
    }

    String variable(Caller caller, String pid, String name) {
        JsonNode tasks = caller.get("/engine-rest/task?processInstanceId=" + pid).expect(200).json();
        assertThat(tasks).as(caller + " sees a task of " + pid).isNotEmpty();
        return caller.get("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/variables/" + name).expect(200)
                .json().get("value").asText();
    }

    /** The version's one open deployment request (in review or halted). */
    JsonNode openRequest(long system, String label) {
        List<JsonNode> open = new java.util.ArrayList<>();
        ben.get(requestsPath(system, label)).expect(200).json().forEach(r -> {
            if (List.of("IN_REVIEW", "HALTED").contains(r.get("status").asText())) {
                open.add(r);
            }
        });
        assertThat(open).as("open requests of " + label).hasSize(1);
        return open.get(0);
    }

    List<String> reasons(long system, String label) {
        Response refused = ben.get(decisionPath(system, label)).expect(409);
        assertProblem(refused, "versionLabel");
        return texts(refused.json().get("reasons"));
    }

    String versionStatus(long system, String label) {
        return ben.get(versionsPath(system) + "/" + label).expect(200).json().get("status").asText();
    }

    Job timer(ProcessInstance instance, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(activityId).singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        return job;
    }

    static String inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
    }
}
