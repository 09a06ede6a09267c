package io.aimsgate.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.AsDemoUsers;
import io.aimsgate.support.LifecycleWalk;
import io.aimsgate.support.SystemFixtures;
import io.aimsgate.support.WebappSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The evidence store over real HTTP, on H2 and on PostgreSQL: the round trip with its digest, revisions, every refused
 * upload (nothing written), and the gates refusing to pass without their required evidence or with expired evidence.
 */
abstract class AbstractEvidenceScenarios extends AsDemoUsers {

    @Autowired
    io.aimsgate.shared.CommittedChanges committedChanges;

    @Autowired
    ProcessEngine engine;

    @Test
    void anUploadComesBackByteForByteWithItsDigestAndANewUploadIsANewRevision() throws Exception {
        long system = newSystem("MINIMAL");
        byte[] first = pdf(3 * 1024 * 1024 + 17, 1);
        JsonNode stored = upload(mia, "SYSTEM", system, "VALIDATION_REPORT", "report.pdf", first, "application/pdf")
                .expect(201).json();
        assertThat(stored.get("sha256").asText()).isEqualTo(sha256(first));
        assertThat(stored.get("size").asLong()).isEqualTo(first.length);
        assertThat(stored.get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(stored.get("uploadedBy").asText()).isEqualTo("mia");
        assertThat(stored.get("revision").asInt()).isEqualTo(1);

        HttpResponse<byte[]> download = ben.download(stored.get("contentUrl").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(sha256(download.body())).isEqualTo(stored.get("sha256").asText());
        assertThat(download.body()).isEqualTo(first);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Repr-Digest")).hasValue("sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(first))) + ":");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("report.pdf");

        byte[] second = pdf(200_000, 2);
        JsonNode revised = upload(olivia, "SYSTEM", system, "VALIDATION_REPORT", "report.pdf", second,
                "application/pdf").expect(201).json();
        assertThat(revised.get("revision").asInt()).isEqualTo(2);
        assertThat(revised.get("fileId").asLong()).isEqualTo(stored.get("fileId").asLong());
        assertThat(ben.download(stored.get("contentUrl").asText()).body()).isEqualTo(first);
        assertThat(ben.download(revised.get("contentUrl").asText()).body()).isEqualTo(second);

        JsonNode files = ben.get(listPath("SYSTEM", system)).expect(200).json();
        assertThat(files).hasSize(1);
        assertThat(files.at("/0/current/revision").asInt()).isEqualTo(2);
        assertThat(files.at("/0/revisions")).hasSize(2);
        assertThat(files.at("/0/revisions/1/sha256").asText()).isEqualTo(sha256(first));
        assertThat(ben.download("/api/evidence/" + stored.get("fileId").asLong() + "/revisions/3/content")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void theMediaTypeIsTheContentsNotTheClientsAndEverySubjectKindResolvesToItsSystem() {
        long system = newSystem("MINIMAL");
        byte[] markdown = "# Model card\n\nIntended use: ranking.\n".getBytes(StandardCharsets.UTF_8);
        assertThat(upload(mia, "SYSTEM", system, "MODEL_CARD", "card.md", markdown, null).expect(201).json()
                .get("mediaType").asText()).isEqualTo("text/markdown");
        assertThat(upload(mia, "SYSTEM", system, "OTHER", "blob", markdown, "application/octet-stream").expect(201)
                .json().get("mediaType").asText()).isEqualTo("text/plain");
        long version = mia.post("/api/systems/" + system + "/versions", Map.of("versionLabel", "1.0.0",
                "artifactSha256", "c".repeat(64))).expect(201).json().get("id").asLong();
        upload(mia, "MODEL_VERSION", version, "MODEL_CARD", "card.md", markdown, "text/markdown").expect(201);
        assertThat(ben.get(listPath("MODEL_VERSION", version)).expect(200).json()).hasSize(1);
        assertThat(upload(mia, "MODEL_VERSION", 999_999_999L, "MODEL_CARD", "card.md", markdown, "text/markdown")
                .expect(404).problemFields()).containsOnly("subjectId");
    }

    static Stream<Arguments> refusedUploads() throws IOException {
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(jar)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\r\nMain-Class: Evil\r\n".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        byte[] png = bytes(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1);
        byte[] text = "Plain notes of the review meeting.\n".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("empty", new byte[0], "notes.txt", "text/plain", 400, "file"),
                Arguments.of("PNG declared as PDF", png, "chart.png", "application/pdf", 415, "Content-Type"),
                Arguments.of("text named .pdf", text, "report.pdf", "application/pdf", 415, "fileName"),
                Arguments.of("Windows PE", bytes('M', 'Z', 0x90, 0, 3, 0, 0, 0, 4, 0), "report.pdf", null, 415, "file"),
                Arguments.of("ELF", bytes(0x7f, 'E', 'L', 'F', 2, 1, 1, 0), "model.bin", null, 415, "file"),
                Arguments.of("Mach-O", bytes(0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1), "model.bin", null, 415, "file"),
                Arguments.of("shell script", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII),
                        "notes.txt", "text/plain", 415, "file"),
                Arguments.of("batch file named .bat", "@echo off\r\ndel *\r\n".getBytes(StandardCharsets.US_ASCII),
                        "run.bat", null, 415, "file"),
                Arguments.of("Java archive", jar.toByteArray(), "bundle.zip", "application/zip", 415, "file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedUploads")
    void aRefusedUploadIsProblemJsonNamingTheFieldAndWritesNothing(String what, byte[] body, String fileName,
            String contentType, int status, String field) {
        long system = newSystem("MINIMAL");
        int files = count("evidence_file");
        int revisions = count("evidence_revision");
        int chunks = count("evidence_chunk");

        Response refused = upload(mia, "SYSTEM", system, "OTHER", fileName, body, contentType);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(status);
        assertThat(refused.isProblem()).as(refused.toString()).isTrue();
        assertThat(refused.problemFields()).containsOnly(field);
        assertThat(refused.body()).doesNotContain("Exception").doesNotContain("io.aimsgate");
        assertThat(List.of(count("evidence_file"), count("evidence_revision"), count("evidence_chunk")))
                .containsExactly(files, revisions, chunks);
        assertThat(ben.get(listPath("SYSTEM", system)).expect(200).json()).isEmpty();
    }

    @Test
    void anUploadLargerThanTheLimitIsRefusedWithoutWritingAnything() {
        long system = newSystem("MINIMAL");
        int revisions = count("evidence_revision");
        byte[] body = pdf(25 * 1024 * 1024 + 1, 3);

        Response refused = upload(mia, "SYSTEM", system, "TEST_RESULTS", "results.pdf", body, "application/pdf");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.problemFields()).containsExactly("file");
        assertThat(count("evidence_revision")).isEqualTo(revisions);
        // The limit itself is accepted.
        upload(mia, "SYSTEM", system, "TEST_RESULTS", "results.pdf", pdf(25 * 1024 * 1024, 4), "application/pdf")
                .expect(201);
    }

    @Test
    void theParametersAreCheckedAndOnlyTheRolesThatProduceEvidenceUpload() {
        long system = newSystem("MINIMAL");
        byte[] text = "Notes.\n".getBytes(StandardCharsets.UTF_8);
        String tomorrow = LocalDate.now().plusDays(1).toString();
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("/api/evidence?subjectId=" + system + "&kind=OTHER&fileName=a.txt", "subjectType");
        refusals.put("/api/evidence?subjectType=CONTROL&subjectId=" + system + "&kind=OTHER&fileName=a.txt",
                "subjectType");
        refusals.put("/api/evidence?subjectType=SYSTEM&subjectId=-1&kind=OTHER&fileName=a.txt", "subjectId");
        refusals.put("/api/evidence?subjectType=SYSTEM&subjectId=" + system + "&kind=model_card&fileName=a.txt",
                "kind");
        refusals.put("/api/evidence?subjectType=SYSTEM&subjectId=" + system + "&kind=OTHER&fileName=..%2Fa.txt",
                "fileName");
        refusals.put("/api/evidence?subjectType=SYSTEM&subjectId=" + system + "&kind=OTHER", "fileName");
        refusals.put("/api/evidence?subjectType=SYSTEM&subjectId=" + system + "&kind=OTHER&fileName=a.txt"
                + "&expiresOn=2020-01-01", "expiresOn");
        refusals.put("/api/evidence?subjectType=SYSTEM&subjectId=" + system + "&kind=OTHER&fileName=a.txt"
                + "&expiresOn=tomorrow", "expiresOn");
        refusals.forEach((path, field) -> assertThat(mia.sendBytes("POST", path, text, "text/plain").expect(400)
                .problemFields()).as(path).containsOnly(field));

        String path = "/api/evidence?subjectType=SYSTEM&subjectId=" + system + "&kind=OTHER&fileName=a.txt"
                + "&expiresOn=" + tomorrow;
        assertThat(ben.sendBytes("POST", path, text, "text/plain").status()).isEqualTo(403);
        assertThat(api.as("guest").sendBytes("POST", path, text, "text/plain").status()).isEqualTo(403);
        assertThat(api.as("admin").sendBytes("POST", path, text, "text/plain").status()).isEqualTo(403);
        assertThat(api.anonymous().sendBytes("POST", path, text, "text/plain").status()).isEqualTo(401);
        assertThat(count("evidence_file", system)).isZero();
        assertThat(sam.sendBytes("POST", path, text, "text/plain").expect(201).json().get("expiresOn").asText())
                .isEqualTo(tomorrow);
        assertThat(api.as("guest").get(listPath("SYSTEM", system)).status()).isEqualTo(403);
    }

    @Test
    void validationDoesNotPassWithoutAValidationReportAndAModelCardAndSaysWhichAreMissing() {
        long system = newSystem("MINIMAL");
        LifecycleWalk walk = walk();
        walk.passInception(system, "MINIMAL");
        walk.passDesign(system);
        long version = mia.post("/api/systems/" + system + "/versions", Map.of("versionLabel", "1.0.0",
                "artifactSha256", "d".repeat(64))).expect(201).json().get("id").asLong();
        String pid = mia.post("/api/systems/" + system + "/validations", validationResults("1.0.0")).expect(201)
                .json().get("processInstanceId").asText();
        String task = claim(oscar, pid, "task_accountable_approval");

        Response refused = oscar.post("/engine-rest/task/" + task + "/complete", approve());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("field").asText()).isEqualTo("evidence");
        assertThat(texts(refused.json().get("reasons"))).containsExactlyInAnyOrder(
                "Required evidence missing: validation report (VALIDATION_REPORT).",
                "Required evidence missing: model card (MODEL_CARD).");

        upload(mia, "SYSTEM", system, "VALIDATION_REPORT", "report.md", "# Report\n".getBytes(StandardCharsets.UTF_8),
                "text/markdown").expect(201);
        Response stillOne = oscar.post("/engine-rest/task/" + task + "/complete", approve());
        assertThat(texts(stillOne.json().get("reasons")))
                .containsExactly("Required evidence missing: model card (MODEL_CARD).");

        upload(mia, "MODEL_VERSION", version, "MODEL_CARD", "card.md", "# Card\n".getBytes(StandardCharsets.UTF_8),
                "text/markdown").expect(201);
        oscar.post("/engine-rest/task/" + task + "/complete", approve()).expect(204);
        assertThat(ben.get("/api/systems/" + system).expect(200).json().get("lifecycleStage").asText())
                .isEqualTo("DEPLOYMENT");
    }

    @Test
    void theGateFormListsTheAttachedEvidenceWithLinksATasklistSessionCanFollow() {
        long system = newSystem("MINIMAL");
        LifecycleWalk walk = walk();
        walk.passInception(system, "MINIMAL");
        walk.passDesign(system);
        mia.post("/api/systems/" + system + "/versions", Map.of("versionLabel", "1.0.0", "artifactSha256",
                "f".repeat(64))).expect(201);
        byte[] report = "# Validation report\n".getBytes(StandardCharsets.UTF_8);
        JsonNode stored = upload(mia, "SYSTEM", system, "VALIDATION_REPORT", "vv_report.md", report, "text/markdown")
                .expect(201).json();
        String pid = mia.post("/api/systems/" + system + "/validations", validationResults("1.0.0")).expect(201)
                .json().get("processInstanceId").asText();
        String task = claim(oscar, pid, "task_accountable_approval");

        // What Tasklist loads for the form: the task's variables, with the display-only Markdown summary.
        String shown = oscar.get("/engine-rest/task/" + task + "/form-variables").expect(200).json()
                .get("attachedEvidence").get("value").asText();
        String link = stored.get("contentUrl").asText();
        assertThat(shown).contains("- Validation report: [vv\\_report\\.md](" + link + "), revision 1, on the "
                + "system, uploaded by mia")
                .contains("**This gate cannot pass yet:**")
                .contains("Required evidence missing: model card \\(MODEL\\_CARD\\)\\.")
                .contains("[Attach evidence](/evidence.html?subjectType=GATE_RUN&subjectId=")
                .contains("[to the system](/evidence.html?subjectType=SYSTEM&subjectId=" + system + ")");

        // The link works from the Tasklist session (no Basic credentials), and only for the evidence endpoints.
        WebappSession tasklist = WebappSession.login(port, "oscar", Api.DEMO_PASSWORD);
        Response download = tasklist.get(link);
        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("# Validation report\n");
        Response listed = tasklist.get(listPath("SYSTEM", system)).expect(200);
        assertThat(listed.json().get(0).get("fileName").asText()).isEqualTo("vv_report.md");
        // The session's CSRF token for the evidence page's uploads (the webapps' cookie is scoped to /camunda).
        assertThat(listed.headers().firstValue("X-XSRF-TOKEN")).isPresent();
        assertThat(oscar.get(listPath("SYSTEM", system)).expect(200).headers().firstValue("X-XSRF-TOKEN")).isEmpty();
        assertThat(tasklist.get("/api/systems/" + system).status()).isEqualTo(401);
        assertThat(WebappSession.anonymous(port).get(link).status()).isEqualTo(401);

        // An upload from the session needs the webapps' CSRF token; without it nothing is written.
        String cardPath = "/api/evidence?subjectType=SYSTEM&subjectId=" + system + "&kind=MODEL_CARD&fileName=card.md";
        byte[] card = "# Card\n".getBytes(StandardCharsets.UTF_8);
        WebappSession engineer = WebappSession.login(port, "mia", Api.DEMO_PASSWORD);
        int files = count("evidence_file");
        Response forged = engineer.sendBytes("POST", cardPath, card, "text/markdown", false);
        assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
        assertThat(forged.json().get("field").asText()).isEqualTo("X-XSRF-TOKEN");
        assertThat(count("evidence_file")).isEqualTo(files);
        Response uploaded = engineer.sendBytes("POST", cardPath, card, "text/markdown", true);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.json().get("uploadedBy").asText()).isEqualTo("mia");
        // The endpoint's own rule still decides: an auditor's session lists but does not upload.
        assertThat(WebappSession.login(port, "ben", Api.DEMO_PASSWORD).sendBytes("POST", cardPath, card,
                "text/markdown", true).status()).isEqualTo(403);

        // A claim refreshes the summary: the model card is listed and nothing is missing any more.
        oscar.post("/engine-rest/task/" + task + "/unclaim", null).expect(204);
        claim(oscar, pid, "task_accountable_approval");
        assertThat(oscar.get("/engine-rest/task/" + task + "/form-variables").expect(200).json()
                .get("attachedEvidence").get("value").asText())
                .contains("- Model card: [card\\.md](").contains("This gate has all the evidence it requires.");
        oscar.post("/engine-rest/task/" + task + "/complete", approve()).expect(204);
    }

    @Test
    void expiringEvidenceGivesItsOwnersAReminderThatARenewalOrAnAcknowledgementEnds() {
        long system = newSystem("MINIMAL");
        String soon = LocalDate.now().plusDays(10).toString(); // inside the 30-day lead: the reminder is due at once
        JsonNode card = sendUpload(mia, system, "MODEL_CARD", "card.md", "# Card\n", soon);
        ProcessInstance reminder = reminderOf(card);
        Task task = reminderTask(reminder);
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(link -> link.getGroupId()).toList()).containsExactlyInAnyOrder("ml-engineers",
                        "ai-product-owners");
        assertThat(task.getDueDate().toInstant()).isEqualTo(LocalDate.parse(soon)
                .atStartOfDay(java.time.ZoneId.systemDefault()).toInstant());
        JsonNode form = mia.get("/engine-rest/task/" + task.getId() + "/form-variables").expect(200).json();
        assertThat(form.at("/fileName/value").asText()).isEqualTo("card.md");
        assertThat(form.at("/expiresOn/value").asText()).isEqualTo(soon);
        assertThat(form.at("/contentUrl/value").asText()).isEqualTo(card.get("contentUrl").asText());
        assertThat(form.at("/uploadUrl/value").asText()).isEqualTo("/evidence.html?subjectType=SYSTEM&subjectId="
                + system + "&kind=MODEL_CARD&fileName=card.md");

        // "Renewed" without a newer revision is refused, and the task stays open.
        mia.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "mia")).expect(204);
        Response notRenewed = mia.post("/engine-rest/task/" + task.getId() + "/complete", renewal("RENEWED"));
        assertThat(notRenewed.status()).as(notRenewed.toString()).isEqualTo(409);
        assertThat(notRenewed.json().get("field").asText()).isEqualTo("renewalDecision");

        // A new revision (here without an expiry date) starts no other reminder; now "renewed" is confirmed.
        sendUpload(mia, system, "MODEL_CARD", "card.md", "# Card, revised\n", null);
        mia.post("/engine-rest/task/" + task.getId() + "/complete", renewal("RENEWED")).expect(204);
        assertThat(ended(reminder)).isEqualTo("end_renewed");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(
                "evidence-file-" + card.get("fileId").asLong()).count()).isZero();

        // Renewed before the reminder is due: the reminder ends without a task, the new revision has its own.
        JsonNode report = sendUpload(mia, system, "VALIDATION_REPORT", "report.md", "# Report\n",
                LocalDate.now().plusYears(1).toString());
        ProcessInstance early = reminderOf(report);
        JsonNode renewed = sendUpload(mia, system, "VALIDATION_REPORT", "report.md", "# Report, revised\n",
                LocalDate.now().plusYears(2).toString());
        assertThat(ended(early)).isEqualTo("end_renewed_early");
        assertThat(engine.getRuntimeService().getVariable(reminderOf(renewed).getId(), "revision")).isEqualTo(2);

        // Another file lapses on purpose: the acknowledgement is a decision in the ledger, by the one who made it.
        JsonNode lineage = sendUpload(olivia, system, "DATA_LINEAGE", "lineage.md", "# Lineage\n", soon);
        Task lapse = reminderTask(reminderOf(lineage));
        olivia.post("/engine-rest/task/" + lapse.getId() + "/claim", Map.of("userId", "olivia")).expect(204);
        olivia.post("/engine-rest/task/" + lapse.getId() + "/complete", renewal("ACKNOWLEDGED")).expect(204);
        JsonNode entries = api.as("alex").get("/api/audit?systemId=" + system + "&kind=EVIDENCE_EXPIRY_ACKNOWLEDGED")
                .expect(200).json();
        assertThat(entries.at("/page/totalElements").asLong()).isEqualTo(1);
        assertThat(entries.at("/content/0/actor").asText()).isEqualTo("olivia");
        assertThat(entries.at("/content/0/snapshot/fileName").asText()).isEqualTo("lineage.md");
        assertThat(entries.at("/content/0/rationale").asText()).isEqualTo(RENEWAL_RATIONALE);
    }

    @Test
    void deploymentNeedsTheVersionsOwnModelCardAndExpiredEvidenceBlocksLikeARisk() {
        long system = newSystem("MINIMAL");
        walk().passGatesBeforeDeployment(system, "MINIMAL", "1.0.0");
        long bare = mia.post("/api/systems/" + system + "/versions", Map.of("versionLabel", "1.1.0",
                "artifactSha256", "e".repeat(64))).expect(201).json().get("id").asLong();
        String pid = walk().submitForDeployment(system, "1.1.0", Map.of("note", "Evidence scenario"))
                .get("processInstanceId").asText();
        walk().complete("mia", pid, "task_technical_review", LifecycleWalk.decision("APPROVE"));
        walk().complete("sam", pid, "task_security_review", LifecycleWalk.decision("APPROVE"));
        String approval = claim(oscar, pid, "task_accountable_approval");

        Response refused = oscar.post("/engine-rest/task/" + approval + "/complete", approve());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(texts(refused.json().get("reasons")))
                .containsExactly("Required evidence missing: model card (MODEL_CARD) of this model version.");

        JsonNode card = upload(mia, "MODEL_VERSION", bare, "MODEL_CARD", "card.md",
                "# Card 1.1.0\n".getBytes(StandardCharsets.UTF_8), "text/markdown").expect(201).json();
        oscar.post("/engine-rest/task/" + approval + "/complete", approve()).expect(204);
        String decision = "/api/systems/" + system + "/versions/1.1.0/deployment-decision";
        assertThat(ben.get(decision).expect(200).json().get("allowed").asBoolean()).isTrue();

        // The model card lapses (its expiry date passes): the pipeline check refuses the version, as for a risk.
        jdbc.update("UPDATE evidence_revision SET expires_on = ? WHERE id = ?", LocalDate.now(),
                card.get("id").asLong());
        committedChanges.changed(); // as the date passing is seen by the pipeline check's short-lived cache
        assertThat(texts(ben.get(decision).expect(409).json().get("reasons"))).contains(
                "Required evidence expired: model card (MODEL_CARD) 'card.md' expired on " + LocalDate.now() + ".");
    }

    // ---- helpers

    static final String RENEWAL_RATIONALE = "Checked with the team: see the system's plan for this document.";

    JsonNode sendUpload(Caller caller, long system, String kind, String fileName, String markdown, String expiresOn) {
        return caller.sendBytes("POST", "/api/evidence?subjectType=SYSTEM&subjectId=" + system + "&kind=" + kind
                + "&fileName=" + fileName + (expiresOn == null ? "" : "&expiresOn=" + expiresOn),
                markdown.getBytes(StandardCharsets.UTF_8), "text/markdown").expect(201).json();
    }

    ProcessInstance reminderOf(JsonNode revision) {
        ProcessInstance reminder = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("evidence-expiry")
                .processInstanceBusinessKey("evidence-file-" + revision.get("fileId").asLong()).singleResult();
        assertThat(reminder).as("reminder of %s", revision).isNotNull();
        return reminder;
    }

    /** The reminder's task, once its timer has fired (by the job executor, or here if it has not got to it yet). */
    Task reminderTask(ProcessInstance reminder) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(reminder.getId())
                    .taskDefinitionKey("task_renew_evidence").singleResult();
            if (task != null) {
                return task;
            }
            engine.getManagementService().createJobQuery().processInstanceId(reminder.getId()).timers().list()
                    .forEach(job -> {
                        try {
                            engine.getManagementService().executeJob(job.getId());
                        } catch (RuntimeException e) {
                            // The job executor took it first (a lock conflict, or the job gone mid-way): look again.
                        }
                    });
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No reminder task for " + reminder.getId());
    }

    String ended(ProcessInstance instance) {
        var history = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).singleResult();
        assertThat(history.getEndTime()).as("ended").isNotNull();
        return history.getEndActivityId();
    }

    static Map<String, Object> renewal(String decision) {
        return Map.of("variables", Map.of("renewalDecision", Map.of("value", decision, "type", "String"),
                "rationale", Map.of("value", RENEWAL_RATIONALE, "type", "String")));
    }

    Response upload(Caller caller, String subjectType, long subjectId, String kind, String fileName, byte[] body,
            String contentType) {
        return caller.sendBytes("POST", "/api/evidence?subjectType=" + subjectType + "&subjectId=" + subjectId
                + "&kind=" + kind + "&fileName=" + fileName, body, contentType);
    }

    static String listPath(String subjectType, long subjectId) {
        return "/api/evidence?subjectType=" + subjectType + "&subjectId=" + subjectId;
    }

    long newSystem(String tier) {
        return SystemFixtures.registerSystem(olivia, "Evidence " + UUID.randomUUID(), tier);
    }

    String claim(Caller caller, String pid, String taskKey) {
        JsonNode tasks = caller.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + taskKey)
                .expect(200).json();
        assertThat(tasks).as(taskKey).hasSize(1);
        String id = tasks.get(0).get("id").asText();
        caller.post("/engine-rest/task/" + id + "/claim", Map.of("userId", caller.userId())).expect(204);
        return id;
    }

    static Map<String, Object> approve() {
        return Map.of("variables", LifecycleWalk.engineVariables(LifecycleWalk.decision("APPROVE")));
    }

    static Map<String, Object> validationResults(String versionLabel) {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("versionLabel", versionLabel);
        results.put("metrics", List.of(Map.of("kind", "PERFORMANCE", "metric", "accuracy", "value", 0.91)));
        results.put("robustnessNotes", "Perturbation tests pass.");
        results.put("explainabilityNotes", "Attributions shown to agents.");
        results.put("modelCard", Map.of("intendedUse", "Ticket ranking", "limitations", "New products",
                "failureCases", "Very short tickets", "trainingData", "Tickets 2024-2025"));
        return results;
    }

    int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    int count(String table, long systemId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE system_id = ?", Integer.class, systemId);
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** A PDF header followed by seeded random bytes: detected as application/pdf, {@code size} bytes long. */
    static byte[] pdf(int size, long seed) {
        byte[] body = new byte[size];
        new Random(seed).nextBytes(body);
        byte[] header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, body, 0, header.length);
        return body;
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
