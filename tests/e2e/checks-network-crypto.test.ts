import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { cryptoDeclaredSuite } from '#conformance/crypto/cryptoDeclaredSuite.ts';
import { netRpcTls } from '#conformance/network/netRpcTls.ts';
import { probeTls } from '#conformance/network/probeTls.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';
import { TargetUnreachableError } from '#core/errors/TargetError.ts';
import {
  type ProfileParametersInput,
  ProfileParametersSchema,
} from '#core/profile/ProfileParametersSchema.ts';
import { runCheck } from '#core/run/runCheck.ts';
import { forgeHash } from '#fault-proxy/forgeHash.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { loadTestCertificates } from '#fault-proxy/testCertificates.ts';

const run = (check: CheckDefinition, adapter: ChainAdapter, params: ProfileParametersInput = {}) =>
  runCheck(check, { adapter, params: ProfileParametersSchema.parse(params), progress: () => {} });

describe('NET-05 and CR-01 on anvil', () => {
  const certs = loadTestCertificates();
  let anvil: RunningAnvil;
  let proxy: RunningFaultProxy;
  let direct: ChainAdapter;
  let overTls: ChainAdapter;

  beforeAll(async () => {
    anvil = await startAnvil();
    proxy = await startFaultProxy({
      upstreamUrl: anvil.url,
      tls: { keyPem: certs.serverKeyPem, certPem: certs.serverCertPem },
    });
    direct = await createEvmAdapter({ url: anvil.url, privateKey: anvilDevPrivateKey, embedded: true });
    overTls = await createEvmAdapter({
      url: proxy.url,
      privateKey: anvilDevPrivateKey,
      caCertPem: certs.caCertPem,
    });
    // A few blocks with transactions, so the head CR-01 recomputes is not genesis.
    const txs = direct.transactions!;
    for (const recipient of txs.deriveAccounts(2, 'checks-network-crypto')) {
      const signed = await txs.signTransfer({
        from: txs.primary,
        to: recipient.address,
        valueWei: 10n ** 15n,
      });
      await txs.submit(signed.raw);
      expect((await txs.waitForReceipt(signed.txId, 5_000))?.status).toBe('success');
    }
  });
  afterEach(() => proxy?.setFaults([]));
  afterAll(async () => {
    await proxy?.close();
    await anvil?.stop();
  });

  describe('NET-05 net-rpc-tls', () => {
    it('passes through the TLS proxy with the test CA, recording protocol, cipher and certificate', async () => {
      const result = await run(netRpcTls, overTls);
      expect(result.status, result.summary).toBe('pass');
      expect(result.evidence?.handshake).toMatchObject({
        kind: 'verified',
        host: '127.0.0.1',
        port: proxy.port,
        protocol: expect.stringMatching(/^TLSv1\.[23]$/),
        cipher: { standardName: expect.stringMatching(/^TLS_/) },
        certificate: { subject: expect.stringContaining('CN='), validTo: expect.any(String) },
      });
    });

    it('fails for a plaintext http endpoint when the profile requires TLS (default)', async () => {
      const result = await run(netRpcTls, direct);
      expect(result).toMatchObject({
        status: 'fail',
        expected: 'https with a verified certificate',
        actual: 'http (plaintext)',
      });
      expect(result.summary).toContain(anvil.url);
    });

    it('skips (not applicable) a plaintext endpoint when the profile sets requireTls to false', async () => {
      const result = await run(netRpcTls, direct, { requireTls: false });
      expect(result).toMatchObject({ status: 'skip', skipReason: 'not-applicable' });
      expect(result.summary).toMatch(/requireTls to false/);
    });

    it('fails when the endpoint serves an untrusted certificate (untrusted-certificate)', async () => {
      proxy.setFaults(['untrusted-certificate']);
      const result = await run(netRpcTls, overTls);
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /does not verify \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)/,
      );
      expect(result.actual).toMatch(/unverified certificate/);
      expect(result.evidence?.handshake).toMatchObject({ kind: 'unverified' });
    });

    it('fails when the CA that signed the certificate is not the one configured (unknown CA)', async () => {
      // The transport needs the CA to connect at all; NET-05 is shown a target info without it.
      const { caCertPem: _, ...withoutCa } = overTls;
      const result = await run(netRpcTls, withoutCa);
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/does not verify \(UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
    });
  });

  describe('probeTls', () => {
    it('reports a server that does not speak TLS as handshake-failed', async () => {
      const result = await probeTls(anvil.url.replace('http:', 'https:'));
      expect(result).toMatchObject({ kind: 'handshake-failed', port: anvil.port });
    });

    it('throws TargetUnreachableError when nothing listens', async () => {
      const closed = await startAnvil();
      await closed.stop();
      await expect(probeTls(`https://127.0.0.1:${closed.port}`)).rejects.toBeInstanceOf(
        TargetUnreachableError,
      );
    });

    it('checks the host name: the certificate for 127.0.0.1/localhost does not verify as another name', async () => {
      const result = await probeTls(proxy.url, certs.caCertPem, { servername: 'chain.example' });
      expect(result).toMatchObject({
        kind: 'unverified',
        authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID',
      });
    });

    it('verifies the same server under a name the certificate carries', async () => {
      const result = await probeTls(proxy.url, certs.caCertPem, { servername: 'localhost' });
      expect(result).toMatchObject({
        kind: 'verified',
        certificate: { subjectAltName: expect.stringContaining('DNS:localhost') },
      });
    });
  });

  describe('CR-01 crypto-declared-suite', () => {
    it('passes on anvil when the profile allows secp256k1-keccak256', async () => {
      const result = await run(cryptoDeclaredSuite, direct, { allowedCryptoSuites: ['secp256k1-keccak256'] });
      expect(result.status, result.summary).toBe('pass');
      expect(result.evidence?.recomputedHash).toBe(result.evidence?.reportedHash);
    });

    it('fails on anvil under the default profile (sm2-sm3 only): suite not allowed', async () => {
      const result = await run(cryptoDeclaredSuite, direct);
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^suite not allowed by profile: secp256k1-keccak256 is not one of sm2-sm3$/,
      );
    });

    it('fails when the ledger does not bear the declared suite out (forged-block-hash, suite allowed)', async () => {
      proxy.setFaults(['forged-block-hash']);
      const result = await run(cryptoDeclaredSuite, overTls, {
        allowedCryptoSuites: ['secp256k1-keccak256'],
      });
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/^declared suite does not reproduce the ledger's hashes/);
      const head = (await direct.ledger.getBlock(BigInt(result.evidence?.headBlock as string)))!;
      expect(result.evidence).toMatchObject({
        reportedHash: forgeHash(head.hash),
        recomputedHash: head.hash,
      });
    });

    it('fails when a keccak256 chain declares sm2-sm3 (declared suite does not reproduce the ledger)', async () => {
      const claimsSm = await createEvmAdapter({
        url: anvil.url,
        privateKey: anvilDevPrivateKey,
        cryptoSuite: 'sm2-sm3',
      });
      const result = await run(cryptoDeclaredSuite, claimsSm, { allowedCryptoSuites: ['sm2-sm3'] });
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/declared suite does not reproduce the ledger's hashes/);
    });
  });
});
