package io.aimsgate.gate;

import io.aimsgate.evidence.EvidenceKind;
import io.aimsgate.evidence.EvidenceRevision;
import io.aimsgate.evidence.EvidenceSubject;
import io.aimsgate.evidence.RequiredEvidence;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Shows the evidence a gate decides on in its Tasklist form: when a task with one of the gate forms ({@link #FORMS})
 * is created or (re-)assigned, writes the task-local variable {@value #VARIABLE} (unless it holds the same text
 * already), a Markdown text the form's text
 * view renders: every file that counts for the gate (its current revision, with a download link), what the gate still
 * requires ({@link RequiredEvidence#missing}) and a link to the evidence page to attach more. The variable is display
 * only: no form field has it as key, so a submission cannot carry it (forms.FormContracts). Added to the tasks by
 * {@link EvidenceOnGateFormsPlugin}, so no BPMN declares it and every gate form shows the same.
 */
@Component
class EvidenceOnGateForms implements TaskListener {

    /** The task-local variable the gate forms show. */
    static final String VARIABLE = "attachedEvidence";

    /** The gate decision forms (camunda:formRef) that show the attached evidence. */
    static final Set<String> FORMS = Set.of("lifecycle-review", "lifecycle-approval", "validation-approval",
            "review-decision");

    private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*_{}\\[\\]()<>#+\\-.!|~])");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final GateDecisions runs;
    private final RequestByProcessInstance requests;
    private final RequiredEvidence requiredEvidence;
    private final Clock clock;

    EvidenceOnGateForms(GateDecisions runs, DeploymentRequestRepository requests,
            RequiredEvidence requiredEvidence, Clock clock) {
        this.runs = runs;
        this.requests = requests;
        this.requiredEvidence = requiredEvidence;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        subjectOf(task.getProcessInstanceId()).ifPresent(gate -> {
            String summary = summary(gate);
            // A claim soon after the task's creation usually finds the text unchanged: no update, no history row.
            if (!summary.equals(task.getVariableLocal(VARIABLE))) {
                task.setVariableLocal(VARIABLE, summary);
            }
        });
    }

    /** What a gate's form asks about: the run, its kind, and the subject its evidence counts for. */
    record GateSubject(GateKind kind, EvidenceSubject subject, String attachType, long attachId) {
    }

    private Optional<GateSubject> subjectOf(String processInstanceId) {
        // the transaction's memo of the open run: the decision listener on the same claim has just read it
        Optional<GateRun> open = runs.openRunOf(processInstanceId);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        GateRun run = open.get();
        if (run.getKind() == GateKind.DEPLOYMENT) {
            return requests.findByProcessInstanceId(processInstanceId).map(request -> new GateSubject(run.getKind(),
                    EvidenceSubject.ofVersion(request.getSystemId(), request.getVersionId()), "MODEL_VERSION",
                    request.getVersionId()));
        }
        return Optional.of(new GateSubject(run.getKind(), EvidenceSubject.ofGateRun(run.getSystemId(), run.getId()),
                "GATE_RUN", run.getId()));
    }

    /** The Markdown the form shows. */
    String summary(GateSubject gate) {
        List<EvidenceRevision> attached = requiredEvidence.attached(gate.subject());
        List<String> missing = requiredEvidence.missing(gate.kind().name(), gate.subject(), attached);
        LocalDate today = LocalDate.now(clock);
        StringBuilder text = new StringBuilder();
        text.append("As of ").append(MINUTE.format(clock.instant())).append(gate.kind() == GateKind.DEPLOYMENT
                ? ", evidence of this model version" : ", evidence of this system, its model versions and this gate run")
                .append(" (the current revision of each file, the one the gate checks):\n\n");
        if (attached.isEmpty()) {
            text.append("- none attached\n");
        }
        for (EvidenceRevision revision : attached) {
            text.append("- ").append(kindLabel(revision.kind())).append(": [").append(escape(revision.fileName()))
                    .append("](/api/evidence/").append(revision.fileId()).append("/revisions/")
                    .append(revision.revision()).append("/content)").append(", revision ").append(revision.revision())
                    .append(", on the ").append(subjectLabel(revision.subjectType())).append(", uploaded by ")
                    .append(escape(revision.uploadedBy())).append(" on ")
                    .append(revision.uploadedAt().atOffset(ZoneOffset.UTC).toLocalDate());
            if (revision.expiresOn() != null) {
                text.append(revision.expiresOn().isAfter(today) ? ", expires on " : ", **expired** on ")
                        .append(revision.expiresOn());
            }
            text.append('\n');
        }
        text.append('\n');
        if (missing.isEmpty()) {
            text.append("This gate has all the evidence it requires.\n");
        } else {
            text.append("**This gate cannot pass yet:**\n\n");
            missing.forEach(reason -> text.append("- ").append(escape(reason)).append('\n'));
        }
        text.append("\n[Attach evidence](/evidence.html?subjectType=").append(gate.attachType()).append("&subjectId=")
                .append(gate.attachId()).append(")");
        if (gate.kind() != GateKind.DEPLOYMENT) {
            text.append(" to this gate run, or [to the system](/evidence.html?subjectType=SYSTEM&subjectId=")
                    .append(gate.subject().systemId()).append(")");
        } else {
            text.append(" to this model version");
        }
        text.append(" (opens the evidence page; reopen this task to see it here).");
        return text.toString();
    }

    private static String kindLabel(String kind) {
        try {
            String label = EvidenceKind.valueOf(kind).label();
            return Character.toUpperCase(label.charAt(0)) + label.substring(1);
        } catch (IllegalArgumentException e) {
            return escape(kind);
        }
    }

    private static String subjectLabel(String subjectType) {
        return switch (subjectType) {
            case "SYSTEM" -> "system";
            case "MODEL_VERSION" -> "model version";
            case "GATE_RUN" -> "gate run";
            default -> escape(subjectType.toLowerCase(java.util.Locale.ROOT));
        };
    }

    /** A name shown as text, never as Markdown or HTML (a file named {@code [x](javascript:...)} stays text). */
    static String escape(String text) {
        return MARKDOWN.matcher(text).replaceAll("\\\\$1");
    }
}
