import { parseAbi } from 'viem';

/**
 * The governance system-contract interface the EVM adapter speaks (chaineval governance interface
 * v1). Modelled on FISCO BCOS 3.x precompiles — AccountManager `setAccountStatus(address,uint8)` /
 * `getAccountStatus` (0 normal, 1 frozen, 2 abolished), ContractAuth `setContractStatus`, AuthManager
 * deploy permissions and committee, and ChainMaker's UPGRADE_CONTRACT — with one event per act, so every intervention is on the ledger
 * (JR/T 0184-2020 17.3.2.5). A chain whose governance speaks another interface needs its own adapter
 * part; the checks only see the neutral GovernanceApi.
 */
export const governanceInterfaceAbi = parseAbi([
  'function setAccountStatus(address account, uint8 status)',
  'function getAccountStatus(address account) view returns (uint8)',
  'function setContractStatus(address target, uint8 status)',
  'function getContractStatus(address target) view returns (uint8)',
  'function grant(uint8 scope, address subject)',
  'function revoke(uint8 scope, address subject)',
  'function hasPermission(uint8 scope, address subject) view returns (bool)',
  'function getGovernors() view returns (address[])',
  'function upgradeContract(address target, bytes runtimeCode, string version)',
  'function getContractVersion(address target) view returns (string version, bytes32 codeHash)',
  'event AccountStatusChanged(address indexed account, uint8 status, address indexed operator)',
  'event ContractStatusChanged(address indexed target, uint8 status, address indexed operator)',
  'event PermissionChanged(uint8 indexed scope, address indexed subject, bool granted, address indexed operator)',
  'event ContractUpgraded(address indexed target, string version, bytes32 codeHash, address indexed operator)',
]);

/** Status codes of accounts and contracts, in the interface's order. */
export const governedStatusCodes = ['normal', 'frozen', 'abolished'] as const;

/** Permission scope codes, in the interface's order. */
export const permissionScopeCodes = ['deploy', 'governance'] as const;
