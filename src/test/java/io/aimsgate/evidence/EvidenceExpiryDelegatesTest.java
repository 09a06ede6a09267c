package io.aimsgate.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.ledger.LedgerRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The evidence expiry reminder's delegates and the variables it starts with, without an engine or a database. */
class EvidenceExpiryDelegatesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void renewedIsConfirmedOnlyWhenANewerRevisionExists() {
        EvidenceService evidence = mock(EvidenceService.class);
        ConfirmEvidenceRenewalDelegate confirm = new ConfirmEvidenceRenewalDelegate(evidence);
        DelegateExecution execution = execution(Map.of("fileId", 41L, "revision", 1));

        when(evidence.latestRevision(41L)).thenReturn(revision(1, LocalDate.of(2027, 1, 1)));
        assertThatThrownBy(() -> confirm.execute(execution)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("No newer revision of 'model-card.md' than revision 1");
        verify(execution, never()).setVariable(anyString(), org.mockito.ArgumentMatchers.any());

        when(evidence.latestRevision(41L)).thenReturn(revision(2, null));
        confirm.execute(execution);
        verify(execution).setVariable("renewedByRevision", 2);
    }

    @Test
    void anAcknowledgedExpiryIsOneLedgerEntryWithTheRationale() {
        List<LedgerRecord> appended = new ArrayList<>();
        RecordEvidenceExpiryAcknowledgedDelegate record = new RecordEvidenceExpiryAcknowledgedDelegate(
                (entry, sequenced) -> appended.add(entry));
        DelegateExecution execution = execution(Map.of("fileId", 41L, "revision", 1, "fileName", "model-card.md",
                "expiresOn", "2027-01-01", "subjectType", "MODEL_VERSION", "subjectId", "12", "systemId", 7L,
                "rationale", "The system retires next month."));
        when(execution.getProcessInstanceId()).thenReturn("pi-1");

        record.execute(execution);

        assertThat(appended).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("EVIDENCE_EXPIRY_ACKNOWLEDGED");
            assertThat(entry.actorRole()).isEqualTo("RESPONSIBLE");
            assertThat(entry.subjectType()).isEqualTo("MODEL_VERSION");
            assertThat(entry.subjectId()).isEqualTo("12");
            assertThat(entry.systemId()).isEqualTo(7L);
            assertThat(entry.rationale()).isEqualTo("The system retires next month.");
            assertThat(entry.processInstanceId()).isEqualTo("pi-1");
            assertThat(entry.snapshot()).containsEntry("fileId", 41L).containsEntry("revision", 1)
                    .containsEntry("fileName", "model-card.md").containsEntry("expiresOn", "2027-01-01");
        });
    }

    @Test
    void theReminderIsDueTheLeadTimeBeforeTheExpiryDateOrAtOnceWhenThatHasPassed() {
        InventoryService inventory = mock(InventoryService.class);
        AiSystem system = mock(AiSystem.class);
        when(system.getName()).thenReturn("Credit Scoring Model");
        when(inventory.requireSystem(7L)).thenReturn(system);
        EvidenceExpiryReminders reminders = new EvidenceExpiryReminders(null, null, inventory,
                new EvidenceProperties(DataSize.ofMegabytes(25), null, null, Period.ofDays(30)), CLOCK);

        Map<String, Object> later = reminders.variables(revision(1, LocalDate.of(2027, 3, 1)), 7L);
        assertThat(later).containsEntry("reminderDue", Date.from(Instant.parse("2027-01-30T00:00:00Z")))
                .containsEntry("expiresAt", Date.from(Instant.parse("2027-03-01T00:00:00Z")))
                .containsEntry("expiresOn", "2027-03-01").containsEntry("fileId", 41L).containsEntry("revision", 1)
                .containsEntry("evidenceKind", "Model card (MODEL_CARD)")
                .containsEntry("attachedTo", "Credit Scoring Model: model version 12")
                .containsEntry("contentUrl", "/api/evidence/41/revisions/1/content")
                .containsEntry("uploadUrl", "/evidence.html?subjectType=MODEL_VERSION&subjectId=12&kind=MODEL_CARD"
                        + "&fileName=model-card.md");

        Map<String, Object> soon = reminders.variables(revision(1, LocalDate.of(2026, 12, 20)), 7L);
        assertThat(soon).containsEntry("reminderDue", Date.from(CLOCK.instant()));
    }

    static EvidenceRevision revision(int revision, LocalDate expiresOn) {
        return new EvidenceRevision(100L + revision, 41L, revision, "MODEL_VERSION", "12", "MODEL_CARD",
                "model-card.md", "text/markdown", 10, "a".repeat(64), "mia", CLOCK.instant(), expiresOn);
    }

    static DelegateExecution execution(Map<String, Object> variables) {
        DelegateExecution execution = mock(DelegateExecution.class);
        variables.forEach((name, value) -> when(execution.getVariable(name)).thenReturn(value));
        return execution;
    }
}
