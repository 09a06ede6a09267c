package io.aimsgate.api;

import static io.aimsgate.api.AbstractApiScenarios.assertProblem;
import static io.aimsgate.api.AbstractApiScenarios.riskBody;
import static io.aimsgate.api.AbstractApiScenarios.systemBody;
import static io.aimsgate.api.AbstractApiScenarios.uniqueToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.controls.AnnexACatalogueTest;
import io.aimsgate.support.AsDemoUsers;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.EvidenceFixtures;
import io.aimsgate.support.ProcessEngineBinding;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Controls, the Statement of Applicability and obligations over HTTP, on the whole application with the demo data
 * (which carries an approved SoA version), run by each concrete subclass on its own database. The SoA is one per
 * organisation: {@link #soaVersionsAreReviewedApprovedSupersededAndExported} is the only test that submits versions,
 * and it ends with a version left in review (the board's only demo member may not approve what she submitted).
 */
@ExtendWith(ProcessEngineBinding.class)
abstract class AbstractControlsScenarios extends AsDemoUsers {

    static final String RATIONALE = "Checked every exclusion and status of this version.";


    @Test
    void theCatalogueHasThe38ControlsWithTheirCrosswalkAndIsSearchable() {
        JsonNode all = ben.get("/api/controls").expect(200).json();
        List<String> ids = new ArrayList<>();
        all.forEach(c -> ids.add(c.get("controlId").asText()));
        assertThat(ids).containsExactlyElementsOf(AnnexACatalogueTest.REFERENCE_IDS);
        JsonNode a624 = ben.get("/api/controls/A.6.2.4").expect(200).json();
        assertThat(a624.get("title").asText()).isEqualTo("Verification and validation");
        assertThat(a624.get("objectiveId").asText()).isEqualTo("A.6");
        assertThat(texts(a624.at("/crosswalk/EU_AI_ACT"))).contains("Art. 15");
        assertThat(texts(a624.at("/crosswalk/NIST_AI_RMF"))).contains("MEASURE 2.11");

        // framework keeps the controls that map to it; q searches that framework's references
        JsonNode iso = ben.get("/api/controls?framework=ISO_27001").expect(200).json();
        assertThat(iso.size()).isBetween(1, 37);
        iso.forEach(c -> assertThat(c.at("/crosswalk/ISO_27001").size()).isPositive());
        JsonNode art10 = ben.get("/api/controls?framework=EU_AI_ACT&q=Art.%2010").expect(200).json();
        assertThat(idsOf(art10)).contains("A.4.3", "A.7.2", "A.7.4", "A.7.5", "A.7.6").doesNotContain("A.2.2");
        JsonNode genai = ben.get("/api/controls?framework=NIST_AI_600_1&q=confabulation").expect(200).json();
        assertThat(idsOf(genai)).contains("A.6.2.4").doesNotContain("A.10.3");
        assertThat(idsOf(ben.get("/api/controls?q=supplier").expect(200).json())).contains("A.10.3");
        assertThat(idsOf(ben.get("/api/controls?q=A.7").expect(200).json()))
                .containsExactly("A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6");

        assertProblem(ben.get("/api/controls?framework=ISO_9001").expect(400), "framework");
        assertProblem(ben.get("/api/controls?q=" + "x".repeat(201)).expect(400), "q");
        assertProblem(ben.get("/api/controls/A.2.1").expect(404), "controlId");
        assertProblem(ben.get("/api/controls/A.16.1").expect(404), "controlId");
        guest.get("/api/controls").expect(403);
        api.anonymous().get("/api/controls").expect(401);
    }

    @Test
    void aControlIsRecordedWithItsJustificationStatusAndOwnerInTheLedger() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("applicable", true);
        record.put("justification", "Our ML platform team keeps a register of frameworks per system.");
        record.put("implementationStatus", "PARTIAL");
        record.put("owner", "mia");
        JsonNode recorded = sam.put("/api/controls/A.4.4", record).expect(200).json();
        assertThat(recorded.get("applicable").asBoolean()).isTrue();
        assertThat(recorded.get("implementationStatus").asText()).isEqualTo("PARTIAL");
        assertThat(recorded.get("owner").asText()).isEqualTo("mia");
        assertThat(recorded.get("changedBy").asText()).isEqualTo("sam");
        assertThat(ben.get("/api/controls/A.4.4").expect(200).json().get("justification").asText())
                .isEqualTo("Our ML platform team keeps a register of frameworks per system.");
        JsonNode ledger = grace.get("/api/audit?kind=CONTROL_RECORDED&actor=sam&size=5").expect(200).json();
        assertThat(ledger.at("/content/0/subjectId").asText()).isEqualTo("A.4.4");

        // the justification is required either way; the status goes with the applicability; applicable needs an owner
        Map<String, Object> excluded = new LinkedHashMap<>(record);
        excluded.put("applicable", false);
        assertProblem(sam.put("/api/controls/A.4.4", excluded).expect(400), "implementationStatus");
        excluded.put("implementationStatus", "NOT_APPLICABLE");
        excluded.remove("justification");
        assertProblem(sam.put("/api/controls/A.4.4", excluded).expect(400), "justification");
        Map<String, Object> notApplicableStatus = new LinkedHashMap<>(record);
        notApplicableStatus.put("implementationStatus", "NOT_APPLICABLE");
        assertProblem(sam.put("/api/controls/A.4.4", notApplicableStatus).expect(400), "implementationStatus");
        Map<String, Object> ownerless = new LinkedHashMap<>(record);
        ownerless.remove("owner");
        assertProblem(sam.put("/api/controls/A.4.4", ownerless).expect(400), "owner");
        assertProblem(sam.put("/api/controls/A.99.9", record).expect(404), "controlId");
        // Informed groups and engineers read, they do not record
        ben.put("/api/controls/A.4.4", record).expect(403);
        mia.put("/api/controls/A.4.4", record).expect(403);
    }

    @Test
    void controlsTreatRisksAndTheGapsAreListed() {
        long system = olivia.post("/api/systems", systemBody("Controls gap " + uniqueToken(), "HIGH")).expect(201)
                .json().get("id").asLong();
        long severe = sam.post("/api/systems/" + system + "/risks", riskBody(5, 5, "Model extraction via API"))
                .expect(201).json().get("id").asLong();
        assertThat(riskIds(ben.get("/api/controls/untreated-high-risks").expect(200).json())).contains(severe);
        assertThat(sam.get("/api/systems/" + system + "/risks/" + severe).expect(200).json()
                .get("treatedByControls")).isEmpty();

        List<Long> treated = new ArrayList<>();
        ben.get("/api/controls/A.6.2.6").expect(200).json().get("riskIds").forEach(r -> treated.add(r.asLong()));
        treated.add(severe);
        JsonNode control = sam.put("/api/controls/A.6.2.6/risks", Map.of("riskIds", treated)).expect(200).json();
        assertThat(riskIds(control.get("riskIds"))).contains(severe);
        assertThat(texts(sam.get("/api/systems/" + system + "/risks/" + severe).expect(200).json()
                .get("treatedByControls"))).containsExactly("A.6.2.6");
        assertThat(texts(sam.get("/api/systems/" + system + "/risks").expect(200).json()
                .at("/content/0/treatedByControls"))).containsExactly("A.6.2.6");
        assertThat(riskIds(ben.get("/api/controls/untreated-high-risks").expect(200).json())).doesNotContain(severe);
        assertThat(idsOf(ben.get("/api/controls/treating-no-risk").expect(200).json())).doesNotContain("A.6.2.6")
                .allSatisfy(id -> assertThat(AnnexACatalogueTest.REFERENCE_IDS).contains(id));

        assertProblem(sam.put("/api/controls/A.6.2.6/risks", Map.of("riskIds", List.of(severe, 987654321L)))
                .expect(404), "riskIds");
        assertProblem(sam.put("/api/controls/A.6.2.6/risks", Map.of("riskIds", List.of(-1))).expect(400), "riskIds[0]");

        // evidence of the evidence store shows a control at work
        long revision = EvidenceFixtures.attach(sam, "SYSTEM", system, "TEST_RESULTS", "extraction-test.md");
        long file = sam.get("/api/evidence?subjectType=SYSTEM&subjectId=" + system).expect(200).json().get(0)
                .get("fileId").asLong();
        assertThat(revision).isPositive();
        JsonNode withEvidence = sam.put("/api/controls/A.6.2.6/evidence", Map.of("evidenceFileIds", List.of(file)))
                .expect(200).json();
        assertThat(riskIds(withEvidence.get("evidenceFileIds"))).containsExactly(file);
        assertProblem(sam.put("/api/controls/A.6.2.6/evidence", Map.of("evidenceFileIds", List.of(987654321L)))
                .expect(404), "evidenceFileIds");
    }

    @Test
    void soaVersionsAreReviewedApprovedSupersededAndExported() throws IOException {
        // the demo's approved version is in force
        JsonNode before = ben.get("/api/soa/current").expect(200).json();
        assertThat(before.get("status").asText()).isEqualTo("APPROVED");
        assertThat(before.get("entries")).hasSize(38);
        int previous = before.get("versionNo").asInt();

        JsonNode submitted = olivia.post("/api/soa/versions", Map.of("note", "Adds the register of tooling (A.4.4).",
                "basedOnVersionNo", previous)).expect(201).json();
        long id = submitted.get("id").asLong();
        assertThat(submitted.get("versionNo").asInt()).isEqualTo(previous + 1);
        assertThat(submitted.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(submitted.get("submittedBy").asText()).isEqualTo("olivia");
        assertThat(submitted.get("entries")).hasSize(38);
        assertThat(submitted.get("contentSha256").asText()).matches("[0-9a-f]{64}");
        // one version in review at a time; the version in force stays until the board approves
        assertProblem(grace.post("/api/soa/versions", Map.of("note", "A second version at the same time."))
                .expect(409), "controls");
        assertThat(ben.get("/api/soa/current").expect(200).json().get("versionNo").asInt()).isEqualTo(previous);
        assertProblem(olivia.post("/api/soa/versions", Map.of("note", "short")).expect(400), "note");
        assertProblem(olivia.post("/api/soa/versions", Map.of("note", "Based on an older version.",
                "basedOnVersionNo", previous - 1)).expect(409), "basedOnVersionNo");
        sam.post("/api/soa/versions", Map.of("note", "Security may not submit a version.")).expect(403);

        String pid = submitted.get("processInstanceId").asText();
        // the submitter may not review or approve; security, legal and the board do, in that order
        complete(sam, pid, "task_security_review", "APPROVE");
        complete(lena, pid, "task_legal_review", "APPROVE");
        complete(grace, pid, "task_board_approval", "APPROVE");

        JsonNode approved = ben.get("/api/soa/versions/" + id).expect(200).json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("decidedBy").asText()).isEqualTo("grace");
        assertThat(approved.get("decisionRationale").asText()).isEqualTo(RATIONALE);
        assertThat(ben.get("/api/soa/current").expect(200).json().get("id").asLong()).isEqualTo(id);
        JsonNode versions = ben.get("/api/soa/versions").expect(200).json();
        assertThat(versions.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(versions.get(1).get("status").asText()).isEqualTo("SUPERSEDED");
        // recorded in the ledger through the one gate model
        JsonNode passed = grace.get("/api/audit?kind=GATE_PASSED&size=50").expect(200).json();
        assertThat(passed.get("content")).anySatisfy(e -> {
            assertThat(e.get("processInstanceId").asText()).isEqualTo(pid);
            assertThat(e.get("actor").asText()).isEqualTo("grace");
        });

        // exports: CSV (one row per control), JSON, PDF read back with PDFBox
        HttpResponse<byte[]> csv = alex.download("/api/soa/versions/" + id + "/export?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("control_id,objective,title,applicable,justification,"
                + "implementation_status,owner,risk_ids,evidence_file_ids");
        assertThat(lines.stream().filter(l -> l.startsWith("A.")).count()).isEqualTo(38);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("A.4.4,A.4,").contains(",yes,")
                .contains("PARTIAL,mia"));
        HttpResponse<byte[]> json = alex.download("/api/soa/versions/" + id + "/export?format=json");
        JsonNode exported = new ObjectMapper().readTree(json.body());
        assertThat(exported.get("versionNo").asInt()).isEqualTo(previous + 1);
        assertThat(exported.get("entries")).hasSize(38);
        HttpResponse<byte[]> pdf = alex.download("/api/soa/versions/" + id + "/export?format=pdf");
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Statement of Applicability, version " + (previous + 1))
                    .contains("Decided by grace").contains("A.10.4").contains("A.6.2.8");
        }
        assertProblem(alex.get("/api/soa/versions/" + id + "/export?format=xml").expect(400), "format");
        assertProblem(alex.get("/api/soa/versions/" + id + "/export").expect(400), "format");
        assertProblem(alex.get("/api/soa/versions/987654321").expect(404), "versionId");

        // a rejection keeps the version in force
        JsonNode rejectedVersion = olivia.post("/api/soa/versions", Map.of("note", "Tries to exclude A.6.2.8."))
                .expect(201).json();
        complete(sam, rejectedVersion.get("processInstanceId").asText(), "task_security_review", "REJECT");
        assertThat(ben.get("/api/soa/versions/" + rejectedVersion.get("id").asLong()).expect(200).json()
                .get("status").asText()).isEqualTo("REJECTED");
        assertThat(ben.get("/api/soa/current").expect(200).json().get("id").asLong()).isEqualTo(id);

        // segregation of duties: the board member who submitted a version may not approve it
        JsonNode own = grace.post("/api/soa/versions", Map.of("note", "Board member submits a version herself."))
                .expect(201).json();
        String ownPid = own.get("processInstanceId").asText();
        complete(sam, ownPid, "task_security_review", "APPROVE");
        complete(lena, ownPid, "task_legal_review", "APPROVE");
        String task = openTask(grace, ownPid, "task_board_approval");
        Response claim = grace.post("/engine-rest/task/" + task + "/claim", Map.of("userId", "grace"));
        assertThat(claim.status()).as(claim.toString()).isEqualTo(403);
        assertThat(claim.json().get("message").asText()).startsWith("Segregation of duties: grace submitted");
        assertThat(ben.get("/api/soa/versions/" + own.get("id").asLong()).expect(200).json().get("status").asText())
                .isEqualTo("IN_REVIEW");
    }

    @Test
    void obligationsFollowTheTierTheRoleAndTheDatesOfTheData() {
        long high = olivia.post("/api/systems", systemBody("Obligations high " + uniqueToken(), "HIGH")).expect(201)
                .json().get("id").asLong();
        JsonNode before = ben.get("/api/systems/" + high + "/obligations?at=2027-06-01").expect(200).json();
        assertThat(texts(before.get("roles"))).containsExactly("PROVIDER", "DEPLOYER");
        assertThat(before.get("routeKnown").asBoolean()).isFalse();
        JsonNode riskManagement = obligation(before, "HR_RISK_MANAGEMENT");
        // without a screening the earliest high-risk date applies: Annex III, 2 Dec 2027 (moved from 2 Aug 2026)
        assertThat(riskManagement.get("appliesFrom").asText()).isEqualTo("2027-12-02");
        assertThat(riskManagement.get("appliedFromBeforeAmendment").asText()).isEqualTo("2026-08-02");
        assertThat(riskManagement.get("inForce").asBoolean()).isFalse();
        assertThat(obligation(before, "AI_LITERACY").get("inForce").asBoolean()).isTrue();
        assertThat(obligation(ben.get("/api/systems/" + high + "/obligations?at=2027-12-02").expect(200).json(),
                "HR_RISK_MANAGEMENT").get("inForce").asBoolean()).isTrue();
        JsonNode deployer = ben.get("/api/systems/" + high + "/obligations?role=DEPLOYER&at=2028-01-01").expect(200)
                .json();
        assertThat(idsOf(deployer.get("obligations"), "id")).contains("HR_DEPLOYER_USE", "AI_LITERACY")
                .doesNotContain("HR_RISK_MANAGEMENT", "HR_FRIA");

        Map<String, Object> chat = systemBody("Obligations chat " + uniqueToken(), "TRANSPARENCY");
        chat.put("aiType", "GENERATIVE");
        chat.put("supplierType", "THIRD_PARTY");
        chat.put("supplierName", "Example LLM Vendor");
        long thirdParty = olivia.post("/api/systems", chat).expect(201).json().get("id").asLong();
        JsonNode chatObligations = ben.get("/api/systems/" + thirdParty + "/obligations?at=2026-12-06").expect(200)
                .json();
        assertThat(texts(chatObligations.get("roles"))).containsExactly("DEPLOYER");
        assertThat(idsOf(chatObligations.get("obligations"), "id")).contains("TRANSPARENCY_DEEPFAKE",
                "NO_INTIMATE_IMAGERY", "AI_LITERACY").doesNotContain("TRANSPARENCY_INTERACTION",
                "HR_RISK_MANAGEMENT");
        assertThat(obligation(chatObligations, "NO_INTIMATE_IMAGERY").get("appliesFrom").asText())
                .isEqualTo("2026-12-02");

        // the demo's credit scoring system passed inception as an Annex III (essential services) system
        long credit = ben.get("/api/systems?q=Credit%20Scoring%20Model").expect(200).json().at("/content/0/id")
                .asLong();
        JsonNode creditObligations = ben.get("/api/systems/" + credit + "/obligations?at=2028-01-01").expect(200)
                .json();
        assertThat(texts(creditObligations.get("highRiskRoutes"))).containsExactly("ANNEX_III");
        assertThat(creditObligations.get("routeKnown").asBoolean()).isTrue();
        assertThat(obligation(creditObligations, "HR_FRIA").get("inForce").asBoolean()).isTrue();

        assertProblem(ben.get("/api/systems/" + high + "/obligations?role=IMPORTER").expect(400), "role");
        assertProblem(ben.get("/api/systems/" + high + "/obligations?at=tomorrow").expect(400), "at");
        assertProblem(ben.get("/api/systems/" + high + "/obligations?at=1999-01-01").expect(400), "at");
        assertProblem(ben.get("/api/systems/987654321/obligations").expect(404), "systemId");
        guest.get("/api/systems/" + high + "/obligations").expect(403);
    }

    // ---- helpers

    private String openTask(Caller caller, String processInstanceId, String taskKey) {
        JsonNode tasks = caller.get("/engine-rest/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey="
                + taskKey).expect(200).json();
        assertThat(tasks).as(taskKey).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private void complete(Caller caller, String processInstanceId, String taskKey, String decision) {
        String task = openTask(caller, processInstanceId, taskKey);
        caller.post("/engine-rest/task/" + task + "/claim", Map.of("userId", caller.userId())).expect(204);
        caller.post("/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
                "decision", Map.of("value", decision), "rationale", Map.of("value", RATIONALE)))).expect(204);
    }

    private static JsonNode obligation(JsonNode view, String id) {
        for (JsonNode o : view.get("obligations")) {
            if (o.get("id").asText().equals(id)) {
                return o;
            }
        }
        throw new AssertionError("no obligation " + id + " in " + view);
    }

    private static List<String> idsOf(JsonNode controls) {
        return idsOf(controls, "controlId");
    }

    private static List<String> idsOf(JsonNode items, String field) {
        List<String> ids = new ArrayList<>();
        items.forEach(c -> ids.add(c.get(field).asText()));
        return ids;
    }

    private static List<Long> riskIds(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(r -> ids.add(r.isObject() ? r.get("riskId").asLong() : r.asLong()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
