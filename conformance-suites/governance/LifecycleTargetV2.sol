// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.0;

/// @title chaineval lifecycle target, version 2
/// @notice What SC-06 upgrades LifecycleTarget to (JR/T 0184-2020 12.2/12.8, 7.6: new versions read the
///         data of old ones). Same storage layout as version 1, plus a version number to call.
contract LifecycleTargetV2 {
    /// Slot 0, as in version 1: an upgrade that keeps state keeps this value.
    uint256 public value;

    event Set(uint256 v);

    function set(uint256 v) external {
        value = v;
        emit Set(v);
    }

    /// Only version 2 has it: a call that answers 2 shows the new code runs at the old address.
    function version() external pure returns (uint256) {
        return 2;
    }
}
