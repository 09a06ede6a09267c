package io.aimsgate.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The filesystem store: contents written once under the directory, read back whole, removed on rollback. */
class FileSystemEvidenceStorageTest {

    @TempDir
    Path root;

    @TempDir
    Path uploads;

    @Test
    void storesOnceAndStreamsTheSameBytesBack() throws Exception {
        FileSystemEvidenceStorage storage = new FileSystemEvidenceStorage(root);
        byte[] content = new byte[3 * 1024 * 1024 + 5];
        new Random(7).nextBytes(content);
        Path upload = Files.write(uploads.resolve("upload"), content);
        String sha = "ab" + "0".repeat(62);

        storage.store(41, sha, upload);

        assertThat(storage.pathOf(41, sha)).isEqualTo(root.resolve("ab").resolve("41-" + sha)).exists();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        storage.copyTo(41, sha, out);
        assertThat(out.toByteArray()).isEqualTo(content);
        // Never replaced: a second write of the same revision is refused and the first content stays.
        Path other = Files.write(uploads.resolve("other"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> storage.store(41, sha, other)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readAllBytes(storage.pathOf(41, sha))).isEqualTo(content);
        try (var files = Files.list(root.resolve("ab"))) {
            assertThat(files).containsExactly(storage.pathOf(41, sha));
        }
    }

    @Test
    void aRolledBackTransactionLeavesNoFile() throws Exception {
        FileSystemEvidenceStorage storage = new FileSystemEvidenceStorage(root);
        Path upload = Files.write(uploads.resolve("upload"), "# Card\n".getBytes());
        String sha = "cd" + "1".repeat(62);
        TransactionSynchronizationManager.initSynchronization();
        try {
            storage.store(42, sha, upload);
            assertThat(storage.pathOf(42, sha)).exists();
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(storage.pathOf(42, sha)).doesNotExist();
    }
}
