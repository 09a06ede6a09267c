package io.aimsgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.AsDemoUsers;
import io.aimsgate.support.EvidenceFixtures;
import io.aimsgate.support.LifecycleWalk;
import io.aimsgate.support.ProcessEngineBinding;
import io.aimsgate.support.SystemFixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP scenarios of AIMS Gate, run against the whole application (Tomcat on a random port, the real security
 * chains, Camunda with its REST API, Flyway) by each concrete subclass on its own database. Every test creates
 * its own systems and versions with unique names; none reads another test's data. The demo profile provides the
 * users (password {@code demo}, {@code admin}/{@code admin}).
 */
@ExtendWith(ProcessEngineBinding.class)
abstract class AbstractApiScenarios extends AsDemoUsers {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Fixtures of the bad-input test, one per running application (keyed by port). */
    private static final Map<Integer, BadInputFixture> BAD_INPUT_FIXTURES = new ConcurrentHashMap<>();

    static final String RATIONALE = "Evidence reviewed and found complete for this release.";

    /** The version the life-cycle walk validates; the scenarios' own versions come after it. */
    static final String VALIDATED_BASELINE = "0.0.1-validated";

    // ------------------------------------------------------------------------------------------------------------
    // 1. Inventory
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void inventoryCreateReadListUpdateAndVersions() {
        String token = uniqueToken();
        String name = "Inventory " + token + " alpha";
        JsonNode created = olivia.post("/api/systems", systemBody(name, "MINIMAL")).expect(201).json();
        long id = created.get("id").asLong();
        assertThat(id).isPositive();
        assertThat(created.get("name").asText()).isEqualTo(name);
        assertThat(created.get("euAiActTier").asText()).isEqualTo("MINIMAL");
        assertThat(created.get("aiType").asText()).isEqualTo("PREDICTIVE");
        assertThat(created.get("lifecycleStage").asText()).isEqualTo("INCEPTION");
        assertThat(created.get("createdBy").asText()).isEqualTo("olivia");
        assertThat(created.get("businessOwner").asText()).isEqualTo("olivia");
        assertThat(texts(created.get("dataCategories"))).containsExactly("usage logs", "product catalogue");
        assertThat(created.get("createdAt").isTextual()).isTrue();

        // Every RACI participant reads it, e.g. an Informed business stakeholder.
        JsonNode read = ben.get("/api/systems/" + id).expect(200).json();
        assertThat(read.get("name").asText()).isEqualTo(name);
        assertThat(read.get("intendedUse").asText()).isEqualTo(created.get("intendedUse").asText());

        // The same name again (case-insensitive) is a conflict.
        Response duplicate = olivia.post("/api/systems", systemBody(name.toUpperCase(), "MINIMAL")).expect(409);
        assertProblem(duplicate, "name");

        // A second system with the same token, for paging.
        long second = olivia.post("/api/systems", systemBody("Inventory " + token + " beta", "MINIMAL"))
                .expect(201).json().get("id").asLong();

        JsonNode page = ben.get("/api/systems?q=" + token + "&tier=MINIMAL&stage=INCEPTION&size=1&page=0&sort=name")
                .expect(200).json();
        assertThat(page.at("/page/totalElements").asLong()).isEqualTo(2);
        assertThat(page.at("/page/totalPages").asLong()).isEqualTo(2);
        assertThat(page.at("/page/size").asLong()).isEqualTo(1);
        assertThat(page.get("content")).hasSize(1);
        assertThat(page.at("/content/0/id").asLong()).isEqualTo(id);
        JsonNode nextPage = ben.get("/api/systems?q=" + token + "&tier=MINIMAL&stage=INCEPTION&size=1&page=1&sort=name")
                .expect(200).json();
        assertThat(nextPage.at("/content/0/id").asLong()).isEqualTo(second);
        // q matches case-insensitively on a part of the name.
        assertThat(ids(ben.get("/api/systems?q=" + token.toUpperCase() + "%20ALPHA").expect(200).json()))
                .containsExactly(id);
        // Each filter narrows.
        assertThat(totalElements(ben.get("/api/systems?q=" + token + "&tier=HIGH").expect(200))).isZero();
        assertThat(totalElements(ben.get("/api/systems?q=" + token + "&stage=DEPLOYMENT").expect(200))).isZero();
        assertThat(totalElements(ben.get("/api/systems?q=" + token + "&tier=MINIMAL").expect(200))).isEqualTo(2);

        // Update (PUT) with the full description.
        Map<String, Object> update = systemBody(name, "TRANSPARENCY");
        update.put("intendedUse", "Recommends products; a human confirms every order.");
        update.put("aiType", "RECOMMENDATION");
        update.put("lifecycleStage", "INCEPTION"); // unchanged stage is accepted
        JsonNode updated = olivia.put("/api/systems/" + id, update).expect(200).json();
        assertThat(updated.get("euAiActTier").asText()).isEqualTo("TRANSPARENCY");
        assertThat(updated.get("aiType").asText()).isEqualTo("RECOMMENDATION");
        assertThat(updated.get("intendedUse").asText()).isEqualTo("Recommends products; a human confirms every order.");
        assertThat(updated.get("createdBy").asText()).isEqualTo("olivia");
        JsonNode reread = ben.get("/api/systems/" + id).expect(200).json();
        assertThat(reread.get("euAiActTier").asText()).isEqualTo("TRANSPARENCY");
        assertThat(ids(ben.get("/api/systems?q=" + token + "&tier=TRANSPARENCY").expect(200).json()))
                .containsExactly(id);
        assertThat(ids(ben.get("/api/systems?q=" + token + "&tier=MINIMAL").expect(200).json()))
                .containsExactly(second);

        // Register a version (ML engineers may): DRAFT, digest stored in lower case.
        String digest = sha256().toUpperCase();
        JsonNode version = mia.post(versionsPath(id), Map.of("versionLabel", "1.0.0", "artifactSha256", digest))
                .expect(201).json();
        assertThat(version.get("status").asText()).isEqualTo("DRAFT");
        assertThat(version.get("versionLabel").asText()).isEqualTo("1.0.0");
        assertThat(version.get("systemId").asLong()).isEqualTo(id);
        assertThat(version.get("artifactSha256").asText()).isEqualTo(digest.toLowerCase());
        assertThat(version.get("createdBy").asText()).isEqualTo("mia");

        // The same label again: 409 naming versionLabel.
        Response duplicateVersion = olivia.post(versionsPath(id),
                Map.of("versionLabel", "1.0.0", "artifactSha256", sha256())).expect(409);
        assertProblem(duplicateVersion, "versionLabel");

        // A client cannot set a status: "status" is an unknown field, on PATCH as on POST, and nothing changes.
        String otherDigest = sha256();
        Response patchWithStatus = mia.patch(versionsPath(id) + "/1.0.0",
                Map.of("artifactSha256", otherDigest, "status", "APPROVED")).expect(400);
        assertProblem(patchWithStatus, "status");
        JsonNode unchanged = ben.get(versionsPath(id) + "/1.0.0").expect(200).json();
        assertThat(unchanged.get("status").asText()).isEqualTo("DRAFT");
        assertThat(unchanged.get("artifactSha256").asText()).isEqualTo(digest.toLowerCase());

        Response postWithStatus = mia.post(versionsPath(id),
                Map.of("versionLabel", "1.0.1", "artifactSha256", sha256(), "status", "APPROVED")).expect(400);
        assertProblem(postWithStatus, "status");
        assertProblem(ben.get(versionsPath(id) + "/1.0.1").expect(404), "versionLabel");
        assertThat(totalElements(ben.get(versionsPath(id)).expect(200))).isEqualTo(1);
        assertThat(totalElements(ben.get(versionsPath(id) + "?status=APPROVED").expect(200))).isZero();

        // Without a status the correction of a DRAFT's digest is allowed.
        JsonNode corrected = mia.patch(versionsPath(id) + "/1.0.0", Map.of("artifactSha256", otherDigest))
                .expect(200).json();
        assertThat(corrected.get("artifactSha256").asText()).isEqualTo(otherDigest);
        assertThat(corrected.get("status").asText()).isEqualTo("DRAFT");

        // Who may do what.
        Response miaCreates = mia.post("/api/systems", systemBody("Inventory " + token + " by mia", "MINIMAL"))
                .expect(403);
        assertThat(miaCreates.isProblem()).as(miaCreates.toString()).isTrue();
        assertThat(miaCreates.json().get("status").asInt()).isEqualTo(403);
        assertThat(totalElements(ben.get("/api/systems?q=" + token).expect(200))).isEqualTo(2);

        Response guestLists = guest.get("/api/systems").expect(403);
        assertThat(guestLists.isProblem()).as(guestLists.toString()).isTrue();
        guest.get("/api/systems/" + id).expect(403);

        Response noCredentials = anonymous.get("/api/systems").expect(401);
        assertThat(noCredentials.isProblem()).as(noCredentials.toString()).isTrue();
        assertThat(noCredentials.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        assertThat(noCredentials.json().get("status").asInt()).isEqualTo(401);
        anonymous.post("/api/systems", systemBody("Inventory " + token + " anonymous", "MINIMAL")).expect(401);
        // An unknown user (not a demo user: a wrong password would delay that user's next login).
        Response unknownUser = api.as("nobody-" + token, "secret").get("/api/systems").expect(401);
        assertThat(unknownUser.isProblem()).as(unknownUser.toString()).isTrue();
    }

    // ------------------------------------------------------------------------------------------------------------
    // 2. Risk register
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void riskRegisterSeverityAcceptanceAndTransitions() {
        long system = createSystem("Risk register", "HIGH");

        JsonNode critical = recordRisk(sam, system, 4, 5, "Poisoned training feed").expect(201).json();
        assertThat(critical.get("inherentSeverity").asText()).isEqualTo("CRITICAL");
        assertThat(critical.get("currentSeverity").asText()).isEqualTo("CRITICAL");
        assertThat(critical.get("inherentScore").asInt()).isEqualTo(20);
        assertThat(critical.get("status").asText()).isEqualTo("OPEN");
        assertThat(critical.get("createdBy").asText()).isEqualTo("sam");
        JsonNode medium = recordRisk(mia, system, 2, 3, "Membership inference").expect(201).json();
        assertThat(medium.get("inherentSeverity").asText()).isEqualTo("MEDIUM");
        JsonNode high = recordRisk(olivia, system, 2, 5, "Unfair outcomes for a minority group").expect(201).json();
        assertThat(high.get("inherentSeverity").asText()).isEqualTo("HIGH");
        JsonNode low = recordRisk(olivia, system, 1, 4, "Typo in model card").expect(201).json();
        assertThat(low.get("inherentSeverity").asText()).isEqualTo("LOW");
        // Residual rating drives the current severity.
        Map<String, Object> treated = riskBody(5, 5, "Prompt injection, filtered");
        treated.put("residualLikelihood", 1);
        treated.put("residualImpact", 3);
        // A HIGH or CRITICAL risk leaves the blocking set by a recorded treatment (issue 13).
        treated.put("treatmentRecord", "Prompt filter and output guard deployed and tested.");
        JsonNode treatedRisk = sam.post(risksPath(system), treated).expect(201).json();
        assertThat(treatedRisk.get("inherentSeverity").asText()).isEqualTo("CRITICAL");
        assertThat(treatedRisk.get("residualSeverity").asText()).isEqualTo("LOW");
        assertThat(treatedRisk.get("currentSeverity").asText()).isEqualTo("LOW");

        // Likelihood outside 1..5 is refused naming the field; nothing is recorded.
        for (int likelihood : new int[] {0, 6}) {
            Response outOfRange = sam.post(risksPath(system), riskBody(likelihood, 3, "Out of range")).expect(400);
            assertProblem(outOfRange, "likelihood");
        }
        Response impactOutOfRange = sam.post(risksPath(system), riskBody(3, 6, "Out of range")).expect(400);
        assertProblem(impactOutOfRange, "impact");
        assertThat(totalElements(ben.get(risksPath(system)).expect(200))).isEqualTo(5);
        assertThat(ids(ben.get(risksPath(system) + "?severity=CRITICAL").expect(200).json()))
                .containsExactly(critical.get("id").asLong());

        // Acceptance needs a rationale.
        String mediumPath = riskPath(system, medium);
        assertProblem(olivia.post(mediumPath + "/transitions", Map.of("status", "ACCEPTED")).expect(400), "rationale");
        assertProblem(olivia.post(mediumPath + "/transitions", Map.of("status", "ACCEPTED", "rationale", "ok"))
                .expect(400), "rationale");
        assertThat(ben.get(mediumPath).expect(200).json().get("status").asText()).isEqualTo("OPEN");
        // A product owner may accept a MEDIUM risk ...
        JsonNode acceptedMedium = olivia.post(mediumPath + "/transitions",
                Map.of("status", "ACCEPTED", "rationale", "Confidence scores are no longer exposed.")).expect(200).json();
        assertThat(acceptedMedium.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(acceptedMedium.get("acceptedBy").asText()).isEqualTo("olivia");
        assertThat(acceptedMedium.get("acceptedRole").asText()).isEqualTo("ai-product-owners");

        // ... but not a HIGH one: only the governance board may.
        String highPath = riskPath(system, high);
        Response ownerAcceptsHigh = olivia.post(highPath + "/transitions",
                Map.of("status", "ACCEPTED", "rationale", "We think it is fine for the pilot.")).expect(403);
        assertThat(ownerAcceptsHigh.isProblem()).as(ownerAcceptsHigh.toString()).isTrue();
        assertThat(ben.get(highPath).expect(200).json().get("status").asText()).isEqualTo("OPEN");
        // Someone who may not maintain risks at all (Informed) is refused outright.
        ben.post(highPath + "/transitions", Map.of("status", "ACCEPTED", "rationale", RATIONALE)).expect(403);
        // The board gives the acceptance of a HIGH risk an expiry (issue 17); without one it is refused.
        assertProblem(grace.post(highPath + "/transitions", Map.of("status", "ACCEPTED", "rationale",
                "Board accepts for the supervised pilot only.")).expect(400), "expiresOn");
        String expiresOn = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(6).toString();
        JsonNode boardAccepts = grace.post(highPath + "/transitions", Map.of("status", "ACCEPTED", "rationale",
                "Board accepts for the supervised pilot only.", "expiresOn", expiresOn)).expect(200).json();
        assertThat(boardAccepts.get("acceptanceExpiresOn").asText()).isEqualTo(expiresOn);
        assertThat(boardAccepts.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(boardAccepts.get("acceptedBy").asText()).isEqualTo("grace");
        assertThat(boardAccepts.get("acceptedRole").asText()).isEqualTo("governance-board");
        assertThat(boardAccepts.get("acceptanceRationale").asText()).isEqualTo("Board accepts for the supervised pilot only.");
        assertThat(boardAccepts.get("acceptedAt").isTextual()).isTrue();

        // The assessment: only the OPEN critical risk blocks (the HIGH one is accepted by the board).
        JsonNode assessment = ben.get(assessmentPath(system)).expect(200).json();
        assertThat(assessment.get("blocked").asBoolean()).isTrue();
        assertThat(assessment.get("unresolvedHighRiskCount").asLong()).isEqualTo(1);
        assertThat(assessment.get("reasons")).hasSize(1);
        assertThat(assessment.at("/reasons/0").asText())
                .contains("Risk " + critical.get("id").asLong()).contains("Poisoned training feed").contains("CRITICAL");

        // Closing needs a reason; so does reopening. An untreated CRITICAL risk is closed by the board only.
        String criticalPath = riskPath(system, critical);
        assertProblem(sam.post(criticalPath + "/transitions", Map.of("status", "CLOSED", "reason",
                "Feed replaced by a signed internal source.")).expect(403), "status");
        assertProblem(grace.post(criticalPath + "/transitions", Map.of("status", "CLOSED")).expect(400), "reason");
        JsonNode closed = grace.post(criticalPath + "/transitions",
                Map.of("status", "CLOSED", "reason", "Feed replaced by a signed internal source.")).expect(200).json();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        JsonNode clear = ben.get(assessmentPath(system)).expect(200).json();
        assertThat(clear.get("blocked").asBoolean()).isFalse();
        assertThat(clear.get("unresolvedHighRiskCount").asLong()).isZero();
        assertThat(clear.get("reasons")).isEmpty();

        assertProblem(sam.post(criticalPath + "/transitions", Map.of("status", "OPEN")).expect(400), "reason");
        assertProblem(sam.post(criticalPath + "/transitions", Map.of("status", "OPEN", "reason", "  short  "))
                .expect(400), "reason");
        assertThat(ben.get(criticalPath).expect(200).json().get("status").asText()).isEqualTo("CLOSED");
        JsonNode reopened = sam.post(criticalPath + "/transitions",
                Map.of("status", "OPEN", "reason", "The signed source turned out to be unsigned.")).expect(200).json();
        assertThat(reopened.get("status").asText()).isEqualTo("OPEN");
        assertThat(ben.get(assessmentPath(system)).expect(200).json().get("blocked").asBoolean()).isTrue();

        // A transition the life cycle does not allow is a conflict.
        assertProblem(sam.post(criticalPath + "/transitions", Map.of("status", "OPEN", "reason", RATIONALE))
                .expect(409), "status");
        // Unknown risk of a known system.
        assertProblem(ben.get(risksPath(system) + "/999999").expect(404), "riskId");
        assertThat(low.get("status").asText()).isEqualTo("OPEN");
    }

    // ------------------------------------------------------------------------------------------------------------
    // 3. Bad input: 4xx problem+json naming the field, never 500, no stack trace, nothing written
    // ------------------------------------------------------------------------------------------------------------

    record BadRequest(String description, String method, String path, String body, int status, String field) {

        @Override
        public String toString() {
            return description;
        }
    }

    record BadInputFixture(long systemId, long riskId, String versionLabel, String digest) {
    }

    static Stream<Arguments> badRequests() {
        String risk = json(riskBody(3, 3, "A valid risk"));
        String system = json(systemBody("Valid system name", "MINIMAL"));
        String version = json(Map.of("versionLabel", "9.0.0", "artifactSha256", "ab".repeat(32)));
        List<BadRequest> cases = List.of(
                // malformed or unreadable bodies
                bad("system: malformed JSON", "POST", "/api/systems", "{\"name\": \"x\",", 400, "body"),
                bad("system: not JSON at all", "POST", "/api/systems", "name=x&tier=HIGH", 400, "body"),
                bad("system: array instead of object", "POST", "/api/systems", "[]", 400, "body"),
                bad("system: empty body", "POST", "/api/systems", "", 400, "body"),
                bad("version: empty body", "POST", "/api/systems/{sys}/versions", "", 400, "body"),
                // wrong types and unknown enum values
                bad("risk: likelihood is a word", "POST", "/api/systems/{sys}/risks",
                        with(risk, "likelihood", "high"), 400, "likelihood"),
                bad("risk: impact is an object", "POST", "/api/systems/{sys}/risks",
                        with(risk, "impact", Map.of("value", 3)), 400, "impact"),
                bad("risk: likelihood beyond int", "POST", "/api/systems/{sys}/risks",
                        risk.replace("\"likelihood\":3", "\"likelihood\":99999999999"), 400, "likelihood"),
                bad("system: unknown aiType", "POST", "/api/systems", with(system, "aiType", "QUANTUM"), 400, "aiType"),
                bad("system: unknown euAiActTier", "POST", "/api/systems", with(system, "euAiActTier", "EXTREME"),
                        400, "euAiActTier"),
                bad("system: processesPersonalData not a boolean", "POST", "/api/systems",
                        with(system, "processesPersonalData", "maybe"), 400, "processesPersonalData"),
                bad("system: dataCategories not a list", "POST", "/api/systems",
                        with(system, "dataCategories", Map.of("a", 1)), 400, "dataCategories"),
                bad("risk: unknown strideCategory", "POST", "/api/systems/{sys}/risks",
                        with(risk, "strideCategory", "PHISHING"), 400, "strideCategory"),
                bad("risk: dueDate not a date", "POST", "/api/systems/{sys}/risks",
                        with(risk, "dueDate", "tomorrow"), 400, "dueDate"),
                bad("risk transition: unknown status", "POST", "/api/systems/{sys}/risks/{risk}/transitions",
                        json(Map.of("status", "DONE", "reason", RATIONALE)), 400, "status"),
                bad("system list: unknown tier filter", "GET", "/api/systems?tier=EXTREME", null, 400, "tier"),
                // out-of-range numbers
                bad("risk: impact 99", "POST", "/api/systems/{sys}/risks", with(risk, "impact", 99), 400, "impact"),
                bad("risk: likelihood 0", "POST", "/api/systems/{sys}/risks", with(risk, "likelihood", 0), 400,
                        "likelihood"),
                bad("risk: likelihood -1 on update", "PUT", "/api/systems/{sys}/risks/{risk}",
                        with(risk, "likelihood", -1), 400, "likelihood"),
                bad("risk: residualImpact 6", "POST", "/api/systems/{sys}/risks",
                        with(with(risk, "residualLikelihood", 2), "residualImpact", 6), 400, "residualImpact"),
                bad("risk: residual likelihood without impact", "POST", "/api/systems/{sys}/risks",
                        with(risk, "residualLikelihood", 2), 400, "residualImpact"),
                // sizes
                bad("system: 10,000-char name", "POST", "/api/systems", with(system, "name", "n".repeat(10_000)),
                        400, "name"),
                bad("system: 10,000-char name on update", "PUT", "/api/systems/{sys}",
                        with(system, "name", "n".repeat(10_000)), 400, "name"),
                bad("risk: 10,000-char title", "POST", "/api/systems/{sys}/risks", with(risk, "title", "t".repeat(10_000)),
                        400, "title"),
                bad("risk acceptance: 5,000-char rationale", "POST", "/api/systems/{sys}/risks/{risk}/transitions",
                        json(Map.of("status", "ACCEPTED", "rationale", "r".repeat(5_000))), 400, "rationale"),
                bad("system: 21 data categories", "POST", "/api/systems",
                        with(system, "dataCategories", java.util.Collections.nCopies(21, "c")), 400, "dataCategories"),
                bad("system: data category with a separator", "POST", "/api/systems",
                        with(system, "dataCategories", List.of("a|b")), 400, "dataCategories"),
                bad("deployment request: 2,001-char note", "POST",
                        "/api/systems/{sys}/versions/{version}/deployment-requests",
                        json(Map.of("note", "x".repeat(2_001))), 400, "note"),
                // missing required fields
                bad("system: missing businessUnit", "POST", "/api/systems", without(system, "businessUnit"), 400,
                        "businessUnit"),
                bad("system: blank name", "POST", "/api/systems", with(system, "name", "   "), 400, "name"),
                bad("system: empty object", "POST", "/api/systems", "{}", 400, "name"),
                bad("risk: missing strideCategory", "POST", "/api/systems/{sys}/risks", without(risk, "strideCategory"),
                        400, "strideCategory"),
                bad("risk: missing likelihood", "POST", "/api/systems/{sys}/risks", without(risk, "likelihood"), 400,
                        "likelihood"),
                bad("risk transition: missing status", "POST", "/api/systems/{sys}/risks/{risk}/transitions",
                        json(Map.of("reason", RATIONALE)), 400, "status"),
                bad("version: missing artifactSha256", "POST", "/api/systems/{sys}/versions",
                        without(version, "artifactSha256"), 400, "artifactSha256"),
                // business rules on input
                bad("system: unknown businessOwner", "POST", "/api/systems", with(system, "businessOwner", "nobody"),
                        400, "businessOwner"),
                bad("system: third party without supplierName", "POST", "/api/systems",
                        with(system, "supplierType", "THIRD_PARTY"), 400, "supplierName"),
                bad("system: unknown field", "POST", "/api/systems", with(system, "colour", "red"), 400, "colour"),
                bad("system: update changes the life-cycle stage", "PUT", "/api/systems/{sys}",
                        with(system, "lifecycleStage", "RETIREMENT"), 400, "lifecycleStage"),
                // unknown and malformed ids
                bad("system: unknown id on update", "PUT", "/api/systems/999999", system, 404, "systemId"),
                bad("risk: unknown system id", "POST", "/api/systems/999999/risks", risk, 404, "systemId"),
                bad("version: unknown system id", "POST", "/api/systems/999999/versions", version, 404, "systemId"),
                bad("risk: unknown risk id on update", "PUT", "/api/systems/{sys}/risks/999999", risk, 404, "riskId"),
                bad("risk: non-numeric system id", "POST", "/api/systems/abc/risks", risk, 400, "systemId"),
                bad("system: non-numeric id on update", "PUT", "/api/systems/abc", system, 400, "systemId"),
                bad("version: non-numeric system id", "POST", "/api/systems/1x/versions", version, 400, "systemId"),
                // digests and labels
                bad("version: SHA-256 not hexadecimal", "POST", "/api/systems/{sys}/versions",
                        with(version, "artifactSha256", "xyz"), 400, "artifactSha256"),
                bad("version: SHA-256 of 63 characters", "POST", "/api/systems/{sys}/versions",
                        with(version, "artifactSha256", "a".repeat(63)), 400, "artifactSha256"),
                bad("version: PATCH with an invalid SHA-256", "PATCH", "/api/systems/{sys}/versions/{version}",
                        json(Map.of("artifactSha256", "g".repeat(64))), 400, "artifactSha256"),
                bad("version: label with spaces and '!'", "POST", "/api/systems/{sys}/versions",
                        with(version, "versionLabel", "1.0 beta!"), 400, "versionLabel"),
                bad("version: label of 65 characters", "POST", "/api/systems/{sys}/versions",
                        with(version, "versionLabel", "v".repeat(65)), 400, "versionLabel"),
                bad("version: invalid label in the path", "PATCH", "/api/systems/{sys}/versions/_bad",
                        json(Map.of("artifactSha256", "c".repeat(64))), 400, "versionLabel"),
                bad("deployment request: invalid label in the path", "POST",
                        "/api/systems/{sys}/versions/_bad/deployment-requests", "{}", 400, "versionLabel"));
        return cases.stream().map(c -> Arguments.of(c));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badRequests")
    void badInputIsRefusedWithAProblemNamingTheFieldAndWritesNothing(BadRequest bad) {
        BadInputFixture fixture = badInputFixture();
        long systemsBefore = totalElements(ben.get("/api/systems").expect(200));
        long risksBefore = totalElements(ben.get(risksPath(fixture.systemId())).expect(200));
        long versionsBefore = totalElements(ben.get(versionsPath(fixture.systemId())).expect(200));
        JsonNode systemBefore = ben.get("/api/systems/" + fixture.systemId()).expect(200).json();
        JsonNode riskBefore = ben.get(risksPath(fixture.systemId()) + "/" + fixture.riskId()).expect(200).json();

        String path = bad.path().replace("{sys}", String.valueOf(fixture.systemId()))
                .replace("{risk}", String.valueOf(fixture.riskId()))
                .replace("{version}", fixture.versionLabel());
        Response response = olivia.send(bad.method(), path, bad.body(), bad.body() == null ? null : "application/json");

        assertThat(response.status()).as(response.toString()).isEqualTo(bad.status());
        assertThat(response.contentType()).as(response.toString()).startsWith(Api.PROBLEM_JSON);
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(response.problemFields()).as(response.toString())
                .anySatisfy(field -> assertThat(field.equals(bad.field()) || field.startsWith(bad.field() + "[")
                        || field.startsWith(bad.field() + ".")).as("field " + field).isTrue());
        assertNoInternals(response);

        // Nothing was written.
        assertThat(totalElements(ben.get("/api/systems").expect(200))).isEqualTo(systemsBefore);
        assertThat(totalElements(ben.get(risksPath(fixture.systemId())).expect(200))).isEqualTo(risksBefore);
        assertThat(totalElements(ben.get(versionsPath(fixture.systemId())).expect(200))).isEqualTo(versionsBefore);
        assertThat(ben.get("/api/systems/" + fixture.systemId()).expect(200).json()).isEqualTo(systemBefore);
        assertThat(ben.get(risksPath(fixture.systemId()) + "/" + fixture.riskId()).expect(200).json())
                .isEqualTo(riskBefore);
        JsonNode versionAfter = ben.get(versionsPath(fixture.systemId()) + "/" + fixture.versionLabel()).expect(200)
                .json();
        assertThat(versionAfter.get("status").asText()).isEqualTo("DRAFT");
        assertThat(versionAfter.get("artifactSha256").asText()).isEqualTo(fixture.digest());
        assertThat(ben.get(versionsPath(fixture.systemId()) + "/" + fixture.versionLabel() + "/deployment-requests")
                .expect(200).json()).isEmpty();
    }

    private BadInputFixture badInputFixture() {
        return BAD_INPUT_FIXTURES.computeIfAbsent(port, p -> {
            long system = createSystem("Bad input fixture", "MINIMAL");
            long risk = recordRisk(sam, system, 2, 2, "Fixture risk").expect(201).json().get("id").asLong();
            String digest = sha256();
            registerVersion(system, "1.0.0", digest);
            return new BadInputFixture(system, risk, "1.0.0", digest);
        });
    }

    private static BadRequest bad(String description, String method, String path, String body, int status,
            String field) {
        return new BadRequest(description, method, path, body, status, field);
    }

    // ------------------------------------------------------------------------------------------------------------
    // 4. Deployment gate: the clean path
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void cleanPathIsReviewedApprovedAndReleasedToThePipeline() {
        long system = createSystem("Clean gate", "TRANSPARENCY");
        registerVersion(system, "1.0.0", sha256());
        recordRisk(sam, system, 2, 3, "A MEDIUM risk does not block").expect(201);

        JsonNode request = olivia.post(requestsPath(system, "1.0.0"), Map.of("note", "First release")).expect(201).json();
        long requestId = request.get("id").asLong();
        String pid = request.get("processInstanceId").asText();
        assertThat(request.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(request.get("submittedBy").asText()).isEqualTo("olivia");
        assertThat(request.get("submissionNote").asText()).isEqualTo("First release");
        assertThat(request.get("haltReasons")).isEmpty();
        assertThat(request.get("blockingRiskCount").asInt()).isZero();
        assertThat(versionStatus(system, "1.0.0")).isEqualTo("IN_REVIEW");

        // The pipeline may not ship it yet.
        Response notYet = ben.get(decisionPath(system, "1.0.0")).expect(409);
        assertProblem(notYet, "versionLabel");
        assertThat(texts(notYet.json().get("reasons"))).anySatisfy(r -> assertThat(r).contains("IN_REVIEW"));

        // TRANSPARENCY tier: technical and security reviews only.
        assertThat(taskKeys(admin, pid)).containsExactlyInAnyOrder("task_technical_review", "task_security_review");

        completeReview(mia, pid, "task_technical_review", "APPROVE");
        completeReview(sam, pid, "task_security_review", "APPROVE");
        assertThat(taskKeys(admin, pid)).containsExactly("task_accountable_approval");

        // Segregation of duties: the submitter can neither claim nor complete the accountable approval.
        JsonNode approval = task(olivia, pid, "task_accountable_approval");
        String approvalId = approval.get("id").asText();
        Response claim = olivia.post("/engine-rest/task/" + approvalId + "/claim", Map.of("userId", "olivia"))
                .expect(403);
        assertThat(claim.json().get("message").asText()).contains("Segregation of duties");
        Response complete = olivia.post("/engine-rest/task/" + approvalId + "/complete", decision("APPROVE", RATIONALE))
                .expect(403);
        assertThat(complete.json().get("message").asText()).contains("Segregation of duties");
        assertThat(task(admin, pid, "task_accountable_approval").hasNonNull("assignee")).isFalse();

        // The other product owner must give a rationale.
        oscar.post("/engine-rest/task/" + approvalId + "/claim", Map.of("userId", "oscar")).expect(204);
        Response noRationale = oscar.post("/engine-rest/task/" + approvalId + "/complete",
                Map.of("variables", Map.of("decision", Map.of("value", "APPROVE")))).expect(400);
        assertThat(noRationale.json().get("message").asText()).contains("rationale");
        Response shortRationale = oscar.post("/engine-rest/task/" + approvalId + "/complete",
                decision("APPROVE", "fine")).expect(400);
        assertThat(shortRationale.json().get("message").asText()).contains("rationale");
        assertThat(taskKeys(admin, pid)).containsExactly("task_accountable_approval");

        oscar.post("/engine-rest/task/" + approvalId + "/complete", decision("APPROVE", "Reviews complete; ship it."))
                .expect(204);

        // The process ended in "approved".
        assertThat(taskKeys(admin, pid)).isEmpty();
        admin.get("/engine-rest/process-instance/" + pid).expect(404);
        assertThat(admin.get("/engine-rest/history/process-instance/" + pid).expect(200).json().get("state").asText())
                .isEqualTo("COMPLETED");
        assertThat(admin.get("/engine-rest/history/activity-instance?processInstanceId=" + pid + "&activityId=end_approved")
                .expect(200).json()).hasSize(1);

        assertThat(versionStatus(system, "1.0.0")).isEqualTo("APPROVED");
        assertThat(ben.get("/api/systems/" + system).expect(200).json().get("lifecycleStage").asText())
                .isEqualTo("DEPLOYMENT");

        // The evidence: who decided what, as authenticated, never as claimed.
        JsonNode decided = ben.get("/api/deployment-requests/" + requestId).expect(200).json();
        assertThat(decided.get("status").asText()).isEqualTo("APPROVED");
        assertThat(decided.get("decidedBy").asText()).isEqualTo("oscar");
        assertThat(decided.get("decisionRationale").asText()).isEqualTo("Reviews complete; ship it.");
        assertThat(decisionsByTask(decided)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "task_technical_review", "mia",
                "task_security_review", "sam",
                "task_accountable_approval", "oscar"));
        assertThat(StreamSupport.stream(decided.get("decisions").spliterator(), false)
                .map(d -> d.get("decision").asText())).containsOnly("APPROVE");
        assertThat(StreamSupport.stream(decided.get("decisions").spliterator(), false)
                .filter(d -> d.get("taskKey").asText().equals("task_accountable_approval"))
                .map(d -> d.get("raciRole").asText())).containsExactly("ACCOUNTABLE");
        assertThat(eventTypes(decided)).containsExactly("SUBMITTED", "APPROVED");

        // The pipeline may ship it now.
        JsonNode allowed = ben.get(decisionPath(system, "1.0.0")).expect(200).json();
        assertThat(allowed.get("allowed").asBoolean()).isTrue();
        assertThat(allowed.get("status").asText()).isEqualTo("APPROVED");
        assertThat(allowed.get("approvedBy").asText()).isEqualTo("oscar");
        assertThat(allowed.get("approvalRequestId").asLong()).isEqualTo(requestId);
        assertThat(allowed.get("blockingReasons")).isEmpty();

        // Pipelines poll; a remembered answer never outlives a change: a critical risk recorded now blocks the very
        // next check. It is also a material change of the state the approval was bound to (issue 17): resolving the
        // risk does not release the version, a re-approval does (AbstractBoundApprovalScenarios walks it).
        ben.get(decisionPath(system, "1.0.0")).expect(200);
        long riskId = recordRisk(sam, system, 5, 5, "Prompt injection found after approval").expect(201).json()
                .get("id").asLong();
        assertThat(texts(ben.get(decisionPath(system, "1.0.0")).expect(409).json().get("reasons")))
                .anySatisfy(r -> assertThat(r).contains("Risk " + riskId));
        // Closing an untreated CRITICAL risk outright is the governance board's call (issue 13).
        sam.post("/api/systems/" + system + "/risks/" + riskId + "/transitions", Map.of("status", "CLOSED",
                "reason", "Input filter deployed and verified.")).expect(403);
        grace.post("/api/systems/" + system + "/risks/" + riskId + "/transitions", Map.of("status", "CLOSED",
                "reason", "Input filter deployed and verified.")).expect(200);
        assertThat(texts(ben.get(decisionPath(system, "1.0.0")).expect(409).json().get("reasons")))
                .noneSatisfy(r -> assertThat(r).contains("Risk " + riskId + " '"))
                .anySatisfy(r -> assertThat(r).contains("invalidated").contains("New CRITICAL risk " + riskId));
        assertThat(versionStatus(system, "1.0.0")).isEqualTo("HALTED");
    }

    // ------------------------------------------------------------------------------------------------------------
    // 5. Deployment gate: halted by an open critical risk, remediated, resubmitted
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void openCriticalRiskHaltsTheRequestUntilRemediated() {
        long system = createSystem("Halting gate", "TRANSPARENCY");
        registerVersion(system, "2.0.0", sha256());
        JsonNode risk = recordRisk(sam, system, 4, 5, "Model weights downloadable by anyone").expect(201).json();
        long riskId = risk.get("id").asLong();

        JsonNode request = olivia.post(requestsPath(system, "2.0.0"), null).expect(201).json();
        long requestId = request.get("id").asLong();
        String pid = request.get("processInstanceId").asText();
        assertThat(request.get("status").asText()).isEqualTo("HALTED");
        assertThat(request.get("haltCount").asInt()).isEqualTo(1);
        assertThat(request.get("blockingRiskCount").asInt()).isEqualTo(1);
        assertThat(texts(request.get("haltReasons"))).singleElement().satisfies(reason -> assertThat(reason)
                .contains("Risk " + riskId).contains("Model weights downloadable by anyone").contains("CRITICAL"));
        assertThat(eventTypes(request)).containsExactly("SUBMITTED", "HALTED");
        assertThat(versionStatus(system, "2.0.0")).isEqualTo("HALTED");

        Response blocked = ben.get(decisionPath(system, "2.0.0")).expect(409);
        assertThat(texts(blocked.json().get("reasons")))
                .anySatisfy(r -> assertThat(r).contains("HALTED"))
                .anySatisfy(r -> assertThat(r).contains("Risk " + riskId).contains("Model weights downloadable"));

        // No review was planned; the submitter has the remediation task.
        JsonNode remediation = task(olivia, pid, "task_remediate_risks");
        assertThat(remediation.get("assignee").asText()).isEqualTo("olivia");
        assertThat(taskKeys(admin, pid)).containsExactly("task_remediate_risks");
        // Someone else cannot work it.
        mia.post("/engine-rest/task/" + remediation.get("id").asText() + "/complete",
                Map.of("variables", Map.of("remediationAction", Map.of("value", "RESUBMIT")))).expect(403);

        // Resubmitting while the risk is still open halts again.
        olivia.post("/engine-rest/task/" + remediation.get("id").asText() + "/complete",
                Map.of("variables", Map.of("remediationAction", Map.of("value", "RESUBMIT")))).expect(204);
        JsonNode haltedAgain = ben.get("/api/deployment-requests/" + requestId).expect(200).json();
        assertThat(haltedAgain.get("status").asText()).isEqualTo("HALTED");
        assertThat(haltedAgain.get("haltCount").asInt()).isEqualTo(2);
        JsonNode secondRemediation = task(olivia, pid, "task_remediate_risks");
        assertThat(secondRemediation.get("assignee").asText()).isEqualTo("olivia");

        // The governance board accepts the risk; the submitter resubmits; reviews are planned.
        grace.post(riskPath(system, risk) + "/transitions",
                Map.of("status", "ACCEPTED", "rationale", "Board accepts: weights are public by design.", "expiresOn",
                        java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(3).toString())).expect(200);
        assertThat(ben.get(assessmentPath(system)).expect(200).json().get("blocked").asBoolean()).isFalse();
        olivia.post("/engine-rest/task/" + secondRemediation.get("id").asText() + "/complete",
                Map.of("variables", Map.of("remediationAction", Map.of("value", "RESUBMIT"),
                        "remediationNote", Map.of("value", "Board accepted the risk.")))).expect(204);

        JsonNode resumed = ben.get("/api/deployment-requests/" + requestId).expect(200).json();
        assertThat(resumed.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(resumed.get("haltReasons")).isEmpty();
        assertThat(resumed.get("blockingRiskCount").asInt()).isZero();
        assertThat(eventTypes(resumed)).containsExactly("SUBMITTED", "HALTED", "HALTED", "RESUMED");
        assertThat(versionStatus(system, "2.0.0")).isEqualTo("IN_REVIEW");
        assertThat(taskKeys(admin, pid)).containsExactlyInAnyOrder("task_technical_review", "task_security_review");
        assertThat(task(mia, pid, "task_technical_review")).isNotNull();
        assertThat(task(sam, pid, "task_security_review")).isNotNull();
    }

    // ------------------------------------------------------------------------------------------------------------
    // 6. A high risk raised during review halts the approval
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void criticalRiskRaisedDuringReviewHaltsTheApproval() {
        long system = createSystem("Late risk gate", "MINIMAL");
        registerVersion(system, "3.1.0", sha256());
        JsonNode request = olivia.post(requestsPath(system, "3.1.0"), Map.of()).expect(201).json();
        long requestId = request.get("id").asLong();
        String pid = request.get("processInstanceId").asText();
        assertThat(request.get("status").asText()).isEqualTo("IN_REVIEW");

        completeReview(mia, pid, "task_technical_review", "APPROVE");
        completeReview(sam, pid, "task_security_review", "APPROVE");
        String approvalId = task(oscar, pid, "task_accountable_approval").get("id").asText();

        // Before the Accountable decides, an engineer records a new critical risk.
        JsonNode late = recordRisk(mia, system, 5, 5, "Drift detector disabled in production").expect(201).json();
        assertThat(late.get("currentSeverity").asText()).isEqualTo("CRITICAL");

        oscar.post("/engine-rest/task/" + approvalId + "/claim", Map.of("userId", "oscar")).expect(204);
        oscar.post("/engine-rest/task/" + approvalId + "/complete", decision("APPROVE", "Reviews look complete."))
                .expect(204);

        JsonNode halted = ben.get("/api/deployment-requests/" + requestId).expect(200).json();
        assertThat(halted.get("status").asText()).isEqualTo("HALTED");
        assertThat(halted.hasNonNull("decidedBy")).as(halted.toString()).isFalse();
        assertThat(texts(halted.get("haltReasons"))).singleElement()
                .satisfies(r -> assertThat(r).contains("Risk " + late.get("id").asLong()).contains("CRITICAL"));
        assertThat(versionStatus(system, "3.1.0")).isEqualTo("HALTED");
        // A halt leaves the system where V&V left it: awaiting deployment.
        assertThat(ben.get("/api/systems/" + system).expect(200).json().get("lifecycleStage").asText())
                .isEqualTo("DEPLOYMENT");
        assertThat(taskKeys(admin, pid)).containsExactly("task_remediate_risks");
        assertThat(task(olivia, pid, "task_remediate_risks").get("assignee").asText()).isEqualTo("olivia");
        ben.get(decisionPath(system, "3.1.0")).expect(409);
        assertThat(admin.get("/engine-rest/history/activity-instance?processInstanceId=" + pid
                + "&activityId=end_approved").expect(200).json()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------
    // 7. High-risk tier: legal/privacy and ethics reviews and the board sign-off
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void highRiskTierRoutesLegalPrivacyEthicsAndBoardSignOff() {
        long system = createSystem("High-risk tier gate", "HIGH");
        registerVersion(system, "4.0.0", sha256());
        JsonNode request = olivia.post(requestsPath(system, "4.0.0"), Map.of("note", "High-risk tier")).expect(201).json();
        long requestId = request.get("id").asLong();
        String pid = request.get("processInstanceId").asText();
        assertThat(request.get("status").asText()).isEqualTo("IN_REVIEW");

        assertThat(taskKeys(admin, pid)).containsExactlyInAnyOrder("task_technical_review", "task_security_review",
                "task_legal_privacy_review", "task_ethics_review");
        assertThat(candidateGroups(pid, "task_technical_review")).containsExactly("ml-engineers");
        assertThat(candidateGroups(pid, "task_security_review")).containsExactly("security");
        assertThat(candidateGroups(pid, "task_legal_privacy_review")).containsExactlyInAnyOrder("legal", "privacy");
        assertThat(candidateGroups(pid, "task_ethics_review")).containsExactly("ethics");
        // Both legal and privacy see the joint review; the ethics reviewer sees only hers.
        assertThat(taskKeys(lena, pid)).containsExactly("task_legal_privacy_review");
        assertThat(taskKeys(priya, pid)).containsExactly("task_legal_privacy_review");
        assertThat(taskKeys(ethan, pid)).containsExactly("task_ethics_review");

        completeReview(mia, pid, "task_technical_review", "APPROVE");
        completeReview(sam, pid, "task_security_review", "APPROVE");
        completeReview(priya, pid, "task_legal_privacy_review", "APPROVE");
        assertThat(taskKeys(admin, pid)).containsExactly("task_ethics_review");
        completeReview(ethan, pid, "task_ethics_review", "APPROVE");
        completeReview(oscar, pid, "task_accountable_approval", "APPROVE");

        // Not approved yet: the board signs off a high-risk system.
        assertThat(taskKeys(admin, pid)).containsExactly("task_board_signoff");
        assertThat(candidateGroups(pid, "task_board_signoff")).containsExactly("governance-board");
        assertThat(versionStatus(system, "4.0.0")).isEqualTo("IN_REVIEW");
        assertThat(taskKeys(oscar, pid)).isEmpty();
        completeReview(grace, pid, "task_board_signoff", "APPROVE");

        JsonNode approved = ben.get("/api/deployment-requests/" + requestId).expect(200).json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        // The last Accountable decision (the board's) records the approval.
        assertThat(approved.get("decidedBy").asText()).isEqualTo("grace");
        assertThat(decisionsByTask(approved)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "task_technical_review", "mia",
                "task_security_review", "sam",
                "task_legal_privacy_review", "priya",
                "task_ethics_review", "ethan",
                "task_accountable_approval", "oscar",
                "task_board_signoff", "grace"));
        assertThat(versionStatus(system, "4.0.0")).isEqualTo("APPROVED");
        assertThat(ben.get(decisionPath(system, "4.0.0")).expect(200).json().get("allowed").asBoolean()).isTrue();
    }

    // ------------------------------------------------------------------------------------------------------------
    // 8. Submission refusals
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void submissionRefusals() {
        long system = createSystem("Submission refusals", "MINIMAL");
        registerVersion(system, "5.0.0", sha256());

        // Only product owners submit.
        Response byEngineer = mia.post(requestsPath(system, "5.0.0"), Map.of()).expect(403);
        assertThat(byEngineer.isProblem()).isTrue();
        guest.post(requestsPath(system, "5.0.0"), Map.of()).expect(403);
        anonymous.post(requestsPath(system, "5.0.0"), Map.of()).expect(401);
        assertThat(versionStatus(system, "5.0.0")).isEqualTo("DRAFT");
        assertThat(ben.get(requestsPath(system, "5.0.0")).expect(200).json()).isEmpty();

        // Unknown version, unknown system.
        assertProblem(olivia.post(requestsPath(system, "9.9.9"), Map.of()).expect(404), "versionLabel");
        assertProblem(olivia.post(requestsPath(999999, "5.0.0"), Map.of()).expect(404), "systemId");

        // The first submission is accepted; the version is no longer DRAFT, so a second one is refused.
        olivia.post(requestsPath(system, "5.0.0"), Map.of()).expect(201);
        Response again = oscar.post(requestsPath(system, "5.0.0"), Map.of()).expect(409);
        assertProblem(again, "versionLabel");
        assertThat(texts(again.json().get("reasons"))).anySatisfy(r -> assertThat(r).contains("IN_REVIEW")
                .contains("only DRAFT"));
        assertThat(ben.get(requestsPath(system, "5.0.0")).expect(200).json()).hasSize(1);

        // A prohibited practice never enters the gate, and neither does a system that has not passed the earlier
        // life-cycle gates: every missing gate is named.
        long prohibited = createSystemAtInception("Prohibited practice", "UNACCEPTABLE");
        registerVersion(prohibited, "1.0.0", sha256());
        Response refused = olivia.post(requestsPath(prohibited, "1.0.0"), Map.of()).expect(409);
        assertThat(texts(refused.json().get("reasons"))).anySatisfy(r -> assertThat(r).contains("UNACCEPTABLE"))
                .anySatisfy(r -> assertThat(r).contains("inception"))
                .anySatisfy(r -> assertThat(r).contains("design & development"))
                .anySatisfy(r -> assertThat(r).contains("verification & validation"));
        assertThat(versionStatus(prohibited, "1.0.0")).isEqualTo("DRAFT");

        long halfway = createSystemAtInception("Halfway through the life cycle", "MINIMAL");
        walk().passInception(halfway, "MINIMAL");
        registerVersion(halfway, "1.0.0", sha256());
        Response notValidated = olivia.post(requestsPath(halfway, "1.0.0"), Map.of()).expect(409);
        assertThat(texts(notValidated.json().get("reasons"))).noneSatisfy(r -> assertThat(r).contains("inception"))
                .anySatisfy(r -> assertThat(r).contains("design & development"))
                .anySatisfy(r -> assertThat(r).contains("verification & validation"));
    }

    @Test
    void aThirdPartySystemIsRefusedAtTheDeploymentGateUntilItsSupplierIsVetted() {
        Map<String, Object> body = systemBody("Vendor chatbot " + uniqueToken(), "MINIMAL");
        body.put("supplierType", "THIRD_PARTY");
        body.put("supplierName", "Example Vendor");
        long system = olivia.post("/api/systems", body).expect(201).json().get("id").asLong();
        LifecycleWalk walk = walk();
        walk.passGatesBeforeDeployment(system, "MINIMAL", VALIDATED_BASELINE);
        registerVersion(system, "1.0.0", sha256());
        String supplierPath = "/api/systems/" + system + "/supplier-assessments";

        // Not vetted: the deployment gate refuses the version and names the missing supplier assessment.
        Response unvetted = olivia.post(requestsPath(system, "1.0.0"), Map.of()).expect(409);
        assertProblem(unvetted, "versionLabel");
        assertThat(texts(unvetted.json().get("reasons"))).anySatisfy(r -> assertThat(r).contains("Example Vendor")
                .contains("has not been assessed").contains("A.10.3"));
        JsonNode standing = ben.get(supplierPath).expect(200).json();
        assertThat(standing.get("assessmentRequired").asBoolean()).isTrue();
        assertThat(standing.get("current").asBoolean()).isFalse();
        assertThat(standing.get("reassessmentInterval").asText()).isEqualTo("P12M");
        assertThat(texts(standing.get("deploymentPrerequisitesUnmet"))).hasSize(1);
        assertThat(texts(ben.get("/api/systems/" + system + "/lifecycle").expect(200).json()
                .get("deploymentPrerequisitesUnmet"))).anySatisfy(r -> assertThat(r).contains("Example Vendor"));

        // An in-house system has no supplier to assess.
        long inHouse = createSystemAtInception("In-house model", "MINIMAL");
        Response noSupplier = olivia.post("/engine-rest/process-definition/key/supplier-assessment/start",
                Map.of("variables", LifecycleWalk.engineVariables(Map.of("systemId", inHouse)))).expect(409);
        assertThat(noSupplier.body()).contains("built in house");

        // Due diligence breaking the form's rules is refused, naming the field.
        String first = walk.start("olivia", "supplier-assessment", Map.of("systemId", system));
        String dueDiligenceTask = task(olivia, first, "task_due_diligence").get("id").asText();
        olivia.post("/engine-rest/task/" + dueDiligenceTask + "/claim", Map.of("userId", "olivia")).expect(204);
        Map<String, Object> tooShort = new LinkedHashMap<>(LifecycleWalk.dueDiligence());
        tooShort.put("exitPlan", "None yet");
        Response refusedAnswers = olivia.post("/engine-rest/task/" + dueDiligenceTask + "/complete",
                Map.of("variables", LifecycleWalk.engineVariables(tooShort))).expect(400);
        assertThat(refusedAnswers.body()).contains("exitPlan");

        // Security rejects: the assessment is REJECTED and the gate still refuses, now naming the rejection.
        olivia.post("/engine-rest/task/" + dueDiligenceTask + "/complete",
                Map.of("variables", LifecycleWalk.engineVariables(LifecycleWalk.dueDiligence()))).expect(204);
        assertThat(taskKeys(admin, first)).containsExactlyInAnyOrder("task_security_review", "task_legal_review");
        walk.reviewSupplier(first, "sam", "REJECT");
        assertThat(taskKeys(admin, first)).isEmpty();
        Response rejected = olivia.post(requestsPath(system, "1.0.0"), Map.of()).expect(409);
        assertThat(texts(rejected.json().get("reasons"))).anySatisfy(r -> assertThat(r).contains("ended REJECTED"));

        // A second assessment passes; whoever did the due diligence may not approve it (segregation of duties).
        String second = walk.startSupplierAssessment(system);
        walk.reviewSupplier(second, "sam", "APPROVE");
        String approvalId = task(olivia, second, "task_accountable_approval").get("id").asText();
        Response selfApproval = olivia.post("/engine-rest/task/" + approvalId + "/complete",
                decision("APPROVE", RATIONALE)).expect(403);
        assertThat(selfApproval.json().get("message").asText()).contains("Segregation of duties");
        walk.decideSupplier(second, "APPROVE");

        JsonNode vetted = ben.get(supplierPath).expect(200).json();
        assertThat(vetted.get("current").asBoolean()).isTrue();
        assertThat(vetted.get("deploymentPrerequisitesUnmet")).isEmpty();
        assertThat(java.time.Instant.parse(vetted.get("currentUntil").asText()))
                .isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(360)))
                .isBefore(java.time.Instant.now().plus(java.time.Duration.ofDays(370)));
        assertThat(texts(vetted.get("assessments"), "status")).containsExactly("REJECTED", "PASSED");
        assertThat(vetted.at("/assessments/1/decidedBy").asText()).isEqualTo("oscar");
        assertThat(vetted.at("/assessments/1/assessedBy").asText()).isEqualTo("olivia");
        assertThat(vetted.at("/assessments/1/dueDiligence/exitPlan").asText()).contains("exitPlan");
        // The passed instance waits for its re-assessment timer; no task is open.
        assertThat(taskKeys(admin, second)).isEmpty();

        // Vetted: the version now enters the deployment gate.
        JsonNode request = olivia.post(requestsPath(system, "1.0.0"), Map.of()).expect(201).json();
        assertThat(request.get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void anInternalAuditNonconformityOpensACorrectiveActionAndAuditorsAreIndependent() {
        Caller alex = api.as("alex");
        // The controls register has an applicable control for the checklist (the approved SoA, when one is in force).
        grace.put("/api/controls/A.6.2.4", Map.of("applicable", true, "justification",
                "Every model is verified and validated before release.", "implementationStatus", "IMPLEMENTED",
                "owner", "mia")).expect(200);
        Map<String, Object> audited = systemBody("Audited system " + uniqueToken(), "MINIMAL");
        long system = olivia.post("/api/systems", audited).expect(201).json().get("id").asLong();
        long revision = walk().attach("mia", "SYSTEM", system, "VALIDATION_REPORT", "validation-report.md")
                .get("id").asLong();
        Map<String, Object> ownedByAuditor = systemBody("Auditor's own system " + uniqueToken(), "MINIMAL");
        ownedByAuditor.put("businessOwner", "alex");
        long auditorsOwn = olivia.post("/api/systems", ownedByAuditor).expect(201).json().get("id").asLong();
        String thisYear = java.time.LocalDate.now().toString();

        // Independence: the business owner of a system in scope may not lead its audit (403, like self-approval).
        Response notIndependent = grace.post("/api/internal-audits", auditPlan(List.of(auditorsOwn), thisYear))
                .expect(403);
        assertProblem(notIndependent, "leadAuditor");
        assertThat(notIndependent.body()).contains("business owner");
        // The lead auditor is an auditor.
        Map<String, Object> notAnAuditor = auditPlan(List.of(system), thisYear);
        notAnAuditor.put("leadAuditor", "mia");
        assertProblem(grace.post("/api/internal-audits", notAnAuditor).expect(400), "leadAuditor");

        JsonNode planned = grace.post("/api/internal-audits", auditPlan(List.of(system), thisYear)).expect(201).json();
        long audit = planned.get("id").asLong();
        assertThat(planned.get("status").asText()).isEqualTo("PLANNED");
        assertThat(texts(ben.get("/api/internal-audits").expect(200).json().get("audits"), "id"))
                .contains(String.valueOf(audit));
        mia.post("/api/internal-audits/" + audit + "/start", Map.of()).expect(403);

        JsonNode started = alex.post("/api/internal-audits/" + audit + "/start", Map.of()).expect(200).json();
        assertThat(started.get("status").asText()).isEqualTo("IN_PROGRESS");
        String pid = started.get("processInstanceId").asText();
        List<String> checklist = texts(started.get("checklist"), "controlId");
        assertThat(checklist).isNotEmpty();
        assertThat(started.at("/checklist/0/result").asText()).isEqualTo("NOT_TESTED");
        String itemPath = "/api/internal-audits/" + audit + "/checklist/" + checklist.get(0);
        Map<String, Object> nonconformity = Map.of("result", "NONCONFORMITY", "evidenceRevisionIds", List.of(revision),
                "systemId", system, "notes", "The validation report predates the last retraining: not current.");
        // Not yet in fieldwork: the plan comes first.
        assertProblem(alex.put(itemPath, nonconformity).expect(409), "auditId");

        // An auditor who became business owner of a system in scope may not work the audit (the engine refuses, 403).
        Map<String, Object> update = new LinkedHashMap<>(audited);
        update.put("businessOwner", "alex");
        olivia.put("/api/systems/" + system, update).expect(200);
        String planTask = task(alex, pid, "task_plan_audit").get("id").asText();
        Response refusedClaim = alex.post("/engine-rest/task/" + planTask + "/claim", Map.of("userId", "alex"))
                .expect(403);
        assertThat(refusedClaim.json().get("message").asText()).contains("Auditor independence");
        update.put("businessOwner", "olivia");
        olivia.put("/api/systems/" + system, update).expect(200);

        completeTask(alex, pid, "task_plan_audit", Map.of("auditPlan",
                "One day on site; the validation evidence of every release this year is sampled.", "rationale",
                RATIONALE));
        // Fieldwork: every item tested against sampled evidence revisions, by an auditor only.
        assertProblem(alex.put(itemPath, Map.of("result", "CONFORMS", "evidenceRevisionIds", List.of(999_999_999L)))
                .expect(400), "evidenceRevisionIds");
        mia.put(itemPath, nonconformity).expect(403);
        JsonNode tested = alex.put(itemPath, nonconformity).expect(200).json();
        assertThat(tested.at("/sample/0/evidenceRevisionId").asLong()).isEqualTo(revision);
        assertThat(tested.get("testedBy").asText()).isEqualTo("alex");
        for (String other : checklist.subList(1, checklist.size())) {
            alex.put("/api/internal-audits/" + audit + "/checklist/" + other, Map.of("result", "CONFORMS",
                    "evidenceRevisionIds", List.of(revision))).expect(200);
        }
        completeTask(alex, pid, "task_fieldwork", Map.of("rationale", RATIONALE));

        // The nonconformity started the existing nonconformity process and, through it, its corrective action.
        JsonNode afterFieldwork = ben.get("/api/internal-audits/" + audit).expect(200).json();
        long nonconformityId = afterFieldwork.at("/checklist/0/nonconformityId").asLong();
        assertThat(nonconformityId).isPositive();
        JsonNode raised = ben.get("/api/nonconformities/" + nonconformityId).expect(200).json();
        assertThat(raised.get("source").asText()).isEqualTo("INTERNAL_AUDIT");
        assertThat(raised.get("systemId").asLong()).isEqualTo(system);
        assertThat(raised.get("raisedBy").asText()).isEqualTo("alex");
        assertThat(raised.get("requirement").asText()).contains(checklist.get(0));
        JsonNode corrective = admin.get("/engine-rest/process-instance?superProcessInstance="
                + raised.get("processInstanceId").asText()).expect(200).json();
        assertThat(corrective).hasSize(1);
        assertThat(corrective.get(0).get("definitionId").asText()).startsWith("corrective-action:");
        assertThat(task(mia, corrective.get(0).get("id").asText(), "task_record_correction")).isNotNull();

        // Report, the board's acceptance (a gate decision), close; the annual audit plans its next occurrence.
        completeTask(alex, pid, "task_write_report", Map.of("reportSummary",
                "One nonconformity: validation evidence not current after retraining.", "conclusion", "NONCONFORMING",
                "rationale", RATIONALE));
        completeTask(grace, pid, "task_accept_report", Map.of("decision", "APPROVE", "rationale", RATIONALE));
        JsonNode closed = ben.get("/api/internal-audits/" + audit).expect(200).json();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("conclusion").asText()).isEqualTo("NONCONFORMING");
        assertThat(texts(closed.get("decisions"), "decidedBy")).containsExactly("alex", "alex", "alex", "grace");
        assertThat(closed.get("nextAuditId").asLong()).isPositive();
        JsonNode next = ben.get("/api/internal-audits/" + closed.get("nextAuditId").asLong()).expect(200).json();
        assertThat(next.get("status").asText()).isEqualTo("PLANNED");
        assertThat(next.get("plannedStart").asText()).isEqualTo(java.time.LocalDate.now().plusYears(1).toString());
    }

    static Map<String, Object> auditPlan(List<Long> systems, String plannedStart) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("title", "AIMS audit " + uniqueToken());
        plan.put("scopeSystemIds", systems);
        plan.put("criteria", "ISO/IEC 42001 clauses 8 and 9 and the applicable Annex A controls.");
        plan.put("frequency", "ANNUAL");
        plan.put("plannedStart", plannedStart);
        plan.put("leadAuditor", "alex");
        return plan;
    }

    /** The caller claims the one open task with this key and completes it with these variables. */
    void completeTask(Caller caller, String pid, String key, Map<String, Object> variables) {
        String id = task(caller, pid, key).get("id").asText();
        caller.post("/engine-rest/task/" + id + "/claim", Map.of("userId", caller.userId())).expect(204);
        caller.post("/engine-rest/task/" + id + "/complete", Map.of("variables",
                LifecycleWalk.engineVariables(variables))).expect(204);
    }

    // ------------------------------------------------------------------------------------------------------------
    // 10. RACI matrix
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void raciMatrixHasExactlyOneAccountablePerActivity() {
        JsonNode matrix = ben.get("/api/raci").expect(200).json();
        assertThat(iterable(matrix.fieldNames())).containsExactlyInAnyOrder("deployment-technical-review",
                "deployment-security-review", "deployment-legal-privacy-review", "deployment-ethics-review",
                "deployment-approval", "deployment-high-risk-signoff", "deployment-remediation",
                "incident-containment", "incident-escalation", "incident-regulator-notification",
                "incident-resumption", "incident-closure", "corrective-correction", "corrective-root-cause",
                "corrective-planning", "corrective-tracking", "corrective-effectiveness", "corrective-closure",
                "inception-impact-assessment", "inception-ethics-review", "inception-legal-review",
                "inception-approval", "inception-high-risk-signoff", "design-dataset-remediation",
                "design-privacy-review", "design-approval", "validation-approval", "reevaluation-assessment",
                "reevaluation-decision", "retirement-plan", "retirement-legal-review", "retirement-approval",
                "evidence-renewal",
                "soa-security-review", "soa-legal-review", "soa-approval", "policy-revision", "policy-legal-review",
                "policy-ethics-review", "policy-approval", "policy-acknowledgement", "management-review",
                "management-review-action", "supplier-due-diligence", "supplier-security-review",
                "supplier-legal-review", "supplier-approval", "internal-audit-plan", "internal-audit-fieldwork",
                "internal-audit-report", "internal-audit-acceptance");
        matrix.fields().forEachRemaining(activity -> {
            JsonNode accountable = activity.getValue().get("accountable");
            assertThat(accountable).as(activity.getKey()).isNotNull();
            assertThat(accountable.isTextual()).as(activity.getKey() + " names one accountable group").isTrue();
            assertThat(accountable.asText()).as(activity.getKey()).isNotBlank();
            for (String role : List.of("responsible", "consulted", "informed")) {
                assertThat(activity.getValue().get(role).isArray()).as(activity.getKey() + "." + role).isTrue();
            }
        });
        assertThat(matrix.at("/deployment-approval/accountable").asText()).isEqualTo("ai-product-owners");
        assertThat(matrix.at("/deployment-high-risk-signoff/accountable").asText()).isEqualTo("governance-board");
        assertThat(texts(matrix.at("/deployment-legal-privacy-review/consulted")))
                .containsExactlyInAnyOrder("legal", "privacy");
        guest.get("/api/raci").expect(403);
        anonymous.get("/api/raci").expect(401);
    }

    @Test
    void unknownApiPathsAndWrongMethodsAnswerProblemJsonToo() {
        Response unknown = ben.get("/api/nothing-here").expect(404);
        assertThat(unknown.contentType()).startsWith(Api.PROBLEM_JSON);
        assertNoInternals(unknown);
        Response wrongMethod = ben.delete("/api/raci").expect(405);
        assertThat(wrongMethod.contentType()).startsWith(Api.PROBLEM_JSON);
        assertNoInternals(wrongMethod);
    }

    // ------------------------------------------------------------------------------------------------------------
    // helpers
    // ------------------------------------------------------------------------------------------------------------

    static String uniqueToken() {
        return "t" + COUNTER.incrementAndGet() + "x" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new system that has passed inception, design & development and V&V (the deployment gate's prerequisites). */
    long createSystem(String prefix, String tier) {
        long id = createSystemAtInception(prefix, tier);
        walk().passGatesBeforeDeployment(id, tier, VALIDATED_BASELINE);
        return id;
    }

    long createSystemAtInception(String prefix, String tier) {
        return olivia.post("/api/systems", systemBody(prefix + " " + uniqueToken(), tier)).expect(201).json().get("id")
                .asLong();
    }

    /** Registers the version with its model card in the evidence store: the deployment gate approves no version without. */
    void registerVersion(long system, String label, String digest) {
        EvidenceFixtures.versionWithModelCard(mia, system, label, digest);
    }

    Response recordRisk(Caller caller, long system, int likelihood, int impact, String title) {
        return caller.post(risksPath(system), riskBody(likelihood, impact, title));
    }

    // The scenarios' request bodies and digests are the shared ones (SystemFixtures), under the names the scenario
    // classes of this package use.

    static Map<String, Object> systemBody(String name, String tier) {
        return SystemFixtures.systemBody(name, tier);
    }

    static Map<String, Object> riskBody(int likelihood, int impact, String title) {
        return SystemFixtures.riskBody(likelihood, impact, title);
    }

    static Map<String, Object> decision(String decision, String rationale) {
        return Map.of("variables", Map.of("decision", Map.of("value", decision), "rationale", Map.of("value", rationale)));
    }

    static String sha256() {
        return SystemFixtures.sha256();
    }

    static String versionsPath(long system) {
        return "/api/systems/" + system + "/versions";
    }

    static String risksPath(long system) {
        return "/api/systems/" + system + "/risks";
    }

    static String riskPath(long system, JsonNode risk) {
        return risksPath(system) + "/" + risk.get("id").asLong();
    }

    static String assessmentPath(long system) {
        return "/api/systems/" + system + "/risk-assessment";
    }

    static String requestsPath(long system, String label) {
        return versionsPath(system) + "/" + label + "/deployment-requests";
    }

    static String decisionPath(long system, String label) {
        return versionsPath(system) + "/" + label + "/deployment-decision";
    }

    String versionStatus(long system, String label) {
        return ben.get(versionsPath(system) + "/" + label).expect(200).json().get("status").asText();
    }

    /** The open tasks of a process instance that this caller may see, by definition key. */
    List<String> taskKeys(Caller caller, String pid) {
        return texts(caller.get("/engine-rest/task?processInstanceId=" + pid).expect(200).json(), "taskDefinitionKey");
    }

    /** The one open task with this key, as the caller sees it; fails when the caller cannot see it. */
    JsonNode task(Caller caller, String pid, String key) {
        JsonNode tasks = caller.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + key)
                .expect(200).json();
        assertThat(tasks).as(caller + " sees one open " + key + " of " + pid).hasSize(1);
        return tasks.get(0);
    }

    /** The reviewer finds the task with their own credentials, claims it and completes it with a rationale. */
    void completeReview(Caller reviewer, String pid, String key, String decision) {
        String id = task(reviewer, pid, key).get("id").asText();
        reviewer.post("/engine-rest/task/" + id + "/claim", Map.of("userId", reviewer.userId())).expect(204);
        reviewer.post("/engine-rest/task/" + id + "/complete", decision(decision, RATIONALE)).expect(204);
    }

    List<String> candidateGroups(String pid, String key) {
        String id = task(admin, pid, key).get("id").asText();
        return texts(admin.get("/engine-rest/task/" + id + "/identity-links?type=candidate").expect(200).json(),
                "groupId");
    }

    static Map<String, String> decisionsByTask(JsonNode request) {
        Map<String, String> byTask = new TreeMap<>();
        request.get("decisions").forEach(d -> byTask.put(d.get("taskKey").asText(), d.get("decidedBy").asText()));
        assertThat(byTask).as("one decision per task").hasSize(request.get("decisions").size());
        return byTask;
    }

    static List<String> eventTypes(JsonNode request) {
        return texts(request.get("events"), "type");
    }

    static long totalElements(Response response) {
        JsonNode total = response.json().at("/page/totalElements");
        assertThat(total.isNumber()).as(response.toString()).isTrue();
        return total.asLong();
    }

    static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("content").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.path(field).asText()));
        return texts;
    }

    static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    static void assertProblem(Response response, String field) {
        assertThat(response.contentType()).as(response.toString()).startsWith(Api.PROBLEM_JSON);
        assertThat(response.json().get("status").asInt()).as(response.toString()).isEqualTo(response.status());
        assertThat(response.problemFields()).as(response.toString()).contains(field);
        assertNoInternals(response);
    }

    /** No stack trace, exception class or framework internals in an error body. */
    static void assertNoInternals(Response response) {
        assertThat(response.body()).as(response.toString())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("at io.aimsgate")
                .doesNotContain("at org.")
                .doesNotContain("Caused by")
                .doesNotContain("\"trace\"")
                .doesNotContain("org.springframework")
                .doesNotContain("com.fasterxml");
    }

    static String json(Object body) {
        return Api.json(body);
    }

    /** A JSON object body with one field replaced (or added). */
    static String with(String jsonObject, String field, Object value) {
        Map<String, Object> body = read(jsonObject);
        body.put(field, value);
        return json(body);
    }

    static String without(String jsonObject, String field) {
        Map<String, Object> body = read(jsonObject);
        body.remove(field);
        return json(body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String jsonObject) {
        try {
            return new LinkedHashMap<>(new com.fasterxml.jackson.databind.ObjectMapper().readValue(jsonObject, Map.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
