package io.aimsgate.audit.internal;

import io.aimsgate.audit.LedgerFormat;
import io.aimsgate.audit.PublicKeyView;
import io.aimsgate.audit.SigningKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organisation's signing key. With {@code aims.audit.keystore.path} set (AIMS_AUDIT_KEYSTORE), the PKCS12
 * keystore the operator configures: an Ed25519 or ECDSA P-256 key entry ({@code aims.audit.keystore.alias}, or the
 * only key entry) with its certificate, password from AIMS_AUDIT_KEYSTORE_PASSWORD. Without one (the embedded
 * default), an Ed25519 key generated once into {@code aims.audit.default-key-file} (./data/audit-signing-key), which is
 * logged at start-up. Every key is registered in {@code audit_signing_key} with its validity the first time it is
 * used, so old checkpoints stay verifiable after a key change.
 */
@Component
class OrganisationSigningKeys implements SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(OrganisationSigningKeys.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final PrivateKey privateKey;
    private final String algorithm;
    private final byte[] publicKeyDer;
    private final String keyId;
    private final Instant notBefore;
    private final Instant notAfter;
    private volatile PublicKeyView current;

    OrganisationSigningKeys(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
            @Value("${aims.audit.keystore.path:}") String keystorePath,
            @Value("${aims.audit.keystore.password:}") String keystorePassword,
            @Value("${aims.audit.keystore.alias:}") String alias,
            @Value("${aims.audit.default-key-file:./data/audit-signing-key}") String defaultKeyFile) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        try {
            if (keystorePath != null && !keystorePath.isBlank()) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(Path.of(keystorePath))) {
                    store.load(in, keystorePassword.toCharArray());
                }
                String entry = alias == null || alias.isBlank() ? onlyKeyEntry(store) : alias;
                Key key = store.getKey(entry, keystorePassword.toCharArray());
                Certificate certificate = store.getCertificate(entry);
                if (!(key instanceof PrivateKey pk) || certificate == null) {
                    throw new IllegalStateException("Keystore " + keystorePath + ": entry '" + entry
                            + "' is not a private key with a certificate");
                }
                this.privateKey = pk;
                this.publicKeyDer = certificate.getPublicKey().getEncoded();
                this.algorithm = algorithmOf(certificate.getPublicKey());
                if (certificate instanceof X509Certificate x509) {
                    this.notBefore = x509.getNotBefore().toInstant();
                    this.notAfter = x509.getNotAfter().toInstant();
                } else {
                    this.notBefore = null;
                    this.notAfter = null;
                }
                log.info("Decision ledger: checkpoints are signed with {} key '{}' from keystore {}", algorithm, entry,
                        keystorePath);
            } else {
                KeyPair pair = defaultKey(Path.of(defaultKeyFile));
                this.privateKey = pair.getPrivate();
                this.publicKeyDer = pair.getPublic().getEncoded();
                this.algorithm = LedgerFormat.ED25519;
                this.notBefore = null;
                this.notAfter = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Decision ledger signing key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decision ledger signing key: " + e.getMessage(), e);
        }
        this.keyId = LedgerFormat.keyId(publicKeyDer);
    }

    /** Registers the key at start-up (one node wins a race; the others find it registered) and says which it is. */
    @EventListener(ApplicationReadyEvent.class)
    void registerAtStartUp() {
        try {
            log.info("Decision ledger: signing key {} ({})", current().keyId(), algorithm);
        } catch (RuntimeException e) {
            current = null;
            log.warn("Decision ledger: the signing key could not be registered yet; the first checkpoint retries", e);
        }
    }

    @Override
    public PublicKeyView current() {
        PublicKeyView known = current;
        if (known == null) {
            known = register();
            current = known;
        }
        return known;
    }

    @Override
    public List<PublicKeyView> publicKeys() {
        current();
        return jdbc.query("SELECT key_id, algorithm, public_key, valid_from, valid_to FROM audit_signing_key "
                + "ORDER BY valid_from, key_id", (rs, row) -> new PublicKeyView(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                rs.getObject(5, OffsetDateTime.class) == null ? null
                        : rs.getObject(5, OffsetDateTime.class).toInstant()));
    }

    @Override
    public Signed sign(byte[] data) {
        PublicKeyView key = current();
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(data);
            return new Signed(key.keyId(), algorithm, Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean verify(String keyId, byte[] data, String signature) {
        return publicKeys().stream().filter(key -> key.keyId().equals(keyId)).findFirst()
                .map(key -> LedgerFormat.verify(key.algorithm(), key.publicKey(), data, signature)).orElse(false);
    }

    private PublicKeyView register() {
        PublicKeyView registered = transactions.execute(status -> {
            List<PublicKeyView> existing = jdbc.query("SELECT valid_from, valid_to FROM audit_signing_key "
                    + "WHERE key_id = ?", (rs, row) -> new PublicKeyView(keyId, algorithm, encodedPublicKey(),
                    rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getObject(2, OffsetDateTime.class) == null
                            ? null : rs.getObject(2, OffsetDateTime.class).toInstant()), keyId);
            if (!existing.isEmpty()) {
                return existing.get(0);
            }
            Instant now = LedgerFormat.truncate(clock.instant());
            Instant from = notBefore != null && notBefore.isAfter(now) ? LedgerFormat.truncate(notBefore) : now;
            Instant to = notAfter == null ? null : LedgerFormat.truncate(notAfter);
            try {
                jdbc.update("INSERT INTO audit_signing_key (key_id, algorithm, public_key, valid_from, valid_to) "
                        + "VALUES (?, ?, ?, ?, ?)", keyId, algorithm, encodedPublicKey(),
                        OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                        to == null ? null : OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
                log.info("Decision ledger: registered signing key {} ({}), valid from {}", keyId, algorithm, from);
            } catch (DuplicateKeyException raced) {
                status.setRollbackOnly();
                return null;
            }
            return new PublicKeyView(keyId, algorithm, encodedPublicKey(), from, to);
        });
        return registered != null ? registered : register();
    }

    private String encodedPublicKey() {
        return Base64.getEncoder().encodeToString(publicKeyDer);
    }

    private static String onlyKeyEntry(KeyStore store) throws GeneralSecurityException {
        List<String> keys = Collections.list(store.aliases()).stream().filter(a -> {
            try {
                return store.isKeyEntry(a);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }).toList();
        if (keys.size() != 1) {
            throw new IllegalStateException("The audit keystore holds " + keys.size()
                    + " key entries; name one with AIMS_AUDIT_KEY_ALIAS");
        }
        return keys.get(0);
    }

    private static String algorithmOf(PublicKey key) {
        if ("Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm())) {
            return LedgerFormat.ED25519;
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
            return LedgerFormat.ECDSA_P256;
        }
        throw new IllegalStateException("The audit signing key must be Ed25519 or ECDSA P-256, not "
                + key.getAlgorithm());
    }

    /** Reads the embedded default key, generating it (once, atomically) if the file does not exist. */
    private static KeyPair defaultKey(Path file) throws IOException, GeneralSecurityException {
        if (!Files.exists(file)) {
            KeyPair generated = KeyPairGenerator.getInstance(LedgerFormat.ED25519).generateKeyPair();
            Properties properties = new Properties();
            properties.setProperty("algorithm", LedgerFormat.ED25519);
            properties.setProperty("private", Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded()));
            properties.setProperty("public", Base64.getEncoder().encodeToString(generated.getPublic().getEncoded()));
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, "audit-signing-key", ".tmp");
            try {
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the data directory's own permissions apply.
                }
                try (var out = Files.newBufferedWriter(temp, StandardCharsets.ISO_8859_1)) {
                    properties.store(out, "AIMS Gate decision ledger signing key (PKCS#8 private, X.509 public, base64)."
                            + " Keep it secret and back it up; docs/ledger.md");
                }
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file);
                }
                log.warn("Decision ledger: generated a new Ed25519 signing key in {} (embedded default). In production "
                        + "configure the organisation's key: AIMS_AUDIT_KEYSTORE, AIMS_AUDIT_KEYSTORE_PASSWORD "
                        + "(docs/operations.md)", file.toAbsolutePath().normalize());
            } catch (FileAlreadyExistsException raced) {
                // Another process generated it first: use theirs.
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        }
        KeyFactory factory = KeyFactory.getInstance(LedgerFormat.ED25519);
        PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getDecoder().decode(properties.getProperty("private", ""))));
        PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(properties.getProperty("public", ""))));
        log.info("Decision ledger: checkpoints are signed with the embedded default Ed25519 key in {}",
                file.toAbsolutePath().normalize());
        return new KeyPair(publicKey, privateKey);
    }
}
