package io.aimsgate.evidence;

import io.aimsgate.inventory.InventoryService;
import io.aimsgate.shared.PlatformEngineAccess;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps one expiry reminder ({@code processes/evidence-expiry.bpmn}) per evidence file whose current revision has an
 * expiry date. On every stored revision, inside the upload's transaction and as the platform (not the uploader, who
 * may not start processes): a reminder of the same file that is still waiting for its due date ends (message
 * {@value #MESSAGE}, by business key {@code evidence-file-{fileId}}; a reminder whose task is open is left to its
 * owners, who complete it as renewed), and when the new revision has an expiry date a new reminder starts, due
 * {@code aims.evidence.reminder-lead} before that date (at once when the date is closer than that).
 */
@Component
class EvidenceExpiryReminders {

    static final String PROCESS_KEY = "evidence-expiry";
    static final String MESSAGE = "EvidenceRenewed";

    private final RuntimeService runtimeService;
    private final PlatformEngineAccess platform;
    private final InventoryService inventory;
    private final EvidenceProperties properties;
    private final Clock clock;

    EvidenceExpiryReminders(RuntimeService runtimeService, PlatformEngineAccess platform, InventoryService inventory,
            EvidenceProperties properties, Clock clock) {
        this.runtimeService = runtimeService;
        this.platform = platform;
        this.inventory = inventory;
        this.properties = properties;
        this.clock = clock;
    }

    static String businessKey(long fileId) {
        return "evidence-file-" + fileId;
    }

    @EventListener
    void on(EvidenceRevisionStored stored) {
        EvidenceRevision revision = stored.revision();
        platform.withoutUserAuthorization(() -> {
            runtimeService.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(businessKey(revision.fileId()))
                    .setVariable("renewedByRevision", revision.revision()).correlateAll();
            if (revision.expiresOn() != null) {
                runtimeService.startProcessInstanceByKey(PROCESS_KEY, businessKey(revision.fileId()),
                        variables(revision, stored.systemId()));
            }
            return null;
        });
    }

    /** What the reminder and its form need: the revision, where it is attached, when the reminder is due. */
    Map<String, Object> variables(EvidenceRevision revision, long systemId) {
        Instant expiresAt = revision.expiresOn().atStartOfDay(clock.getZone()).toInstant();
        Instant due = revision.expiresOn().minus(properties.reminderLead()).atStartOfDay(clock.getZone()).toInstant();
        Instant now = clock.instant();
        String kind = EvidenceKind.valueOf(revision.kind()).label();
        return Variables.createVariables()
                .putValue("fileId", revision.fileId())
                .putValue("revision", revision.revision())
                .putValue("fileName", revision.fileName())
                .putValue("evidenceKind", Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " ("
                        + revision.kind() + ")")
                .putValue("systemId", systemId)
                .putValue("subjectType", revision.subjectType())
                .putValue("subjectId", revision.subjectId())
                .putValue("attachedTo", inventory.requireSystem(systemId).getName() + ": "
                        + revision.subjectType().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
                        + revision.subjectId())
                .putValue("expiresOn", revision.expiresOn().toString())
                .putValue("expiresAt", Date.from(expiresAt))
                .putValue("reminderDue", Date.from(due.isBefore(now) ? now : due))
                .putValue("uploadedBy", revision.uploadedBy())
                .putValue("contentUrl", "/api/evidence/" + revision.fileId() + "/revisions/" + revision.revision()
                        + "/content")
                .putValue("uploadUrl", "/evidence.html?subjectType=" + revision.subjectType() + "&subjectId="
                        + revision.subjectId() + "&kind=" + revision.kind() + "&fileName="
                        + URLEncoder.encode(revision.fileName(), StandardCharsets.UTF_8));
    }
}
