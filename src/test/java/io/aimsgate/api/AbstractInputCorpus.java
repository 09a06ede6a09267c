package io.aimsgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.ProcessEngineBinding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The malformed-input corpus of issue 14: every write endpoint of {@code /api}, each field of its body in turn given
 * a wrong JSON type, a coerced scalar (a number for text, a string or number for a boolean, a fraction for an
 * integer, a string for a number, an ordinal for an enum), a padded or lower-case enum name, a duplicate key, a
 * control character, a date out of range or as an epoch number; each body with trailing tokens and an unknown field;
 * each numeric path id in a non-canonical spelling. Every case must be answered 4xx problem+json naming the field,
 * and nothing may be written: the row counts of all our tables and of the engine's process instances, and the
 * fixture records an update would change, are the same before and after. Cases are generated from one valid body
 * per endpoint and the type of each of its fields (see {@link #endpoints()}), not written one by one.
 */
@ExtendWith(ProcessEngineBinding.class)
abstract class AbstractInputCorpus {

    /** Our tables and the engine's process instances (a start that slipped through would add one). */
    private static final List<String> TABLES = List.of("ai_system", "model_version", "risk", "risk_cell_tally",
            "deployment_request", "gate_decision", "gate_event", "incident", "incident_version", "incident_evidence",
            "nonconformity", "corrective_case", "corrective_action", "dataset", "gate_run",
            "metric_objective", "monitoring_reading", "validation_run", "validation_metric", "reevaluation_assessment",
            "retirement_plan", "impact_assessment", "inception_screening", "notification", "admin_repair",
            "audit_entry", "audit_checkpoint", "evidence_file", "evidence_revision", "evidence_chunk",
            "deployment_attestation", "deployment_approval",
            "aims_control", "control_risk", "control_evidence", "soa_version", "soa_entry",
            "policy_document", "policy_version", "policy_acknowledgement", "ai_objective", "ai_objective_snapshot",
            "management_review", "management_review_action",
            "supplier_assessment", "internal_audit", "internal_audit_system", "internal_audit_control",
            "internal_audit_item", "internal_audit_sample",
            "act_hi_procinst");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HOLE = "\"@@corpus@@\"";
    private static final Map<Integer, Fixture> FIXTURES = new ConcurrentHashMap<>();
    private static final Map<String, Integer> SIZES = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    enum Kind { TEXT, MULTILINE, INT, NUMBER, BOOL, PRIMITIVE_BOOL, ENUM, DATE, INSTANT, ID, TEXT_LIST, OBJECT, OBJECT_LIST }

    record Field(String name, Kind kind) {
    }

    /** One write endpoint: method, path with {placeholders}, who may call it, a valid body and its fields' kinds. */
    record Endpoint(String name, String method, String path, String user, Map<String, Object> body, List<Field> fields,
            String record) {
    }

    record Case(String endpoint, String description, String method, String path, String user, String body,
            String field) {

        @Override
        public String toString() {
            return endpoint + ": " + description;
        }
    }

    record Fixture(long systemId, String versionLabel, long riskId, long datasetId, long incidentId) {
    }

    // ------------------------------------------------------------------------------------------------------------
    // the endpoints
    // ------------------------------------------------------------------------------------------------------------

    static List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        Map<String, Object> system = map("name", "Corpus system", "intendedUse", "Ranks support tickets.",
                "aiType", "PREDICTIVE", "businessOwner", "olivia", "businessUnit", "Support", "supplierType", "IN_HOUSE",
                "euAiActTier", "MINIMAL", "dataCategories", List.of("tickets"), "processesPersonalData", false,
                "supplierName", "Own team", "lifecycleStage", "INCEPTION");
        List<Field> systemFields = fields("name", Kind.TEXT, "intendedUse", Kind.MULTILINE, "aiType", Kind.ENUM,
                "businessOwner", Kind.TEXT, "businessUnit", Kind.TEXT, "supplierType", Kind.ENUM, "euAiActTier", Kind.ENUM,
                "dataCategories", Kind.TEXT_LIST, "processesPersonalData", Kind.BOOL, "supplierName", Kind.TEXT,
                "lifecycleStage", Kind.ENUM);
        endpoints.add(new Endpoint("create system", "POST", "/api/systems", "olivia", system, systemFields, null));
        endpoints.add(new Endpoint("update system", "PUT", "/api/systems/{systemId}", "olivia", system, systemFields,
                "/api/systems/{systemId}"));

        Map<String, Object> version = map("versionLabel", "7.7.7", "artifactSha256", "ab".repeat(32));
        endpoints.add(new Endpoint("register version", "POST", "/api/systems/{systemId}/versions", "mia", version,
                fields("versionLabel", Kind.TEXT, "artifactSha256", Kind.TEXT), null));
        endpoints.add(new Endpoint("correct version digest", "PATCH", "/api/systems/{systemId}/versions/{versionLabel}",
                "mia", map("artifactSha256", "cd".repeat(32)), fields("artifactSha256", Kind.TEXT),
                "/api/systems/{systemId}/versions/{versionLabel}"));
        endpoints.add(new Endpoint("submit deployment request", "POST",
                "/api/systems/{systemId}/versions/{versionLabel}/deployment-requests", "olivia",
                map("note", "First release", "servingImage", "registry.example.com/models/corpus@sha256:"
                        + "ab".repeat(32)), fields("note", Kind.MULTILINE, "servingImage", Kind.TEXT), null));

        Map<String, Object> risk = map("lifecycleStage", "VERIFICATION_AND_VALIDATION", "strideCategory", "TAMPERING",
                "title", "Corpus risk", "description", "Found in review.", "likelihood", 3, "impact", 3,
                "treatment", "MITIGATE", "treatmentOwner", "mia", "dueDate", "2030-01-31", "residualLikelihood", 2,
                "residualImpact", 2);
        List<Field> riskFields = fields("lifecycleStage", Kind.ENUM, "strideCategory", Kind.ENUM, "title", Kind.TEXT,
                "description", Kind.MULTILINE, "likelihood", Kind.INT, "impact", Kind.INT, "treatment", Kind.ENUM,
                "treatmentOwner", Kind.TEXT, "dueDate", Kind.DATE, "residualLikelihood", Kind.INT,
                "residualImpact", Kind.INT);
        endpoints.add(new Endpoint("record risk", "POST", "/api/systems/{systemId}/risks", "sam", risk, riskFields,
                null));
        endpoints.add(new Endpoint("update risk", "PUT", "/api/systems/{systemId}/risks/{riskId}", "sam", risk,
                riskFields, "/api/systems/{systemId}/risks/{riskId}"));
        endpoints.add(new Endpoint("risk transition", "POST", "/api/systems/{systemId}/risks/{riskId}/transitions",
                "sam", map("status", "CLOSED", "reason", "Mitigated by the input filter.", "rationale",
                        "Not needed for closing.", "expiresOn", "2030-01-31"),
                fields("status", Kind.ENUM, "reason", Kind.MULTILINE, "rationale", Kind.MULTILINE, "expiresOn",
                        Kind.DATE),
                "/api/systems/{systemId}/risks/{riskId}"));

        Map<String, Object> dataset = map("name", "Corpus dataset", "purpose", "TRAINING", "source", "Ticket history",
                "collectionMethod", "Export", "legalBasis", "OWN_DATA", "licence", "Internal", "copyrightChecked", true,
                "personalDataCategories", List.of(), "personalDataTreatment", "NONE", "consentBasis", "n/a",
                "synthetic", false, "syntheticValidation", "n/a", "qualityChecks", "Deduplicated",
                "processingSteps", "Tokenised", "storageLocation", "s3://data/tickets");
        List<Field> datasetFields = fields("name", Kind.TEXT, "purpose", Kind.ENUM, "source", Kind.MULTILINE,
                "collectionMethod", Kind.MULTILINE, "legalBasis", Kind.ENUM, "licence", Kind.TEXT,
                "copyrightChecked", Kind.BOOL, "personalDataCategories", Kind.TEXT_LIST,
                "personalDataTreatment", Kind.ENUM, "consentBasis", Kind.MULTILINE, "synthetic", Kind.BOOL,
                "syntheticValidation", Kind.MULTILINE, "qualityChecks", Kind.MULTILINE,
                "processingSteps", Kind.MULTILINE, "storageLocation", Kind.TEXT);
        endpoints.add(new Endpoint("register dataset", "POST", "/api/systems/{systemId}/datasets", "mia", dataset,
                datasetFields, null));
        endpoints.add(new Endpoint("update dataset", "PUT", "/api/systems/{systemId}/datasets/{datasetId}", "mia",
                dataset, datasetFields, "/api/systems/{systemId}/datasets/{datasetId}"));

        endpoints.add(new Endpoint("monitoring reading", "POST", "/api/systems/{systemId}/monitoring", "mia",
                map("metric", "accuracy", "value", 0.93, "measuredAt", "2026-01-01T10:00:00Z"),
                fields("metric", Kind.TEXT, "value", Kind.NUMBER, "measuredAt", Kind.INSTANT), null));
        endpoints.add(new Endpoint("request re-evaluation", "POST", "/api/systems/{systemId}/reevaluations", "mia",
                map("reason", "Complaints about ticket routing doubled."), fields("reason", Kind.MULTILINE), null));

        Map<String, Object> validation = map("versionLabel", "1.0.0",
                "metrics", List.of(map("kind", "PERFORMANCE", "metric", "accuracy", "protectedAttribute", "age",
                        "value", 0.91)),
                "robustnessNotes", "Perturbation tests pass.", "explainabilityNotes", "Attributions shown.",
                "modelCard", map("intendedUse", "Ticket routing", "limitations", "English only",
                        "failureCases", "Very short tickets", "trainingData", "Tickets 2024-2025"));
        endpoints.add(new Endpoint("submit validation", "POST", "/api/systems/{systemId}/validations", "mia", validation,
                fields("versionLabel", Kind.TEXT, "metrics", Kind.OBJECT_LIST, "metrics[0].kind", Kind.ENUM,
                        "metrics[0].metric", Kind.TEXT, "metrics[0].protectedAttribute", Kind.TEXT,
                        "metrics[0].value", Kind.NUMBER, "robustnessNotes", Kind.MULTILINE,
                        "explainabilityNotes", Kind.MULTILINE, "modelCard", Kind.OBJECT,
                        "modelCard.intendedUse", Kind.MULTILINE, "modelCard.limitations", Kind.MULTILINE,
                        "modelCard.failureCases", Kind.MULTILINE, "modelCard.trainingData", Kind.MULTILINE), null));
        endpoints.add(new Endpoint("set objective", "PUT", "/api/systems/{systemId}/objectives/{metric}", "olivia",
                map("kind", "PERFORMANCE", "bound", "MIN", "threshold", 0.85),
                fields("kind", Kind.ENUM, "bound", Kind.ENUM, "threshold", Kind.NUMBER),
                "/api/systems/{systemId}/objectives"));

        Map<String, Object> incident = map("systemId", "{systemId}", "versionLabels", List.of("1.0.0"),
                "type", "MODEL_DRIFT", "title", "Corpus incident", "description", "Accuracy dropped.",
                "harmToPeople", "None known.", "death", false, "seriousHealthHarm", false,
                "criticalInfrastructureDisruption", false, "widespreadInfringement", false,
                "fundamentalRightsInfringement", false, "propertyOrEnvironmentHarm", false,
                "detectedAt", "2026-01-01T08:00:00Z");
        endpoints.add(new Endpoint("report incident", "POST", "/api/incidents", "mia", incident,
                fields("systemId", Kind.ID, "versionLabels", Kind.TEXT_LIST, "type", Kind.ENUM, "title", Kind.TEXT,
                        "description", Kind.MULTILINE, "harmToPeople", Kind.MULTILINE, "death", Kind.PRIMITIVE_BOOL,
                        "seriousHealthHarm", Kind.PRIMITIVE_BOOL, "fundamentalRightsInfringement", Kind.PRIMITIVE_BOOL,
                        "detectedAt", Kind.INSTANT), null));
        endpoints.add(new Endpoint("add incident evidence", "POST", "/api/incidents/{incidentId}/evidence", "mia",
                map("kind", "LOG", "reference", "s3://logs/drift/2026-01-01", "note", "Drift window"),
                fields("kind", Kind.ENUM, "reference", Kind.TEXT, "note", Kind.MULTILINE), "/api/incidents/{incidentId}"));
        endpoints.add(new Endpoint("raise risk from incident", "POST", "/api/incidents/{incidentId}/risks", "sam",
                map("lifecycleStage", "OPERATION_AND_MONITORING", "strideCategory", "TAMPERING", "title",
                        "Drift detector missing", "description", "Found in the incident.", "likelihood", 3,
                        "impact", 3, "dueDate", "2030-01-31"),
                fields("lifecycleStage", Kind.ENUM, "strideCategory", Kind.ENUM, "title", Kind.TEXT,
                        "description", Kind.MULTILINE, "likelihood", Kind.INT, "impact", Kind.INT, "dueDate", Kind.DATE),
                null));
        endpoints.add(new Endpoint("raise nonconformity", "POST", "/api/nonconformities", "olivia",
                map("systemId", "{systemId}", "source", "INTERNAL_AUDIT", "requirement", "A.6.2.4",
                        "description", "Model card missing."),
                fields("systemId", Kind.ID, "source", Kind.ENUM, "requirement", Kind.TEXT, "description",
                        Kind.MULTILINE), null));
        // No corrective action exists in the fixture (one takes an incident walked to its planning step); the body is
        // refused before the action is looked up, and the path id spellings before anything else.
        endpoints.add(new Endpoint("corrective action status", "POST", "/api/corrective-actions/{actionId}/status",
                "sam", map("status", "DONE"), fields("status", Kind.ENUM), null));
        // The administrator's recorded repair: the body is refused before the task is looked up, so a task id of the
        // right shape that names no task is enough; a refused repair must leave no admin_repair row.
        endpoints.add(new Endpoint("reassign task", "POST", "/api/admin/tasks/{taskId}/reassign", "admin",
                map("assignee", "mia", "reason", "Olivia is on leave until March."),
                fields("assignee", Kind.TEXT, "reason", Kind.TEXT), null));
        // An on-demand ledger checkpoint: a refused request neither records the request nor signs the head.
        endpoints.add(new Endpoint("ledger checkpoint", "POST", "/api/audit/checkpoints", "grace",
                map("reason", "Sample for the quarterly internal audit."), fields("reason", Kind.TEXT), null));
        // Planning an internal audit: a refused plan adds nothing to the programme.
        endpoints.add(new Endpoint("plan internal audit", "POST", "/api/internal-audits", "grace",
                map("title", "Corpus audit", "scopeSystemIds", List.of("{systemId}"), "scopeControlIds", List.of(),
                        "criteria", "ISO/IEC 42001 clause 8.", "frequency", "ONE_OFF", "plannedStart", "2030-01-31",
                        "leadAuditor", "alex"),
                fields("title", Kind.TEXT, "scopeSystemIds", Kind.TEXT_LIST, "scopeControlIds", Kind.TEXT_LIST,
                        "criteria", Kind.MULTILINE, "frequency", Kind.ENUM, "plannedStart", Kind.DATE,
                        "leadAuditor", Kind.TEXT), null));
        // A checklist item's test: the body and the sample are refused before the audit is looked up (no audit exists
        // in the fixture), the audit id's spellings before anything else.
        endpoints.add(new Endpoint("start internal audit", "POST", "/api/internal-audits/{auditId}/start", "alex",
                map("note", "Quarter-end sample of the programme."), fields("note", Kind.MULTILINE), null));
        endpoints.add(new Endpoint("test checklist item", "PUT", "/api/internal-audits/{auditId}/checklist/{controlId}",
                "alex", map("result", "NONCONFORMITY", "evidenceRevisionIds", List.of(), "systemId", "{systemId}",
                        "notes", "Validation evidence is not current."),
                fields("result", Kind.ENUM, "evidenceRevisionIds", Kind.TEXT_LIST, "systemId", Kind.ID, "notes",
                        Kind.MULTILINE), null));
        // Controls (docs/controls.md): a control's record, the risks it treats and its evidence; a new SoA version.
        endpoints.add(new Endpoint("record control", "PUT", "/api/controls/{controlId}", "sam",
                map("applicable", true, "justification", "We keep a register of frameworks per system.",
                        "implementationStatus", "PARTIAL", "owner", "mia"),
                fields("applicable", Kind.BOOL, "justification", Kind.MULTILINE, "implementationStatus", Kind.ENUM,
                        "owner", Kind.TEXT), "/api/controls/{controlId}"));
        endpoints.add(new Endpoint("control treats risks", "PUT", "/api/controls/{controlId}/risks", "sam",
                map("riskIds", List.of(1)), fields("riskIds[0]", Kind.ID), "/api/controls/{controlId}"));
        endpoints.add(new Endpoint("control evidence", "PUT", "/api/controls/{controlId}/evidence", "sam",
                map("evidenceFileIds", List.of(1)), fields("evidenceFileIds[0]", Kind.ID),
                "/api/controls/{controlId}"));
        endpoints.add(new Endpoint("submit SoA version", "POST", "/api/soa/versions", "olivia",
                map("note", "Adds the tooling register.", "basedOnVersionNo", 1),
                fields("note", Kind.MULTILINE, "basedOnVersionNo", Kind.INT), null));
        // The management system (issue 18): the demo's published AI policy and the acknowledgement oscar still owes.
        endpoints.add(new Endpoint("create policy", "POST", "/api/policies", "olivia",
                map("documentKey", "corpus-policy", "title", "Corpus policy", "purpose", "What we commit to.",
                        "reviewInterval", "P1Y"),
                fields("documentKey", Kind.TEXT, "title", Kind.TEXT, "purpose", Kind.MULTILINE, "reviewInterval",
                        Kind.TEXT), null));
        endpoints.add(new Endpoint("draft policy version", "POST", "/api/policies/{documentKey}/versions", "olivia",
                map("body", "# AI policy\n\nRevised.", "changeSummary", "Scope clarified."),
                fields("body", Kind.MULTILINE, "changeSummary", Kind.MULTILINE), null));
        endpoints.add(new Endpoint("acknowledge policy", "POST",
                "/api/policies/{documentKey}/versions/{versionNumber}/acknowledgement", "oscar",
                map("acknowledged", true), fields("acknowledged", Kind.BOOL), null));
        endpoints.add(new Endpoint("set objective", "POST", "/api/objectives", "grace",
                map("code", "CORPUS-OBJECTIVE", "title", "Corpus objective", "metric", "MEDIAN_DAYS_TO_CONTAINMENT",
                        "direction", "AT_MOST", "target", 2.5, "owner", "mia", "dueDate", "2030-06-30"),
                fields("code", Kind.TEXT, "title", Kind.TEXT, "metric", Kind.ENUM, "direction", Kind.ENUM, "target",
                        Kind.NUMBER, "owner", Kind.TEXT, "dueDate", Kind.DATE), null));
        endpoints.add(new Endpoint("start management review", "POST", "/api/management-reviews", "olivia",
                map("reason", "Serious incident in November."), fields("reason", Kind.MULTILINE), null));
        // An evidence upload: the file is the body, what it is goes in the query (see evidenceUploadCases).
        endpoints.add(new Endpoint("upload evidence", "POST", EVIDENCE_UPLOAD, "mia", map(), List.of(), null));
        return endpoints;
    }

    // ------------------------------------------------------------------------------------------------------------
    // the cases
    // ------------------------------------------------------------------------------------------------------------

    static Stream<Arguments> corpus() {
        List<Case> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            List<Case> own = new ArrayList<>();
            if (endpoint.path().equals(EVIDENCE_UPLOAD)) {
                own.addAll(evidenceUploadCases(endpoint));
                SIZES.put(endpoint.method() + " " + endpoint.path(), own.size());
                cases.addAll(own);
                continue;
            }
            String valid = json(endpoint.body());
            for (Field field : endpoint.fields()) {
                for (Map.Entry<String, String> mutation : mutations(field.kind()).entrySet()) {
                    own.add(new Case(endpoint.name(), field.name() + " " + mutation.getKey(), endpoint.method(),
                            endpoint.path(), endpoint.user(), replace(endpoint.body(), field.name(), mutation.getValue()),
                            field.name()));
                }
                if (field.name().indexOf('[') < 0 && field.name().indexOf('.') < 0) {
                    own.add(new Case(endpoint.name(), field.name() + " twice", endpoint.method(), endpoint.path(),
                            endpoint.user(), duplicate(endpoint.body(), field.name()), field.name()));
                }
            }
            for (String nested : List.of("modelCard")) {
                if (endpoint.body().containsKey(nested)) {
                    String body = valid.replace("\"" + nested + "\":{", "\"" + nested + "\":{\"limitations\":\"x\",");
                    own.add(new Case(endpoint.name(), nested + ".limitations twice", endpoint.method(), endpoint.path(),
                            endpoint.user(), body, nested + ".limitations"));
                }
            }
            for (Map.Entry<String, String> trailing : Map.of("a second object", " {}", "a comma and more", ", 1",
                    "a stray word", " true", "a closing bracket", "]").entrySet()) {
                own.add(new Case(endpoint.name(), "trailing " + trailing.getKey(), endpoint.method(), endpoint.path(),
                        endpoint.user(), valid + trailing.getValue(), "body"));
            }
            own.add(new Case(endpoint.name(), "unknown field", endpoint.method(), endpoint.path(), endpoint.user(),
                    valid.substring(0, valid.length() - 1) + ",\"colour\":\"red\"}", "colour"));
            for (String variable : pathVariables(endpoint.path())) {
                for (Map.Entry<String, String> spelling : idSpellings(variable).entrySet()) {
                    own.add(new Case(endpoint.name(), variable + " " + spelling.getKey(), endpoint.method(),
                            endpoint.path().replace("{" + variable + "}", spelling.getValue()), endpoint.user(), valid,
                            variable));
                }
            }
            SIZES.put(endpoint.method() + " " + endpoint.path(), own.size());
            cases.addAll(own);
        }
        return cases.stream().map(Arguments::of);
    }

    static final String EVIDENCE_UPLOAD = "/api/evidence";

    /**
     * The evidence upload's query parameters, each in turn missing, empty, misspelt or out of range, with a valid file
     * as the body: refused naming the parameter, and no evidence row or chunk written.
     */
    static List<Case> evidenceUploadCases(Endpoint endpoint) {
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("subjectType", "SYSTEM");
        valid.put("subjectId", "{systemId}");
        valid.put("kind", "MODEL_CARD");
        valid.put("fileName", "model-card.md");
        valid.put("expiresOn", "2099-12-31");
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        wrong.put("subjectType", List.of("", "system", "%20SYSTEM", "SYSTEM%20", "0", "CONTROL", "AI_SYSTEM"));
        wrong.put("subjectId", List.of("", "0{systemId}", "%20{systemId}", "{systemId}.0", "1e3", "-{systemId}",
                "0x{systemId}#hex", "{systemId}#fullwidth", "99999999999999999999", "0"));
        wrong.put("kind", List.of("", "model_card", "MODEL_CARD%20", "0", "MODEL%20CARD", "CARD"));
        wrong.put("fileName", List.of("", "a%2Fb.md", "a%5Cb.md", "..", ".hidden", "a%07b.md", "a%0Ab.md",
                "%20card.md", "card.md%20", "x".repeat(256)));
        wrong.put("expiresOn", List.of("2020-01-01", "2099-02-30", "20991231", "4102358400", "tomorrow", "2099-1-1",
                "31.12.2099"));
        List<Case> cases = new ArrayList<>();
        String body = "# Corpus model card\n\nIntended use: test input only.\n";
        for (Map.Entry<String, List<String>> parameter : wrong.entrySet()) {
            List<String> values = new ArrayList<>(parameter.getValue());
            if (!parameter.getKey().equals("expiresOn")) {
                values.add(null);
            }
            for (String value : values) {
                StringBuilder query = new StringBuilder();
                valid.forEach((name, good) -> {
                    String chosen = name.equals(parameter.getKey()) ? value : good;
                    if (chosen != null) {
                        query.append(query.length() == 0 ? "?" : "&").append(name).append('=').append(chosen);
                    }
                });
                String description = parameter.getKey() + (value == null ? " missing" : " = '" + value + "'");
                cases.add(new Case(endpoint.name(), description, endpoint.method(), endpoint.path() + query,
                        endpoint.user(), body, parameter.getKey()));
            }
        }
        return cases;
    }

    /** Replacements of one field's value, as raw JSON, by the field's kind. */
    static Map<String, String> mutations(Kind kind) {
        Map<String, String> m = new LinkedHashMap<>();
        switch (kind) {
            case TEXT, MULTILINE -> {
                m.put("as a number", "12345");
                m.put("as a fraction", "1.5");
                m.put("as a boolean", "true");
                m.put("as an object", "{\"text\":\"x\"}");
                m.put("as a list", "[\"x\"]");
                m.put("with NUL", "\"bad\\u0000value\"");
                m.put("with BEL", "\"bad\\u0007value\"");
                m.put("with ESC", "\"bad\\u001bvalue\"");
                m.put("with DEL", "\"bad\\u007fvalue\"");
                m.put("with a C1 control", "\"bad\\u0085value\"");
                m.put("with a lone surrogate", "\"bad\\ud800value\"");
                if (kind == Kind.TEXT) {
                    m.put("with a line feed", "\"bad\\nvalue\"");
                    m.put("with a carriage return", "\"bad\\rvalue\"");
                    m.put("with a tab", "\"bad\\tvalue\"");
                    m.put("with a line separator", "\"bad\\u2028value\"");
                }
            }
            case INT -> {
                m.put("as a string", "\"3\"");
                m.put("as a fraction", "2.7");
                m.put("as 3.0", "3.0");
                m.put("as a boolean", "true");
                m.put("as an empty string", "\"\"");
                m.put("beyond int", "99999999999");
                m.put("as a list", "[3]");
            }
            case ID -> {
                m.put("as a fraction", "9.9");
                m.put("as a string", "\"9\"");
                m.put("as a boolean", "true");
                m.put("beyond long", "99999999999999999999");
                m.put("as a list", "[9]");
            }
            case NUMBER -> {
                m.put("as a string", "\"0.5\"");
                m.put("as NaN text", "\"NaN\"");
                m.put("as a boolean", "true");
                m.put("as a list", "[0.5]");
                m.put("as an object", "{\"value\":0.5}");
            }
            case BOOL, PRIMITIVE_BOOL -> {
                m.put("as 1", "1");
                m.put("as 0", "0");
                m.put("as \"true\"", "\"true\"");
                m.put("as \"false\"", "\"false\"");
                m.put("as 1.0", "1.0");
                m.put("as a list", "[true]");
                if (kind == Kind.PRIMITIVE_BOOL) {
                    m.put("as null", "null");
                }
            }
            case ENUM -> {
                m.put("as an ordinal", "5");
                m.put("as ordinal 0", "0");
                m.put("as an ordinal string", "\"1\"");
                m.put("padded right", "\"@ \"");
                m.put("padded left", "\" @\"");
                m.put("in lower case", "\"@lower\"");
                m.put("unknown", "\"NOPE_VALUE\"");
                m.put("as a boolean", "true");
                m.put("as an empty string", "\"\"");
            }
            case DATE -> {
                m.put("as an epoch number", "1");
                m.put("as an array", "[2030,1,31]");
                m.put("in year -999999999", "\"-999999999-01-01\"");
                m.put("in year +10000", "\"+10000-01-01\"");
                m.put("in year 1899", "\"1899-12-31\"");
                m.put("in year 2201", "\"2201-01-01\"");
                m.put("as 30 February", "\"2030-02-30\"");
                m.put("as an instant", "\"2030-01-31T00:00:00Z\"");
                m.put("as a word", "\"tomorrow\"");
            }
            case INSTANT -> {
                m.put("as an epoch number", "1");
                m.put("as an epoch fraction", "1.5");
                m.put("in year -999999999", "\"-999999999-01-01T00:00:00Z\"");
                m.put("in year 1899", "\"1899-12-31T23:59:59Z\"");
                m.put("in year 2201", "\"2201-01-01T00:00:00Z\"");
                m.put("as a date only", "\"2026-01-01\"");
                m.put("as a word", "\"yesterday\"");
                m.put("as an array", "[2026,1,1,8,0]");
            }
            case TEXT_LIST -> {
                m.put("as a single string", "\"x\"");
                m.put("with a number", "[12345]");
                m.put("with a boolean", "[true]");
                m.put("with NUL", "[\"bad\\u0000value\"]");
                m.put("with a line feed", "[\"bad\\nvalue\"]");
                m.put("as an object", "{\"0\":\"x\"}");
            }
            case OBJECT -> {
                m.put("as a string", "\"card\"");
                m.put("as a number", "1");
                m.put("as a list", "[]");
            }
            case OBJECT_LIST -> {
                m.put("as an object", "{}");
                m.put("as a string", "\"metrics\"");
                m.put("with a number", "[1]");
            }
        }
        return m;
    }

    /** Non-canonical spellings of the fixture's id (filled in by {@link #resolve}); full-width digits as UTF-8. */
    static Map<String, String> idSpellings(String variable) {
        String id = "{" + variable + "}";
        Map<String, String> m = new LinkedHashMap<>();
        m.put("with leading zeros", "00" + id);
        m.put("with a plus sign", "%2B" + id);
        m.put("with a raw plus sign", "+" + id);
        m.put("negative", "-" + id);
        m.put("in hexadecimal", "0x" + id + "#hex");
        m.put("with a trailing space", id + "%20");
        m.put("with a leading space", "%20" + id);
        m.put("with a trailing tab", id + "%09");
        m.put("in full-width digits", id + "#fullwidth");
        m.put("as a fraction", id + ".0");
        m.put("beyond long", "99999999999999999999");
        m.put("in exponent form", "1e3");
        return m;
    }

    // ------------------------------------------------------------------------------------------------------------
    // the tests
    // ------------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("corpus")
    void malformedInputIsRefusedNamingTheFieldAndWritesNothing(Case c) {
        Fixture fixture = fixture();
        String path = resolve(c.path(), fixture);
        String body = c.body().replace("\"{systemId}\"", String.valueOf(fixture.systemId()));
        String record = recordOf(c, fixture);
        Api.Caller caller = new Api(port).as(c.user());
        Response response = null;
        for (int attempt = 1; ; attempt++) {
            Map<String, Long> before = counts();
            String recordBefore = record == null ? null : caller.get(record).expect(200).body();
            response = caller.send(c.method(), path, body, "application/json");
            Map<String, Long> after = counts();
            String recordAfter = record == null ? null : caller.get(record).expect(200).body();
            assertThat(response.status()).as(response.toString()).isBetween(400, 499);
            if (before.equals(after) && java.util.Objects.equals(recordBefore, recordAfter)) {
                break;
            }
            // Something else (a timer or notification of another test's process) may have written meanwhile: the
            // request is refused every time, so try again; three changed snapshots in a row are a failure.
            assertThat(attempt).as("rows or the record changed around " + response + ": " + before + " -> " + after
                    + "; " + recordBefore + " -> " + recordAfter).isLessThan(3);
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).as(response.toString()).startsWith(Api.PROBLEM_JSON);
        assertThat(response.json().path("status").asInt()).isEqualTo(400);
        // The field itself, or a part of it: dataCategories[0] for a list element, metrics[0].value inside an object.
        assertThat(response.problemFields()).as(response.toString()).anySatisfy(field -> assertThat(
                field.equals(c.field()) || field.startsWith(c.field() + "[") || field.startsWith(c.field() + "."))
                .as("field " + field + " names " + c.field()).isTrue());
        assertThat(response.body()).as(response.toString()).doesNotContain("Exception", "at io.", "com.fasterxml",
                "org.springframework", "java.lang");
    }

    /**
     * Paths with encoded separators, dot segments, matrix parameters or NUL, refused by Tomcat or by Spring Security's
     * firewall before any controller: problem+json naming the path, and nothing written. Sent over a raw socket so
     * that no client library normalises them.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedPaths")
    void malformedPathsAreRefusedWithProblemJson(String description, String method, String rawPath) throws IOException {
        Fixture fixture = fixture();
        String path = resolve(rawPath, fixture);
        Map<String, Long> before = counts();
        RawResponse response = raw(method, path, "olivia", "{}");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).as(response.toString()).startsWith(Api.PROBLEM_JSON);
        JsonNode problem = MAPPER.readTree(response.body());
        assertThat(problem.path("status").asInt()).as(response.toString()).isEqualTo(400);
        assertThat(problem.path("field").asText()).as(response.toString()).isEqualTo("path");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("<html", "Exception", "Tomcat", "timestamp");
        assertThat(counts()).isEqualTo(before);
    }

    static Stream<Arguments> malformedPaths() {
        List<Arguments> paths = new ArrayList<>();
        Map<String, String> tricks = new LinkedHashMap<>();
        tricks.put("an encoded slash", "/api/systems/{systemId}%2Frisks");
        tricks.put("an encoded slash in lower case", "/api/systems/{systemId}%2frisks");
        tricks.put("an encoded backslash", "/api/systems/{systemId}%5Crisks");
        tricks.put("an encoded dot segment", "/api/systems/%2e%2e/systems/{systemId}/risks");
        tricks.put("an encoded single dot", "/api/systems/%2e/{systemId}/risks");
        tricks.put("a dot segment with a semicolon", "/api/systems/..;/systems/{systemId}/risks");
        tricks.put("a matrix parameter", "/api/systems/{systemId};x=1/risks");
        tricks.put("a matrix parameter on the last segment", "/api/systems/{systemId}/risks;x=1");
        tricks.put("an encoded NUL", "/api/systems/{systemId}%00/risks");
        tricks.put("an encoded percent", "/api/systems/{systemId}%252F/risks");
        tricks.put("a double slash", "/api/systems//{systemId}/risks");
        tricks.put("a plain dot segment", "/api/systems/../systems/{systemId}/risks");
        tricks.put("an invalid percent escape", "/api/systems/{systemId}%ZZ/risks");
        tricks.put("a raw pipe", "/api/systems/{systemId}|x/risks");
        tricks.put("a raw brace", "/api/systems/{systemId}{/risks");
        for (Map.Entry<String, String> trick : tricks.entrySet()) {
            paths.add(Arguments.of("POST " + trick.getKey(), "POST", trick.getValue()));
        }
        paths.add(Arguments.of("GET an encoded slash", "GET", "/api/systems/{systemId}%2Fversions"));
        paths.add(Arguments.of("engine-rest: an encoded slash", "GET", "/engine-rest/task%2Fx"));
        paths.add(Arguments.of("engine-rest: a matrix parameter", "GET", "/engine-rest/task;x=1"));
        paths.add(Arguments.of("webapp API: an encoded dot segment", "GET", "/camunda/api/%2e%2e/engine"));
        paths.add(Arguments.of("webapp API: an encoded backslash", "GET", "/camunda/api/engine%5Cx"));
        return paths.stream();
    }

    /** The plain error page never answers with Spring's default error JSON. */
    @Test
    void theErrorPageAnswersProblemJson() throws IOException {
        RawResponse response = raw("GET", "/error", null, null);
        assertThat(response.contentType()).as(response.toString()).startsWith(Api.PROBLEM_JSON);
        assertThat(response.body()).doesNotContain("timestamp", "<html");
    }

    @AfterAll
    static void reportCorpusSize() {
        Map<String, Integer> sorted = new TreeMap<>(SIZES);
        StringBuilder report = new StringBuilder("Malformed-input corpus per endpoint (" + sorted.values().stream()
                .mapToInt(Integer::intValue).sum() + " cases):\n");
        sorted.forEach((endpoint, size) -> report.append(String.format("  %4d  %s%n", size, endpoint)));
        System.out.println(report);
    }

    /** Every POST, PUT, PATCH and DELETE mapping of /api that Spring MVC serves is in the corpus, and nothing else. */
    @Test
    void theCorpusCoversEveryWriteEndpointWithSeveralHundredCases() {
        Set<String> served = new TreeSet<>();
        handlerMapping.getHandlerMethods().keySet().forEach(info -> info.getMethodsCondition().getMethods().stream()
                .filter(method -> method != RequestMethod.GET && method != RequestMethod.HEAD
                        && method != RequestMethod.OPTIONS && method != RequestMethod.TRACE)
                .forEach(method -> info.getPatternValues().stream().filter(path -> path.startsWith("/api/"))
                        .forEach(path -> served.add(method + " " + path))));
        Set<String> covered = new TreeSet<>();
        endpoints().forEach(endpoint -> covered.add(endpoint.method() + " " + endpoint.path()));
        assertThat(covered).isEqualTo(served);
        assertThat(corpus().count()).isGreaterThan(500);
    }

    // ------------------------------------------------------------------------------------------------------------
    // helpers
    // ------------------------------------------------------------------------------------------------------------

    private Fixture fixture() {
        return FIXTURES.computeIfAbsent(port, p -> {
            Api api = new Api(port);
            String token = UUID.randomUUID().toString().substring(0, 8);
            Map<String, Object> system = new LinkedHashMap<>(endpoints().get(0).body());
            system.put("name", "Corpus fixture " + token);
            long systemId = api.as("olivia").post("/api/systems", system).expect(201).json().path("id").asLong();
            api.as("mia").post("/api/systems/" + systemId + "/versions",
                    Map.of("versionLabel", "1.0.0", "artifactSha256", "ef".repeat(32))).expect(201);
            long riskId = api.as("sam").post("/api/systems/" + systemId + "/risks", endpoint("record risk").body())
                    .expect(201).json().path("id").asLong();
            long datasetId = api.as("mia").post("/api/systems/" + systemId + "/datasets",
                    endpoint("register dataset").body()).expect(201).json().path("id").asLong();
            Map<String, Object> incident = new LinkedHashMap<>(endpoint("report incident").body());
            incident.put("systemId", systemId);
            incident.put("detectedAt", Instant.now().minus(Duration.ofHours(1)).toString());
            long incidentId = api.as("mia").post("/api/incidents", incident).expect(201).json().path("id").asLong();
            return new Fixture(systemId, "1.0.0", riskId, datasetId, incidentId);
        });
    }

    private static Endpoint endpoint(String name) {
        return endpoints().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static String recordOf(Case c, Fixture fixture) {
        String record = endpoint(c.endpoint()).record();
        if (record == null) {
            return null;
        }
        return resolve(record, fixture);
    }

    private static String resolve(String path, Fixture f) {
        Map<String, String> ids = new LinkedHashMap<>(Map.of("systemId", String.valueOf(f.systemId()),
                "riskId", String.valueOf(f.riskId()), "datasetId", String.valueOf(f.datasetId()),
                "incidentId", String.valueOf(f.incidentId()), "actionId", "999999", "taskId", "corpus-task",
                "versionLabel", f.versionLabel(), "metric", "accuracy"));
        ids.put("controlId", "A.4.2");
        ids.put("documentKey", "ai-policy");
        ids.put("versionNumber", "1");
        ids.put("auditId", "999999");
        String resolved = path;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            resolved = resolved.replace("0x{" + id.getKey() + "}#hex", "0x" + hex(id.getValue()))
                    .replace("{" + id.getKey() + "}#fullwidth", fullWidth(id.getValue()))
                    .replace("{" + id.getKey() + "}", id.getValue());
        }
        return resolved;
    }

    private static String hex(String decimal) {
        return decimal.matches("\\d+") ? Long.toHexString(Long.parseLong(decimal)) : decimal;
    }

    private static String fullWidth(String decimal) {
        StringBuilder wide = new StringBuilder();
        decimal.chars().forEach(c -> wide.append((char) (0xFF10 + (c - '0'))));
        return URLEncoder.encode(wide.toString(), StandardCharsets.UTF_8);
    }

    private static List<String> pathVariables(String path) {
        List<String> variables = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(path);
        while (m.find()) {
            if (!m.group(1).equals("versionLabel") && !m.group(1).equals("metric") && !m.group(1).equals("taskId")
                    && !m.group(1).equals("controlId") && !m.group(1).equals("documentKey")) {
                variables.add(m.group(1));
            }
        }
        return variables;
    }

    /** Row counts of our tables and the engine's process instances, in one query. */
    private Map<String, Long> counts() {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < TABLES.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(SELECT COUNT(*) FROM ").append(TABLES.get(i)).append(") AS c").append(i);
        }
        Map<String, Object> row = jdbc.queryForMap(sql.toString());
        Map<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < TABLES.size(); i++) {
            Object value = row.get("c" + i) != null ? row.get("c" + i) : row.get("C" + i);
            counts.put(TABLES.get(i), ((Number) value).longValue());
        }
        return counts;
    }

    /** The body with one field (a dotted path, {@code metrics[0].value}) replaced by raw JSON. */
    static String replace(Map<String, Object> body, String field, String rawJson) {
        ObjectNode tree = MAPPER.valueToTree(body);
        String[] parts = field.split("\\.");
        JsonNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = step(parent, parts[i]);
        }
        String last = parts[parts.length - 1];
        if (last.endsWith("]")) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent.path(last.substring(0, last.indexOf('['))))
                    .set(Integer.parseInt(last.substring(last.indexOf('[') + 1, last.length() - 1)),
                            com.fasterxml.jackson.databind.node.TextNode.valueOf("@@corpus@@"));
        } else {
            ((ObjectNode) parent).put(last, "@@corpus@@");
        }
        String enumName = String.valueOf(valueAt(body, field));
        return tree.toString().replace(HOLE, rawJson.replace("@lower", enumName.toLowerCase()).replace("@", enumName));
    }

    private static JsonNode step(JsonNode node, String part) {
        if (part.endsWith("]")) {
            return node.path(part.substring(0, part.indexOf('['))).path(
                    Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1)));
        }
        return node.path(part);
    }

    private static Object valueAt(Map<String, Object> body, String field) {
        JsonNode node = MAPPER.valueToTree(body);
        for (String part : field.split("\\.")) {
            node = step(node, part);
        }
        return node.isTextual() ? node.asText() : node.toString();
    }

    /** The body with a top-level field given twice: a valid first value, then the same again. */
    static String duplicate(Map<String, Object> body, String field) {
        String valid = json(body);
        Object value = body.containsKey(field) ? body.get(field) : "x";
        return valid.substring(0, valid.length() - 1) + "," + json(field) + ":" + json(value) + "}";
    }

    static String json(Object value) {
        return Api.json(value);
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static List<Field> fields(Object... pairs) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.add(new Field((String) pairs[i], (Kind) pairs[i + 1]));
        }
        return fields;
    }

    record RawResponse(int status, String contentType, String body) {
    }

    /** One HTTP/1.0 exchange over a socket: the path goes on the request line exactly as given. */
    private RawResponse raw(String method, String path, String user, String body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: localhost:" + port
                    + "\r\nAccept: application/json, application/problem+json\r\n");
            if (user != null) {
                head.append("Authorization: Basic ").append(Base64.getEncoder().encodeToString((user + ":"
                        + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8))).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String headers = split < 0 ? text : text.substring(0, split);
            String responseBody = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(headers.split(" ", 3)[1]);
            String contentType = headers.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
            return new RawResponse(status, contentType, responseBody);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
