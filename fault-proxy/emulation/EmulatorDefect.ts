import { z } from 'zod';

/**
 * Admission rules of the emulated node; a defect (see `defectMethod`) skips some of them for one
 * transaction. Each mirrors a vendor feature: Besu account permissioning (-32007 for a sender not
 * allowed), FISCO BCOS deploy auth and contract freeze.
 */
export const AdmissionRuleSchema = z.enum(['account-status', 'deploy-permission', 'contract-status']);
export type AdmissionRule = z.infer<typeof AdmissionRuleSchema>;

/**
 * The emulated node's defect switch, for faults of the proxy in front of it:
 * `emulator_sendRawTransactionWithDefect(raw, defect)` submits like eth_sendRawTransaction but with
 * `skip` rules not applied, or with the listed governance functions executed as the first governor
 * when the sender is not one (a node that signs governance requests with its own admin key), or with
 * a contract upgrade that resets the upgraded contract's storage slot 0 (a platform that redeploys the
 * new version with fresh state).
 */
export const defectMethod = 'emulator_sendRawTransactionWithDefect';
export const DefectSchema = z.object({
  skip: z.array(AdmissionRuleSchema).default([]),
  governanceAsNodeAdmin: z.array(z.string()).default([]),
  upgradeResetsState: z.boolean().default(false),
});
export type Defect = z.input<typeof DefectSchema>;
