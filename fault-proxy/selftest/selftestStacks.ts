import { setTimeout as sleep } from 'node:timers/promises';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import type { Capability } from '#core/adapter/Capability.ts';
import type { ChainAdapter, Hex, NodeControlApi } from '#core/adapter/ChainAdapter.ts';
import type { Registry } from '#core/registry/Registry.ts';
import { startPermissionedChainEmulator } from '../emulation/startPermissionedChainEmulator.ts';
import { type RunningFaultProxy, startFaultProxy } from '../startFaultProxy.ts';
import { loadTestCertificates } from '../testCertificates.ts';
import { selftestEndpoints, selftestGateway, selftestRateLimit } from './selftestConfig.ts';

/**
 * Where a check runs in the selftest: the plain network (the embedded anvil), or the emulated
 * permissioned chain for checks that need validators or governance, which a dev node lacks.
 */
export type StackKind = 'main' | 'emulated';

/** One network of the selftest: its gateways (where faults go), the adapters over them, parameters. */
export interface Stack {
  readonly kind: StackKind;
  /** The fault proxies the checks talk to, endpoint order: faults are switched on here. */
  readonly gateways: readonly RunningFaultProxy[];
  readonly adapters: readonly ChainAdapter[];
  /** Parameters this network needs beyond the selftest's (the emulated chain's registered validators). */
  readonly parameters: Readonly<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Capabilities only the emulated permissioned chain has. */
const emulatedCapabilities: readonly Capability[] = [
  'consensus.validators',
  'governance.freeze',
  'perm.write',
  'contract.lifecycle',
];

export function stackOf(checkId: string, registry: Registry): StackKind {
  const check = registry.checks.find((c) => c.id === checkId);
  return check?.requires.some((c) => emulatedCapabilities.includes(c)) ? 'emulated' : 'main';
}

export interface StackOptions {
  readonly upstreamUrl: string;
  readonly fundingKey: Hex;
}

/**
 * Builds each stack the first time a check needs it, and closes them all. Every endpoint is two proxies
 * deep: a gateway (TLS with the test CA, the method allow-list, JSON content type only — where faults
 * are switched on) in front of a relay (the rate limiter, and the "node" that node-control hooks stop
 * and start, so a gateway sees its upstream go down as a restart would look).
 */
export function createStacks(options: StackOptions): {
  get(kind: StackKind): Promise<Stack>;
  close(): Promise<void>;
} {
  const built = new Map<StackKind, Promise<Stack>>();
  return {
    get(kind) {
      let stack = built.get(kind);
      if (!stack) {
        stack = kind === 'main' ? mainStack(options) : emulatedStack(options);
        built.set(kind, stack);
      }
      return stack;
    },
    async close() {
      const stacks = await Promise.allSettled(built.values());
      for (const s of stacks) if (s.status === 'fulfilled') await s.value.close();
    },
  };
}

interface Endpoints {
  readonly relays: RunningFaultProxy[];
  readonly gateways: RunningFaultProxy[];
}

async function startEndpoints(
  upstreamUrl: string,
  count: number,
  allowedNamespaces: readonly string[],
  closers: (() => Promise<void>)[],
): Promise<Endpoints> {
  const certificates = loadTestCertificates();
  const relays: RunningFaultProxy[] = [];
  const gateways: RunningFaultProxy[] = [];
  for (let i = 0; i < count; i++) {
    const relay = await startFaultProxy({ upstreamUrl, rateLimit: selftestRateLimit });
    closers.push(() => relay.close());
    relays.push(relay);
    const gateway = await startFaultProxy({
      upstreamUrl: relay.url,
      tls: { keyPem: certificates.serverKeyPem, certPem: certificates.serverCertPem },
      allowedNamespaces: [...allowedNamespaces],
      deniedMethods: [...selftestGateway.deniedMethods],
      requireJsonContentType: true,
      delayMs: slowResponseDelayMs,
    });
    closers.push(() => gateway.close());
    gateways.push(gateway);
  }
  return { relays, gateways };
}

/** Delay of every answer under slow-responses. */
export const slowResponseDelayMs = 1_500;

/** Node control over the relays: stopping node i makes endpoint i's upstream go down. */
function relayNodeControl(relays: readonly RunningFaultProxy[]): NodeControlApi {
  const at = (index: number): RunningFaultProxy => {
    const relay = relays[index];
    if (!relay) throw new Error(`no node ${index} in the selftest network (it has ${relays.length})`);
    return relay;
  };
  return {
    nodes: relays.map((_, i) => ({ name: `node-${i}`, role: 'validator', endpointIndex: i })),
    async stop(index) {
      at(index).suspend();
    },
    async start(index) {
      at(index).resume();
    },
    async restart(index) {
      at(index).suspend();
      await sleep(300);
      at(index).resume();
    },
  };
}

async function mainStack(options: StackOptions): Promise<Stack> {
  const closers: (() => Promise<void>)[] = [];
  const { relays, gateways } = await startEndpoints(
    options.upstreamUrl,
    selftestEndpoints,
    selftestGateway.allowedNamespaces,
    closers,
  );
  const nodeControl = relayNodeControl(relays);
  const { caCertPem } = loadTestCertificates();
  const adapters: ChainAdapter[] = [];
  for (const gateway of gateways) {
    const adapter = await createEvmAdapter({
      url: gateway.url,
      signer: { kind: 'local-key', privateKey: options.fundingKey },
      caCertPem,
      nodeControl,
    });
    closers.push(() => adapter.close());
    adapters.push(adapter);
  }
  return { kind: 'main', gateways, adapters, parameters: {}, close: () => closeAll(closers) };
}

/** Blocks mined through the emulator before its checks run (more than the default seal sample). */
const emulatedWarmUpBlocks = 24;

async function emulatedStack(options: StackOptions): Promise<Stack> {
  const closers: (() => Promise<void>)[] = [];
  const emulator = await startPermissionedChainEmulator({
    chainUrl: options.upstreamUrl,
    fundingKey: options.fundingKey,
  });
  closers.push(() => emulator.close());
  // The emulated chain shares the anvil of the main network, whose earlier blocks no validator
  // sealed: produce enough blocks under the emulator that the seal sample (sealSampleBlocks, 16)
  // only sees blocks of the permissioned chain.
  for (let i = 0; i < emulatedWarmUpBlocks; i++) {
    await fetch(emulator.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: i, method: 'evm_mine', params: [] }),
    });
  }
  const { gateways } = await startEndpoints(
    emulator.url,
    2,
    [...selftestGateway.allowedNamespaces, 'qbft'],
    closers,
  );
  const { caCertPem } = loadTestCertificates();
  const adapters: ChainAdapter[] = [];
  for (const gateway of gateways) {
    const adapter = await createEvmAdapter({
      url: gateway.url,
      signer: { kind: 'local-key', privateKey: options.fundingKey },
      caCertPem,
      ...emulator.adapterOptions,
    });
    closers.push(() => adapter.close());
    adapters.push(adapter);
  }
  return {
    kind: 'emulated',
    gateways,
    adapters,
    parameters: { registeredValidators: [...emulator.validators] },
    close: () => closeAll(closers),
  };
}

async function closeAll(closers: readonly (() => Promise<void>)[]): Promise<void> {
  for (const close of [...closers].reverse()) await close().catch(() => {});
}
