// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.0;

/// @title chaineval lifecycle target
/// @notice The contract SC-04 deploys (JR/T 0184-2020 12.3/12.8: controlled deployment) and SC-05
///         freezes, unfreezes and abolishes (12.8 lifecycle, 12.9: contracts can be stopped).
contract LifecycleTarget {
    /// Slot 0: the last value set, read back by the checks with a storage read.
    uint256 public value;

    event Set(uint256 v);

    /// Succeeds on any chain that lets the call run: the state change the lifecycle checks watch.
    function set(uint256 v) external {
        value = v;
        emit Set(v);
    }
}
