import { encodeFunctionResult, toEventSelector, toFunctionSelector } from 'viem';
import { describe, expect, it } from 'vitest';
import { governanceInterfaceAbi } from '#adapters/evm/governanceInterfaceAbi.ts';
import { createProxyState } from '../ProxyState.ts';
import {
  freezeNotRecorded,
  interventionLogDropped,
  interventionRightsNotSplit,
} from './governanceRecords.ts';

const governanceLog = {
  address: `0x${'aa'.repeat(20)}`,
  topics: [toEventSelector('AccountStatusChanged(address,uint8,address)'), `0x${'00'.repeat(32)}`],
  data: '0x',
};
const otherLog = { address: `0x${'bb'.repeat(20)}`, topics: [`0x${'12'.repeat(32)}`], data: '0x' };
const state = createProxyState();

describe('governance record faults', () => {
  it('intervention-log-dropped removes governance events from eth_getLogs only', () => {
    const logs = { id: 1, result: [governanceLog, otherLog] };
    expect(interventionLogDropped({ id: 1, method: 'eth_getLogs' }, logs, state).result).toEqual([otherLog]);
    const receipt = { id: 1, result: { status: '0x1', logs: [governanceLog] } };
    expect(interventionLogDropped({ id: 1, method: 'eth_getTransactionReceipt' }, receipt, state)).toBe(
      receipt,
    );
  });

  it('freeze-not-recorded removes governance events from receipts and eth_getLogs', () => {
    const receipt = { id: 1, result: { status: '0x1', logs: [governanceLog, otherLog] } };
    expect(freezeNotRecorded({ id: 1, method: 'eth_getTransactionReceipt' }, receipt, state).result).toEqual({
      status: '0x1',
      logs: [otherLog],
    });
    const logs = { id: 1, result: [governanceLog] };
    expect(freezeNotRecorded({ id: 1, method: 'eth_getLogs' }, logs, state).result).toEqual([]);
    const plain = { id: 1, result: { status: '0x1', logs: [otherLog] } };
    expect(freezeNotRecorded({ id: 1, method: 'eth_getTransactionReceipt' }, plain, state)).toBe(plain);
  });

  it('intervention-rights-not-split answers getGovernors() with its first holder only', () => {
    const holders = [`0x${'01'.repeat(20)}`, `0x${'02'.repeat(20)}`] as const;
    const result = encodeFunctionResult({
      abi: governanceInterfaceAbi,
      functionName: 'getGovernors',
      result: holders,
    });
    const request = {
      id: 1,
      method: 'eth_call',
      params: [{ to: `0x${'aa'.repeat(20)}`, data: toFunctionSelector('getGovernors()') }, 'latest'],
    };
    expect(interventionRightsNotSplit(request, { id: 1, result }, state).result).toBe(
      encodeFunctionResult({
        abi: governanceInterfaceAbi,
        functionName: 'getGovernors',
        result: [holders[0]],
      }),
    );
    const otherCall = { ...request, params: [{ data: '0x12345678' }, 'latest'] };
    const answer = { id: 1, result };
    expect(interventionRightsNotSplit(otherCall, answer, state)).toBe(answer);
  });
});
