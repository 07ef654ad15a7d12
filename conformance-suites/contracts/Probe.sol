// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.0;

/// @title chaineval probe contract
/// @notice Deliberately failing functions for TX-05 (JR/T 0184-2020 10.7: failed transactions are
///         recorded) and SC-01 (0184-2020 12.5: a reverted call leaves no state and no logs); state,
///         computation, events and an endless loop for SC-02/03/10 and EV-01/03.
contract Probe {
    /// Slot 0.
    uint256 public value;
    /// Slot 1: written by set(), read by get() (SC-02, SC-10).
    uint256 private stored;

    event Written(uint256 v);
    /// EV-01/03: `count` of these per emitEvents call; payload = keccak256(abi.encodePacked(tag, seq)).
    event Ping(uint256 indexed tag, uint256 indexed seq, bytes32 payload);
    /// EV-01/03: one per emitEvents call, after the Pings, so topic filters have something to exclude.
    event Pong(uint256 indexed tag, uint256 count);

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

    /// Writes slot 1.
    function set(uint256 v) external {
        stored = v;
    }

    /// Reads slot 1.
    function get() external view returns (uint256) {
        return stored;
    }

    /// Pure computation the harness recomputes: h0 = bytes32(seed), h(i+1) = keccak256(h(i) ‖ uint256 i).
    function mix(uint256 seed, uint256 rounds) external pure returns (bytes32 h) {
        h = bytes32(seed);
        for (uint256 i = 0; i < rounds; i++) {
            h = keccak256(abi.encodePacked(h, i));
        }
    }

    /// Emits Ping(tag, 0..count-1, payload) then Pong(tag, count).
    function emitEvents(uint256 tag, uint256 count) external {
        for (uint256 i = 0; i < count; i++) {
            emit Ping(tag, i, keccak256(abi.encodePacked(tag, i)));
        }
        emit Pong(tag, count);
    }

    /// Never returns: whatever gas it is given runs out (SC-03, JR/T 0184-2020 12.4/12.9).
    function spin() external {
        uint256 i;
        while (true) {
            unchecked {
                i++;
            }
        }
    }
}
