// Minimal Hardhat 2 configuration for `hardhat node` in tests (selected with --config by
// tests/support/startHardhat.ts). Everything is Hardhat's default except what is spelled out.
// CommonJS (.cjs) because the project is "type": "module" and Hardhat 2 loads its config with require().
/** @type {import('hardhat/config').HardhatUserConfig} */
module.exports = {
  networks: {
    hardhat: {
      // Hardhat's default, the same as anvil's; stated so a Hardhat upgrade cannot move it silently.
      chainId: 31337,
      // Automine: a block per transaction, as anvil does by default.
      mining: { auto: true },
      // Default accounts (mnemonic "test test … junk"): the first one is anvil's first dev key.
      // No per-request log lines on stdout.
      loggingEnabled: false,
    },
  },
};
