package io.aimsgate.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.aimsgate.support.H2DemoApp;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
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

    private final ListAppender<ILoggingEvent> sql = new ListAppender<>();
    private Level level;

    @BeforeEach
    void logSql() {
        Logger logger = (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.JdbcTemplate");
        level = logger.getLevel();
        sql.start();
        logger.addAppender(sql);
        logger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stopLoggingSql() {
        Logger logger = (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.JdbcTemplate");
        logger.detachAppender(sql);
        logger.setLevel(level);
        sql.stop();
    }

    @Test
    void aTransactionReadsASubjectsFilesOnceAndSeesARevisionItStores() {
        Map<String, Object> version = jdbc.queryForMap("SELECT id, system_id FROM model_version ORDER BY id LIMIT 1");
        long versionId = ((Number) version.get("id")).longValue();
        long systemId = ((Number) version.get("system_id")).longValue();
        EvidenceSubject subject = EvidenceSubject.ofVersion(systemId, versionId);
        List<EvidenceRevision> before = required.attached(subject);
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            sql.list.clear();
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
        return sql.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith("Executing prepared SQL statement")
                        && message.contains("FROM evidence_revision r JOIN evidence_file f"))
                .count();
    }
}
