package io.aimsgate.inventory;

/**
 * Published inside the transaction that replaced a model version's artefact digest (lower-case hex SHA-256 before and
 * after): a material change for an approval of that version.
 */
public record ArtifactReplaced(Long systemId, Long versionId, String versionLabel, String previousSha256,
        String artifactSha256) {
}
