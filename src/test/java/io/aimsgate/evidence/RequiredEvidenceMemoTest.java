package io.aimsgate.evidence;

import io.aimsgate.support.LoggedStatements;
import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.support.H2DemoApp;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction reads a subject's evidence files once ({@link RequiredEvidence#attached}, counted from
 * {@code JdbcTemplate}'s SQL log): the gate forms, the approval's check and the state it binds then share that read;
 * a revision stored in the same transaction is seen by the next question.
 */
@H2DemoApp
class RequiredEvidenceMemoTest {

    @Autowired
    RequiredEvidence required;

    @Autowired
    EvidenceService evidence;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @RegisterExtension
    final LoggedStatements sql = new LoggedStatements("org.springframework.jdbc.core.JdbcTemplate");

    @Test
    void aTransactionReadsASubjectsFilesOnceAndSeesARevisionItStores() {
        Map<String, Object> version = jdbc.queryForMap("SELECT id, system_id FROM model_version ORDER BY id LIMIT 1");
        long versionId = ((Number) version.get("id")).longValue();
        long systemId = ((Number) version.get("system_id")).longValue();
        EvidenceSubject subject = EvidenceSubject.ofVersion(systemId, versionId);
        List<EvidenceRevision> before = required.attached(subject);
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            sql.clear();
            assertThat(required.attached(subject)).isEqualTo(before);
            assertThat(required.attached(subject)).isEqualTo(before);
            required.missing("DEPLOYMENT", subject);
            required.currentRequired("DEPLOYMENT", subject);
            assertThat(fileReads()).as("one read of the version's files for all four questions").isEqualTo(1);

            EvidenceRevision stored = evidence.upload(new EvidenceService.Upload(EvidenceSubjectType.MODEL_VERSION,
                    versionId, EvidenceKind.MODEL_CARD, "memo-test-card.md", LocalDate.now().plusYears(1),
                    "text/markdown"), new ByteArrayInputStream("# Model card\n\nMemo test.\n"
                            .getBytes(StandardCharsets.UTF_8)), "mia");
            assertThat(required.attached(subject)).as("the stored revision counts at once")
                    .extracting(EvidenceRevision::id).contains(stored.id());
            assertThat(required.currentRequired("DEPLOYMENT", subject)).extracting(EvidenceRevision::id)
                    .contains(stored.id());
            assertThat(required.missing("DEPLOYMENT", subject)).isEmpty();
        });
        assertThat(required.attached(subject)).as("rolled back with the transaction").isEqualTo(before);
    }

    /** Reads of a subject's current files since the log was last cleared. */
    private long fileReads() {
        return sql.messages().stream()
                .filter(message -> message.startsWith("Executing prepared SQL statement")
                        && message.contains("FROM evidence_revision r JOIN evidence_file f"))
                .count();
    }
}
