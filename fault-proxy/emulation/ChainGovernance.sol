// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.0;

/// @title chaineval governance interface v1, emulated
/// @notice The on-chain half of the permissioned-chain emulation (fault-proxy/emulation): account and
///         contract status (modelled on FISCO BCOS 3.x AccountManager / ContractAuth precompiles:
///         0 normal, 1 frozen, 2 abolished), deploy and governance permissions (modelled on FISCO's
///         AuthManager deploy auth and committee), and an event for every act so interventions are on
///         the ledger (JR/T 0184-2020 17.3.2.5). The node-side half — refusing transactions of frozen
///         accounts, to frozen contracts and unpermitted deployments — is the emulator's admission
///         check, as Besu's account permissioning refuses them with -32007.
///         This emulates a vendor for tests of the harness; it is not any vendor's contract.
contract ChainGovernance {
    uint8 private constant NORMAL = 0;
    uint8 private constant ABOLISHED = 2;
    uint8 private constant DEPLOY = 0;
    uint8 private constant GOVERNANCE = 1;

    mapping(address => uint8) private accountStatus;
    mapping(address => uint8) private contractStatus;
    mapping(uint8 => mapping(address => bool)) private permission;
    address[] private governors;

    event AccountStatusChanged(address indexed account, uint8 status, address indexed operator);
    event ContractStatusChanged(address indexed target, uint8 status, address indexed operator);
    event PermissionChanged(uint8 indexed scope, address indexed subject, bool granted, address indexed operator);
    event ContractUpgraded(address indexed target, string version, bytes32 codeHash, address indexed operator);

    struct Version {
        string version;
        bytes32 codeHash;
    }

    mapping(address => Version) private contractVersion;

    constructor(address[] memory initialGovernors, address[] memory deployers) {
        require(initialGovernors.length > 0, "chaineval-governance: at least one governor");
        for (uint256 i = 0; i < initialGovernors.length; i++) {
            address g = initialGovernors[i];
            if (!permission[GOVERNANCE][g]) {
                permission[GOVERNANCE][g] = true;
                governors.push(g);
                emit PermissionChanged(GOVERNANCE, g, true, msg.sender);
            }
        }
        for (uint256 i = 0; i < deployers.length; i++) {
            permission[DEPLOY][deployers[i]] = true;
            emit PermissionChanged(DEPLOY, deployers[i], true, msg.sender);
        }
    }

    modifier onlyGovernor() {
        require(permission[GOVERNANCE][msg.sender], "chaineval-governance: caller is not a governor");
        _;
    }

    function setAccountStatus(address account, uint8 status) external onlyGovernor {
        require(status <= ABOLISHED, "chaineval-governance: unknown status");
        require(accountStatus[account] != ABOLISHED, "chaineval-governance: an abolished account stays abolished");
        accountStatus[account] = status;
        emit AccountStatusChanged(account, status, msg.sender);
    }

    function getAccountStatus(address account) external view returns (uint8) {
        return accountStatus[account];
    }

    function setContractStatus(address target, uint8 status) external onlyGovernor {
        require(status <= ABOLISHED, "chaineval-governance: unknown status");
        require(target.code.length > 0, "chaineval-governance: not a contract");
        require(contractStatus[target] != ABOLISHED, "chaineval-governance: an abolished contract stays abolished");
        contractStatus[target] = status;
        emit ContractStatusChanged(target, status, msg.sender);
    }

    function getContractStatus(address target) external view returns (uint8) {
        return contractStatus[target];
    }

    /// Records the upgrade of `target` to `runtimeCode` (modelled on ChainMaker CONTRACT_MANAGE
    /// UPGRADE_CONTRACT). The EVM cannot replace another contract's code, so the emulator applies the
    /// new code once this call is on the ledger: the platform's half of the upgrade.
    function upgradeContract(address target, bytes calldata runtimeCode, string calldata version) external onlyGovernor {
        require(target.code.length > 0, "chaineval-governance: not a contract");
        require(contractStatus[target] != ABOLISHED, "chaineval-governance: an abolished contract cannot be upgraded");
        require(runtimeCode.length > 0, "chaineval-governance: empty code");
        bytes32 codeHash = keccak256(runtimeCode);
        contractVersion[target] = Version(version, codeHash);
        emit ContractUpgraded(target, version, codeHash, msg.sender);
    }

    function getContractVersion(address target) external view returns (string memory version, bytes32 codeHash) {
        Version storage v = contractVersion[target];
        return (v.version, v.codeHash);
    }

    function grant(uint8 scope, address subject) external onlyGovernor {
        require(scope <= GOVERNANCE, "chaineval-governance: unknown scope");
        if (!permission[scope][subject]) {
            permission[scope][subject] = true;
            if (scope == GOVERNANCE) governors.push(subject);
        }
        emit PermissionChanged(scope, subject, true, msg.sender);
    }

    function revoke(uint8 scope, address subject) external onlyGovernor {
        require(scope <= GOVERNANCE, "chaineval-governance: unknown scope");
        if (permission[scope][subject]) {
            if (scope == GOVERNANCE) {
                require(governors.length > 1, "chaineval-governance: the last governor cannot be removed");
                for (uint256 i = 0; i < governors.length; i++) {
                    if (governors[i] == subject) {
                        governors[i] = governors[governors.length - 1];
                        governors.pop();
                        break;
                    }
                }
            }
            permission[scope][subject] = false;
        }
        emit PermissionChanged(scope, subject, false, msg.sender);
    }

    function hasPermission(uint8 scope, address subject) external view returns (bool) {
        return permission[scope][subject];
    }

    function getGovernors() external view returns (address[] memory) {
        return governors;
    }
}
