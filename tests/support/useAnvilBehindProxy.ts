import { afterAll, afterEach, beforeAll } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import type { FaultName } from '#fault-proxy/faultCatalogue.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { type CheckRunner, type CheckRunnerOptions, createCheckRunner } from './createCheckRunner.ts';

export interface AnvilBehindProxy {
  readonly anvil: RunningAnvil;
  readonly proxy: RunningFaultProxy;
  /** The adapter on anvil itself (the embedded node: its test-only methods allowed). */
  readonly direct: ChainAdapter;
  /** The adapter on the fault proxy in front of it. */
  readonly proxied: ChainAdapter;
  /** Runs checks on anvil directly, from a funded step account of its own. */
  readonly onAnvil: CheckRunner;
  /** Runs checks through the proxy, from another funded step account. */
  readonly viaProxy: CheckRunner;
  /** Sets the proxy's faults (cleared after each test) and runs `checkId` through it. */
  runUnder(
    faults: readonly FaultName[],
    checkId: string,
    overrides?: Record<string, unknown>,
  ): Promise<CheckResult>;
}

/**
 * The arrangement most check e2e tests share: one anvil, a fault proxy in front of it, and a check
 * runner on each, so a check is shown passing on the real chain and failing under its named faults.
 * Call it inside a `describe`: it registers that block's beforeAll/afterEach/afterAll, and its
 * members may be read once the tests run.
 */
export function useAnvilBehindProxy(
  options: Pick<CheckRunnerOptions, 'parameters' | 'fundedTransactions'> & {
    /** Whether the direct adapter treats anvil as the embedded node (test-only methods). @default true */
    readonly embedded?: boolean;
  } = {},
): AnvilBehindProxy {
  let state: Omit<AnvilBehindProxy, 'runUnder'> | undefined;
  let anvil: RunningAnvil | undefined;
  let proxy: RunningFaultProxy | undefined;
  beforeAll(async () => {
    anvil = await startAnvil();
    proxy = await startFaultProxy({ upstreamUrl: anvil.url });
    const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
    const direct = await createEvmAdapter({ url: anvil.url, signer, embedded: options.embedded ?? true });
    const proxied = await createEvmAdapter({ url: proxy.url, signer });
    const { embedded: _embedded, ...runner } = options;
    state = {
      anvil,
      proxy,
      direct,
      proxied,
      onAnvil: await createCheckRunner(direct, runner),
      viaProxy: await createCheckRunner(proxied, runner),
    };
  });
  afterEach(() => proxy?.setFaults([]));
  afterAll(async () => {
    await proxy?.close();
    await anvil?.stop();
  });
  const ready = (): Omit<AnvilBehindProxy, 'runUnder'> => {
    if (!state) throw new Error('useAnvilBehindProxy: read its members inside tests, after beforeAll');
    return state;
  };
  return {
    get anvil() {
      return ready().anvil;
    },
    get proxy() {
      return ready().proxy;
    },
    get direct() {
      return ready().direct;
    },
    get proxied() {
      return ready().proxied;
    },
    get onAnvil() {
      return ready().onAnvil;
    },
    get viaProxy() {
      return ready().viaProxy;
    },
    runUnder(faults, checkId, overrides) {
      const { proxy: faulty, viaProxy } = ready();
      faulty.setFaults([...faults]);
      return viaProxy.run(checkId, overrides);
    },
  };
}
