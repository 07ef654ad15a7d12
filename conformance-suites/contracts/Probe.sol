// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.0;

/// @title chaineval probe contract
/// @notice Deliberately failing functions for TX-05 (JR/T 0184-2020 10.7: failed transactions are
///         recorded) and SC-01 (0184-2020 12.5: a reverted call leaves no state and no logs).
contract Probe {
    uint256 public value;

    event Written(uint256 v);

    /// Writes slot 0 and emits an event, then reverts: a conforming chain keeps neither.
    function writeThenRevert(uint256 v) external {
        value = v;
        emit Written(v);
        revert("chaineval: deliberate revert");
    }

    /// Always fails: a conforming chain still includes the transaction with a failed receipt.
    function fail() external pure {
        revert("chaineval: deliberate failure");
    }
}
