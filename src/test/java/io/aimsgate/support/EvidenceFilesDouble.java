package io.aimsgate.support;

import io.aimsgate.audit.LedgerFormat;
import io.aimsgate.evidence.EvidenceFiles;
import io.aimsgate.evidence.EvidenceRevision;
import io.aimsgate.evidence.EvidenceRevisionStored;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * An in-memory evidence store for the evidence pack's tests: revisions added by the test (inside a transaction, which
 * the upload event's ledger entry joins), content kept in memory. Primary, so the pack's tests read these files even
 * where the real store is present.
 */
public class EvidenceFilesDouble implements EvidenceFiles {

    private final Map<Long, List<EvidenceRevision>> bySystem = new ConcurrentHashMap<>();
    private final Map<Long, byte[]> contents = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);

    private final ApplicationEventPublisher publisher;

    public EvidenceFilesDouble(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @TestConfiguration
    public static class Config {
        @Bean
        @Primary
        EvidenceFilesDouble evidenceFilesDouble(ApplicationEventPublisher publisher) {
            return new EvidenceFilesDouble(publisher);
        }
    }

    public EvidenceRevision add(long systemId, String kind, String fileName, String mediaType, byte[] content) {
        long id = ids.incrementAndGet();
        List<EvidenceRevision> revisions = bySystem.computeIfAbsent(systemId, s -> new ArrayList<>());
        int revision = (int) revisions.stream().filter(r -> r.fileName().equals(fileName)).count() + 1;
        EvidenceRevision stored = new EvidenceRevision(id, id, revision, "SYSTEM", String.valueOf(systemId), kind,
                fileName, mediaType, content.length, LedgerFormat.sha256Hex(content), "olivia", Instant.now(),
                LocalDate.now().plusYears(1));
        revisions.add(stored);
        contents.put(id, content.clone());
        // As the store does: inside the upload's transaction, for the decision ledger.
        publisher.publishEvent(new EvidenceRevisionStored(stored, systemId));
        return stored;
    }

    @Override
    public List<EvidenceRevision> revisionsForSystem(long systemId) {
        return List.copyOf(bySystem.getOrDefault(systemId, List.of()));
    }

    @Override
    public void copyContent(long revisionId, OutputStream out) {
        try {
            out.write(contents.get(revisionId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
