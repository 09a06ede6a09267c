package io.aimsgate.evidence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Contents as files under a directory the operator chooses (aims.evidence.directory), one file per revision named by
 * its id and digest, written once and never replaced. When the transaction recording the revision rolls back, the
 * file is removed again. The directory must then be backed up together with the database (docs/evidence.md).
 */
class FileSystemEvidenceStorage implements EvidenceStorage {

    private final Path root;

    FileSystemEvidenceStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public EvidenceProperties.Storage name() {
        return EvidenceProperties.Storage.FILESYSTEM;
    }

    @Override
    public void store(long revisionId, String sha256, Path file) throws IOException {
        Path target = pathOf(revisionId, sha256);
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path partial = Files.createTempFile(target.getParent(), "upload-", ".part");
        try {
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        try {
                            Files.deleteIfExists(target);
                        } catch (IOException e) {
                            // An orphan file without a revision row is never served; nothing else to do.
                        }
                    }
                }
            });
        }
    }

    @Override
    public void copyTo(long revisionId, String sha256, OutputStream out) throws IOException {
        Files.copy(pathOf(revisionId, sha256), out);
    }

    Path pathOf(long revisionId, String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(revisionId + "-" + sha256);
    }
}
