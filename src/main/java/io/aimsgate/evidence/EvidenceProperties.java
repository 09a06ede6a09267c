package io.aimsgate.evidence;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** aims.evidence: the largest upload and where contents are stored (docs/evidence.md). */
@ConfigurationProperties(prefix = "aims.evidence")
public record EvidenceProperties(DataSize maxSize, Storage storage, Path directory) {

    public enum Storage {
        DATABASE,
        FILESYSTEM
    }

    public EvidenceProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(25) : maxSize;
        storage = storage == null ? Storage.DATABASE : storage;
        directory = directory == null ? Path.of("data", "evidence") : directory;
        if (maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("aims.evidence.max-size must be positive");
        }
    }
}
