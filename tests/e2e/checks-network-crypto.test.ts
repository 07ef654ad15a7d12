import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { probeTls } from '#conformance/network/probeTls.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import { TargetUnreachableError } from '#core/errors/TargetError.ts';
import { forgeHash } from '#fault-proxy/forgeHash.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { loadTestCertificates } from '#fault-proxy/testCertificates.ts';
import { type CheckRunner, createCheckRunner } from '../support/createCheckRunner.ts';
import { startJsonRpcGateway } from '../support/startJsonRpcGateway.ts';

const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
/** The secp256k1-keccak256 suite anvil really uses, allowed beyond the profile's requirement (sm2-sm3). */
const widened = { allowedCryptoSuites: ['secp256k1-keccak256'] };

describe('NET-05 and CR-01 on anvil', () => {
  const certs = loadTestCertificates();
  let anvil: RunningAnvil;
  let proxy: RunningFaultProxy;
  let direct: ChainAdapter;
  let overTls: ChainAdapter;
  let onAnvil: CheckRunner;
  let viaTls: CheckRunner;

  beforeAll(async () => {
    anvil = await startAnvil();
    proxy = await startFaultProxy({
      upstreamUrl: anvil.url,
      tls: { keyPem: certs.serverKeyPem, certPem: certs.serverCertPem },
    });
    direct = await createEvmAdapter({ url: anvil.url, signer, embedded: true });
    overTls = await createEvmAdapter({ url: proxy.url, signer, caCertPem: certs.caCertPem });
    // Funding the step accounts puts transactions in blocks 1 and 2, so the head CR-01 recomputes is not genesis.
    onAnvil = await createCheckRunner(direct);
    viaTls = await createCheckRunner(overTls);
    expect(await direct.ledger.getHeight()).toBeGreaterThanOrEqual(2n);
  });
  afterEach(() => proxy?.setFaults([]));
  afterAll(async () => {
    await proxy?.close();
    await anvil?.stop();
  });

  describe('NET-05 net-rpc-tls', () => {
    it('passes through the TLS proxy with the test CA, recording protocol, cipher and certificate', async () => {
      const result = await viaTls.run('net-rpc-tls');
      expect(result.status, result.summary).toBe('pass');
      expect(result.waiver).toBeUndefined();
      expect(result.evidence).toMatchObject({ endpoint: proxy.url, customCaConfigured: true });
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
      const result = await onAnvil.run('net-rpc-tls');
      expect(result).toMatchObject({
        status: 'fail',
        expected: 'https with a verified certificate',
        actual: 'http (plaintext)',
        summary: `${anvil.url} is not encrypted: RPC traffic, including signed transactions, travels in plaintext`,
      });
      expect(result.waiver).toBeUndefined();
    });

    it('skips a plaintext endpoint with a waiver, never a pass, when the run sets requireTls to false', async () => {
      const result = await onAnvil.run('net-rpc-tls', { requireTls: false });
      expect(result).toMatchObject({
        status: 'skip',
        skipReason: 'not-applicable',
        summary: `${anvil.url} is plaintext and the run sets requireTls to false; transport encryption was not verified`,
        evidence: { endpoint: anvil.url, requireTls: false },
      });
      // The profile states TLS is required (JR/T 0184-2020 7.8): the relaxed value waives the clause.
      expect(result.waiver).toEqual({
        parameter: 'requireTls',
        value: false,
        requirement: true,
        note: 'RPC traffic travels in plaintext; JR/T 0184-2020 7.8 requires it encrypted',
      });
    });

    it('fails when the endpoint serves an untrusted certificate (untrusted-certificate)', async () => {
      proxy.setFaults(['untrusted-certificate']);
      const result = await viaTls.run('net-rpc-tls');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /does not verify \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)/,
      );
      expect(result.actual).toMatch(/unverified certificate/);
      expect(result.evidence?.handshake).toMatchObject({ kind: 'unverified' });
    });

    it('fails when the CA that signed the certificate is not the one configured (unknown CA)', async () => {
      // The transport needs the CA to connect at all; NET-05 is shown an adapter without it.
      const { caCertPem: _, ...withoutCa } = overTls;
      const runner = await createCheckRunner(withoutCa, { fundedTransactions: 0 });
      const result = await runner.run('net-rpc-tls');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/does not verify \(UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
      expect(result.evidence).toMatchObject({ customCaConfigured: false });
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
    it('passes on anvil when the run widens allowedCryptoSuites to secp256k1-keccak256, with a waiver', async () => {
      const result = await onAnvil.run('crypto-declared-suite', widened);
      expect(result.status, result.summary).toBe('pass');
      expect(result.evidence?.recomputedHash).toBe(result.evidence?.reportedHash);
      expect(result.summary).toMatch(
        /^declared suite secp256k1-keccak256 reproduces head block \d+'s hash, but is allowed only because allowedCryptoSuites was widened beyond sm2-sm3$/,
      );
      // The profile requires the SM suite (JR/T 0184-2020 8.1): the clause is waived, never conform.
      expect(result.waiver).toEqual({
        parameter: 'allowedCryptoSuites',
        value: ['secp256k1-keccak256'],
        requirement: ['sm2-sm3'],
        note: 'the chain uses secp256k1-keccak256, not the suite(s) the profile requires (sm2-sm3)',
      });
      const head = await direct.ledger.getHeight();
      expect(BigInt(result.evidence?.headBlock as string)).toBe(head);
    });

    it('passes over TLS with no fault (control for forged-block-hash)', async () => {
      const result = await viaTls.run('crypto-declared-suite', widened);
      expect(result.status, result.summary).toBe('pass');
    });

    it('fails on anvil under the default profile (sm2-sm3 only): suite not allowed', async () => {
      const result = await onAnvil.run('crypto-declared-suite');
      expect(result.status).toBe('fail');
      expect(result.summary).toBe('suite not allowed by profile: secp256k1-keccak256 is not one of sm2-sm3');
      expect(result.waiver).toBeUndefined();
    });

    it('fails when the ledger does not bear the declared suite out (forged-block-hash, suite allowed)', async () => {
      proxy.setFaults(['forged-block-hash']);
      const result = await viaTls.run('crypto-declared-suite', widened);
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/^declared suite does not reproduce the ledger's hashes/);
      expect(result.waiver).toBeUndefined();
      const head = await direct.ledger.getBlock(BigInt(result.evidence?.headBlock as string));
      expect(result.evidence).toMatchObject({
        reportedHash: forgeHash(head?.hash ?? '0x'),
        recomputedHash: head?.hash,
      });
    });

    it('fails when a keccak256 chain declares sm2-sm3 (declared suite does not reproduce the ledger)', async () => {
      const claimsSm = await createEvmAdapter({ url: anvil.url, signer, cryptoSuite: 'sm2-sm3' });
      const runner = await createCheckRunner(claimsSm, { fundedTransactions: 0 });
      const result = await runner.run('crypto-declared-suite');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^declared suite does not reproduce the ledger's hashes: head block \d+ reports 0x/,
      );
      expect(result.waiver).toBeUndefined();
    });

    it('errors, not fails, when the head block cannot be recomputed (the node omits mixHash)', async () => {
      const gateway = await startJsonRpcGateway({
        upstreamUrl: anvil.url,
        rewriteAnswer: (method, answer) => {
          if (
            method !== 'eth_getBlockByNumber' ||
            typeof answer.result !== 'object' ||
            answer.result === null
          )
            return answer;
          const { mixHash: _, ...block } = answer.result as Record<string, unknown>;
          return { ...answer, result: block };
        },
      });
      try {
        const runner = await createCheckRunner(await createEvmAdapter({ url: gateway.url, signer }), {
          fundedTransactions: 0,
        });
        const result = await runner.run('crypto-declared-suite', widened);
        expect(result.status, result.summary).toBe('error');
        expect(result.summary).toMatch(
          /^cannot recompute the head block's hash under secp256k1-keccak256: the node's block \d+ has no "mixHash" field to encode$/,
        );
      } finally {
        await gateway.close();
      }
    });
  });
});
