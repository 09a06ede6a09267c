package io.aimsgate.demo;

import io.aimsgate.evidence.EvidenceKind;
import io.aimsgate.evidence.EvidenceService;
import io.aimsgate.evidence.EvidenceSubjectType;
import io.aimsgate.validation.ValidationSubmission;
import io.aimsgate.gate.DeploymentSubmissions;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.datagovernance.DatasetDetails;
import io.aimsgate.datagovernance.DatasetPurpose;
import io.aimsgate.datagovernance.DatasetService;
import io.aimsgate.datagovernance.LegalBasis;
import io.aimsgate.validation.MetricKind;
import io.aimsgate.operation.MonitoringService;
import io.aimsgate.datagovernance.PersonalDataTreatment;
import io.aimsgate.validation.ValidationRun;
import io.aimsgate.validation.ValidationService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Demo systems walked through the life-cycle gates, so every stage has a system to look at on first login. */
@Component
class DemoLifecycle {

    private final DemoWalk walk;
    private final DatasetService datasets;
    private final ValidationService validations;
    private final MonitoringService monitoring;
    private final DeploymentSubmissions submissions;
    private final EvidenceService evidence;
    private final InventoryService inventory;

    DemoLifecycle(DemoWalk walk, DatasetService datasets, ValidationService validations, MonitoringService monitoring,
            DeploymentSubmissions submissions, EvidenceService evidence, InventoryService inventory) {
        this.walk = walk;
        this.evidence = evidence;
        this.inventory = inventory;
        this.datasets = datasets;
        this.validations = validations;
        this.monitoring = monitoring;
        this.submissions = submissions;
    }

    /** Starts inception as olivia; returns the instance (waiting at its first task). */
    String startInception(Long systemId, String intendedUse, String annexIIIArea, boolean interactsWithPeople) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("systemId", systemId);
        answers.put("intendedUse", intendedUse);
        answers.put("affectedPeople", "Customers and the staff who act on the system's output");
        answers.put("aiType", "PREDICTIVE");
        answers.put("prohibitedPractice", "NONE");
        answers.put("annexIIIArea", annexIIIArea);
        answers.put("safetyComponent", false);
        answers.put("interactsWithPeople", interactsWithPeople);
        answers.put("generatesSyntheticContent", false);
        if (!"NONE".equals(annexIIIArea)) {
            // An Annex III area makes the system high-risk: its inception passes only with an impact assessment.
            attach("olivia", EvidenceSubjectType.SYSTEM, systemId, EvidenceKind.IMPACT_ASSESSMENT,
                    "impact-assessment.md", DemoEvidence.impactAssessment(inventory.requireSystem(systemId).getName(),
                            intendedUse), null);
        }
        return walk.start("olivia", "inception", answers);
    }

    void passInception(Long systemId, String intendedUse, String annexIIIArea, boolean interactsWithPeople) {
        String pid = startInception(systemId, intendedUse, annexIIIArea, interactsWithPeople);
        if (!"NONE".equals(annexIIIArea)) {
            walk.complete("olivia", pid, "task_impact_assessment", impactAssessment());
            walk.approve("ethan", pid, "task_ethics_review");
            walk.approve("lena", pid, "task_legal_review");
            walk.approve("oscar", pid, "task_accountable_approval");
            walk.approve("grace", pid, "task_board_signoff");
        } else {
            walk.approve("oscar", pid, "task_accountable_approval");
        }
    }

    void registerDataset(Long systemId, String name, List<String> personalData, PersonalDataTreatment treatment) {
        datasets.register(systemId, new DatasetDetails(name, DatasetPurpose.TRAINING, "Internal systems of record",
                "Exported by the data platform's scheduled extract", LegalBasis.LEGITIMATE_INTERESTS, null, true,
                personalData, treatment, null, false, null, "Completeness, duplicates and label balance checked",
                "Extract -> de-duplicate -> " + (treatment == PersonalDataTreatment.NONE ? "" : "pseudonymise -> ")
                        + "split 80/10/10", "s3://aims-demo/" + systemId + "/" + name.replace(' ', '-')),
                "mia");
    }

    String startDesign(Long systemId) {
        return walk.start("olivia", "design-development", Map.of("systemId", systemId, "designSummary",
                "Architecture, feature set and design choices are documented in the model repository (A.6.2.3)."));
    }

    void passDesign(Long systemId, boolean personalData) {
        String pid = startDesign(systemId);
        if (personalData) {
            walk.approve("priya", pid, "task_privacy_review");
        }
        walk.approve("oscar", pid, "task_accountable_approval");
    }

    /** Submits validation results as mia (a pipeline would post them); returns the V&V instance. */
    String submitValidation(Long systemId, String versionLabel, double accuracy, double parity) {
        String system = inventory.requireSystem(systemId).getName();
        long versionId = inventory.requireVersion(systemId, versionLabel).getId();
        attach("mia", EvidenceSubjectType.SYSTEM, systemId, EvidenceKind.VALIDATION_REPORT,
                "validation-report-" + versionLabel + ".md", DemoEvidence.validationReport(system, versionLabel,
                        accuracy, parity), null);
        attach("mia", EvidenceSubjectType.MODEL_VERSION, versionId, EvidenceKind.MODEL_CARD, "model-card.md",
                DemoEvidence.modelCard(system, versionLabel, false), LocalDate.now().plusYears(1));
        ValidationRun run = walk.as("mia", () -> validations.submit(systemId, new ValidationSubmission(
                versionLabel, List.of(
                        new ValidationSubmission.Measurement(MetricKind.PERFORMANCE, "accuracy", null, accuracy),
                        new ValidationSubmission.Measurement(MetricKind.FAIRNESS, "demographicParityDifference", "age",
                                parity),
                        new ValidationSubmission.Measurement(MetricKind.ROBUSTNESS, "adversarialAccuracy", null, 0.72)),
                "Perturbation and adversarial tests on the top features.", "SHAP attributions shown to reviewers.",
                new ValidationSubmission.ModelCard("As registered in the inventory", "Not for populations unlike training",
                        "Sparse histories, unseen categories", "Three years of internal records")), "mia"));
        return walk.start("mia", "verification-validation", Map.of("systemId", systemId, "validationId", run.getId()));
    }

    void passValidation(Long systemId, String versionLabel) {
        walk.approve("oscar", submitValidation(systemId, versionLabel, 0.91, 0.04), "task_accountable_approval");
    }

    /** Inception (high-risk or not), design & development and V&V, all passed. */
    void passGatesBeforeDeployment(Long systemId, String intendedUse, String annexIIIArea, boolean interacts,
            boolean personalData, String versionLabel) {
        passInception(systemId, intendedUse, annexIIIArea, interacts);
        registerDataset(systemId, "Training records", personalData ? List.of("customer identifiers") : List.of(),
                personalData ? PersonalDataTreatment.PSEUDONYMISED : PersonalDataTreatment.NONE);
        passDesign(systemId, personalData);
        passValidation(systemId, versionLabel);
    }

    /** A minimal-tier version through the deployment gate: technical, security and Accountable approval. */
    void deploy(Long systemId, String versionLabel) {
        String pid = walk.as("olivia", () -> submissions.submit(systemId, versionLabel, "Demo submission"))
                .getProcessInstanceId();
        walk.approve("mia", pid, "task_technical_review");
        walk.approve("sam", pid, "task_security_review");
        walk.approve("oscar", pid, "task_accountable_approval");
    }

    /**
     * The supplier of a third-party system vetted (A.10.3): due diligence by olivia, security and legal reviews, and
     * oscar's approval. The deployment gate refuses a third-party system until this has passed.
     */
    void vetSupplier(Long systemId) {
        String pid = walk.start("olivia", "supplier-assessment", Map.of("systemId", systemId, "triggerDetail",
                "First use of the supplier's model in production."));
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("trainingDataProvenance", "Licensed and public web text; the vendor lists its sources and bases.");
        answers.put("modelDocumentation", "Model card with intended use, limitations and red-team results received.");
        answers.put("securityPractices", "ISO/IEC 27001 certificate and a yearly independent penetration test.");
        answers.put("incidentNotification", "Incidents and model changes are notified to us within 72 hours.");
        answers.put("contractualSafeguards", "No training on our data, EU processing, deployer duties allocated.");
        answers.put("auditRights", "Yearly audit report; an on-site audit after any serious incident.");
        answers.put("exitPlan", "Fall back to the FAQ search; the vendor deletes our data within 30 days.");
        answers.put("rationale", "Due diligence done with procurement and the vendor's security team.");
        walk.complete("olivia", pid, "task_due_diligence", answers);
        walk.approve("sam", pid, "task_security_review");
        walk.approve("lena", pid, "task_legal_review");
        walk.approve("oscar", pid, "task_accountable_approval");
    }

    /** A drift reading past the objective: starts the system's re-evaluation by message. */
    void reportDrift(Long systemId, double klDivergence) {
        walk.as("mia", () -> monitoring.record(systemId, "klDivergence", klDivergence, null, "mia"));
    }

    /** A version's model card, written before it is submitted to the deployment gate (which requires it). */
    void attachModelCard(Long systemId, String versionLabel) {
        attach("mia", EvidenceSubjectType.MODEL_VERSION, inventory.requireVersion(systemId, versionLabel).getId(),
                EvidenceKind.MODEL_CARD, "model-card.md", DemoEvidence.modelCard(
                        inventory.requireSystem(systemId).getName(), versionLabel, false), LocalDate.now().plusYears(1));
    }

    /** The model card revised after review: a second revision of the same file (the first stays retrievable). */
    void reviseModelCard(Long systemId, String versionLabel) {
        attach("mia", EvidenceSubjectType.MODEL_VERSION, inventory.requireVersion(systemId, versionLabel).getId(),
                EvidenceKind.MODEL_CARD, "model-card.md", DemoEvidence.modelCard(
                        inventory.requireSystem(systemId).getName(), versionLabel, true), LocalDate.now().plusYears(1));
    }

    /**
     * A data lineage record that expires in two weeks: inside the reminder's lead time, so the evidence owners find
     * its expiry reminder in Tasklist right away (evidence-expiry.bpmn).
     */
    void attachExpiringDataLineage(Long systemId) {
        attach("mia", EvidenceSubjectType.SYSTEM, systemId, EvidenceKind.DATA_LINEAGE, "data-lineage.md",
                DemoEvidence.dataLineage(inventory.requireSystem(systemId).getName()), LocalDate.now().plusDays(14));
    }

    private void attach(String user, EvidenceSubjectType type, long subjectId, EvidenceKind kind, String fileName,
            String markdown, LocalDate expiresOn) {
        // As the uploader, so whoever records the upload (the decision ledger) sees the same person.
        walk.as(user, () -> evidence.upload(new EvidenceService.Upload(type, subjectId, kind, fileName, expiresOn,
                "text/markdown"), new ByteArrayInputStream(markdown.getBytes(StandardCharsets.UTF_8)), user));
    }

    void retire(Long systemId, String replacedBy) {
        attach("olivia", EvidenceSubjectType.SYSTEM, systemId, EvidenceKind.DATA_DISPOSAL_RECORD,
                "data-disposal-record.md", DemoEvidence.dataDisposal(inventory.requireSystem(systemId).getName(),
                        replacedBy), null);
        String pid = walk.start("olivia", "retirement", Map.of("systemId", systemId, "retirementReason", "REPLACED",
                "triggerDetail", "Replaced by " + replacedBy));
        walk.complete("olivia", pid, "task_retirement_plan", Map.of("retirementReason", "REPLACED", "replacedBy",
                replacedBy, "dataRetentionPlan", "Keep training data and decision logs for 6 years (audit).",
                "deletionPlan", "Delete the feature store copies 30 days after switch-off.", "dependentSystems",
                "CRM churn dashboard (moves to the replacement)", "rationale",
                "The replacement covers every use; keeping both doubles the monitoring effort."));
        walk.approve("lena", pid, "task_legal_review");
        walk.approve("oscar", pid, "task_accountable_approval");
    }

    private static Map<String, Object> impactAssessment() {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("systemContext", "Gradient-boosted model inside the case system; officers see score and reasons.");
        parts.put("stakeholdersAffected", "Applicants, including vulnerable groups; officers; the compliance team.");
        parts.put("ethicsAndBias", "Disparate impact measured per age band and sex; proxies for ethnicity removed.");
        parts.put("recourseAndOversight", "Officers decide; applicants may ask for a human review and an explanation.");
        parts.put("safetyGovernance", "No safety-critical use; governance board signs off every major version.");
        parts.put("performanceThresholds", "Re-assess when accuracy < 0.80, parity difference > 0.10 or KL >= 0.1.");
        // The form requires a rationale for the assessment (10-4000 characters), as it does in Tasklist.
        parts.put("rationale", "Assessed with the case team against the intended use and the Annex III area.");
        return parts;
    }
}
