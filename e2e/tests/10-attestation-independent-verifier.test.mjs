// The signed deployment decision, checked by code nobody on this project wrote: Sigstore's JavaScript verifier
// (@sigstore/verify, with @sigstore/bundle and @sigstore/core's DSSE pre-authentication encoding) verifies the DSSE
// envelope AIMS Gate issued for an approved demo version against the public key of GET /api/audit/keys, and rejects
// the same envelope once its statement, its payload type or its signature is altered.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { bundleFromJSON } from '@sigstore/bundle';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { call, ok } from '../lib/api.mjs';

const PREDICATE_TYPE = 'https://aimsgate.io/attestation/deployment-decision/v1';

/** An approved version of the demo inventory whose production attestation the platform serves. */
async function approvedDemoVersion() {
  const systems = await ok('ben', 'GET', '/api/systems?size=100');
  for (const system of systems.content) {
    const versions = await ok('ben', 'GET', `/api/systems/${system.id}/versions?status=APPROVED`);
    for (const version of versions.content) {
      const digest = `sha256:${version.artifactSha256}`;
      const path = `/api/systems/${system.id}/versions/${encodeURIComponent(version.versionLabel)}/deployment-decision/attestation`
        + `?digest=${digest}&environment=production`;
      const answer = await call('ben', 'GET', path);
      if (answer.status === 200) {
        return { system, version, envelope: answer.body };
      }
    }
  }
  throw new Error('no approved demo version with a production attestation');
}

/** The envelope as a Sigstore bundle v0.3 whose verification material is a public key hint (no log, no timestamp). */
function bundleOf(envelope) {
  return bundleFromJSON({
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {
      publicKey: { hint: envelope.signatures[0].keyid },
      tlogEntries: [],
      timestampVerificationData: { rfc3161Timestamps: [] },
    },
    dsseEnvelope: envelope,
  });
}

/** Sigstore's verifier trusting exactly the platform's published keys, none of Sigstore's public infrastructure. */
function verifierFor(keys) {
  const trusted = toTrustMaterial(
    { mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1', tlogs: [], certificateAuthorities: [], ctlogs: [], timestampAuthorities: [] },
    (hint) => {
      const key = keys.find((k) => k.keyId === hint);
      if (!key) {
        throw new Error(`unknown key ${hint}`);
      }
      return {
        publicKey: crypto.createPublicKey({ key: Buffer.from(key.publicKey, 'base64'), format: 'der', type: 'spki' }),
        validFor: (date) => date >= new Date(key.validFrom) && (key.validTo == null || date <= new Date(key.validTo)),
      };
    },
  );
  return new Verifier(trusted, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 });
}

describe('Signed deployment decisions, verified independently', () => {
  test('@sigstore/verify accepts the issued envelope and rejects it altered', async () => {
    const { system, version, envelope } = await approvedDemoVersion();
    const keys = await ok('ben', 'GET', '/api/audit/keys');
    const verifier = verifierFor(keys);

    assert.equal(envelope.payloadType, 'application/vnd.in-toto+json');
    verifier.verify(toSignedEntity(bundleOf(envelope)));

    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
    assert.equal(statement._type, 'https://in-toto.io/Statement/v1');
    assert.equal(statement.predicateType, PREDICATE_TYPE);
    assert.ok(statement.subject.some((s) => s.digest.sha256 === version.artifactSha256), JSON.stringify(statement.subject));
    assert.equal(statement.predicate.environment, 'production');
    assert.equal(statement.predicate.decision, 'approved');
    assert.equal(statement.predicate.system.id, system.id);
    assert.ok(new Date(statement.predicate.expiresAt) > new Date(), statement.predicate.expiresAt);

    const altered = { ...statement, predicate: { ...statement.predicate, environment: 'staging' } };
    const tampered = [
      { ...envelope, payload: Buffer.from(JSON.stringify(altered)).toString('base64') },
      { ...envelope, payloadType: 'application/json' },
      {
        ...envelope,
        signatures: [{ ...envelope.signatures[0], sig: flipOneBit(envelope.signatures[0].sig) }],
      },
    ];
    for (const changed of tampered) {
      assert.throws(() => verifier.verify(toSignedEntity(bundleOf(changed))), /signature verification failed/,
        'an altered envelope must not verify');
    }
  });
});

function flipOneBit(base64) {
  const bytes = Buffer.from(base64, 'base64');
  bytes[Math.floor(bytes.length / 2)] ^= 0x01;
  return bytes.toString('base64');
}
