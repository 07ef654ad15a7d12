/** The contracts of the capability-gated checks and of the permissioned-chain emulation, with their builds. */
export const governanceContracts = [
  {
    sourcePath: 'conformance-suites/governance/LifecycleTarget.sol',
    contractName: 'LifecycleTarget',
    buildPath: 'conformance-suites/governance/build/LifecycleTarget.json',
  },
  {
    sourcePath: 'conformance-suites/governance/LifecycleTargetV2.sol',
    contractName: 'LifecycleTargetV2',
    buildPath: 'conformance-suites/governance/build/LifecycleTargetV2.json',
  },
  {
    sourcePath: 'fault-proxy/emulation/ChainGovernance.sol',
    contractName: 'ChainGovernance',
    buildPath: 'fault-proxy/emulation/build/ChainGovernance.json',
  },
] as const;
