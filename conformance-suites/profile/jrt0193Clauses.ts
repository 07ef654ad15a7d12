import type { Clause } from '#core/profile/ClauseSchema.ts';

/**
 * Clauses of the `jrt-0193-2020` profile that automated checks evidence today. Texts are condensed
 * from JR/T 0184-2020 (full text) and the JR/T 0193-2020 outline (shared/reference/standards.md §1–2).
 * 0193's item tables are not public, so its items carry the modal we assume (stated in `source`):
 * performance items are recommended (宜) because 0193 publishes no thresholds (standards.md §1.4).
 * Ids are stable: reports are compared across runs and vendors by clause id.
 */
export const jrt0193Clauses: readonly Clause[] = [
  {
    id: '0184-7.2',
    title: {
      zh: '账本防篡改：链式结构与哈希嵌套',
      en: 'Tamper-resistant ledger: chained structure with hash nesting',
    },
    source: 'JR/T 0184-2020 7.2; JR/T 0193-2020 6.1, 8.5',
    modal: '应',
    area: 'ledger',
  },
  {
    id: '0184-10.1',
    title: { zh: '账本数据完整性', en: 'Ledger data integrity: no unauthorised change' },
    source: 'JR/T 0184-2020 10.1; JR/T 0193-2020 8.5',
    modal: '应',
    area: 'ledger',
  },
  {
    id: '0184-6.3.2',
    title: { zh: '防篡改与防重放', en: 'Resistance to tampering and replay' },
    source: 'JR/T 0184-2020 6.3.2; EIP-155',
    modal: '应',
    area: 'transactions',
  },
  {
    id: '0184-10.7',
    title: { zh: '失败操作留有记录', en: 'Failed operations are recorded as well as successful ones' },
    source: 'JR/T 0184-2020 10.7',
    modal: '应',
    area: 'transactions',
  },
  {
    id: '0184-12.5',
    title: { zh: '智能合约原子性', en: 'Smart-contract atomicity: everything rolls back on error' },
    source: 'JR/T 0184-2020 12.5; JR/T 0193-2020 6.3, 8.7',
    modal: '应',
    area: 'contracts',
  },
  {
    id: '0184-16.8',
    title: { zh: '接口权限管理', en: 'API permission management against unauthorised calls' },
    source: 'JR/T 0184-2020 16.8; JR/T 0193-2020 6.10',
    modal: '应',
    area: 'interface',
  },
  {
    id: '0184-7.7',
    title: { zh: '接口功能完备与兼容', en: 'Interfaces functionally complete, compatible and well-defined' },
    source: 'JR/T 0184-2020 7.7; JR/T 0193-2020 6.10; JSON-RPC 2.0 §5.1',
    modal: '应',
    area: 'interface',
  },
  {
    id: '0184-7.8',
    title: { zh: '传输数据加密', en: 'Data in transit is encrypted' },
    source: 'JR/T 0184-2020 7.8; JR/T 0193-2020 8.4',
    modal: '应',
    area: 'network',
  },
  {
    id: '0184-8.1',
    title: { zh: '密码算法符合国家标准', en: 'Cryptographic algorithms follow the national (SM) standards' },
    source: 'JR/T 0184-2020 8.1; JR/T 0193-2020 8.3',
    modal: '应',
    area: 'crypto',
  },
  {
    id: '0193-6.9',
    title: { zh: '交易系统：交易执行与记账一致', en: 'Transaction system: execution and accounting agree' },
    source: 'JR/T 0193-2020 6.9 (item text not public; modal assumed 应)',
    modal: '应',
    area: 'transactions',
  },
  {
    id: '0193-7.1',
    title: { zh: '交易吞吐率', en: 'Transaction throughput' },
    source: 'JR/T 0193-2020 7.1; Hyperledger PSWG; CAICT stress test (modal assumed 宜)',
    modal: '宜',
    area: 'performance',
  },
  {
    id: '0193-7.3',
    title: { zh: '交易同步性能', en: 'Transaction synchronisation performance (latency)' },
    source: 'JR/T 0193-2020 7.3; JR/T 0184-2020 11.11; Hyperledger PSWG (modal assumed 宜)',
    modal: '宜',
    area: 'performance',
  },
];
