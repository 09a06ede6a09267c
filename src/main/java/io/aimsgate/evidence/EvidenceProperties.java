package io.aimsgate.evidence;

import java.nio.file.Path;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * aims.evidence: the largest upload, where contents are stored, and how long before an expiry date its owners are
 * reminded (docs/evidence.md).
 */
@ConfigurationProperties(prefix = "aims.evidence")
public record EvidenceProperties(DataSize maxSize, Storage storage, Path directory, Period reminderLead) {

    public enum Storage {
        DATABASE,
        FILESYSTEM
    }

    public EvidenceProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(25) : maxSize;
        storage = storage == null ? Storage.DATABASE : storage;
        directory = directory == null ? Path.of("data", "evidence") : directory;
        reminderLead = reminderLead == null ? Period.ofDays(30) : reminderLead;
        if (reminderLead.isNegative()) {
            throw new IllegalArgumentException("aims.evidence.reminder-lead must not be negative");
        }
        if (maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("aims.evidence.max-size must be positive");
        }
    }
}
