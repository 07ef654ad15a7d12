import { describe, expect, it } from 'vitest';
import { createRpcTranscript, noteRpcExchange, transcriptLimits } from './rpcTranscript.ts';

describe('rpc transcripts', () => {
  it('records the exchanges of the code it runs, first and last ones kept, the middle counted', async () => {
    const transcript = createRpcTranscript();
    const total = transcriptLimits.head + transcriptLimits.tail + 5;
    await transcript.run(async () => {
      for (let i = 0; i < total; i++) noteRpcExchange('http://node', `{"id":${i}}`, 200, `{"result":${i}}`);
    });
    const read = transcript.read();
    expect(read.omitted).toBe(5);
    expect(read.exchanges.map((x) => x.request)).toEqual([
      ...Array.from({ length: transcriptLimits.head }, (_, i) => `{"id":${i}}`),
      ...Array.from(
        { length: transcriptLimits.tail },
        (_, i) => `{"id":${total - transcriptLimits.tail + i}}`,
      ),
    ]);
  });

  it('keeps concurrent checks apart and records nothing outside a check', async () => {
    const a = createRpcTranscript();
    const b = createRpcTranscript();
    noteRpcExchange('http://node', 'outside', 200, 'ignored');
    await Promise.all([
      a.run(async () => {
        await new Promise((r) => setTimeout(r, 5));
        noteRpcExchange('http://node', 'a', 200, 'ra');
      }),
      b.run(async () => noteRpcExchange('http://node', 'b', 200, 'rb')),
    ]);
    expect(a.read().exchanges.map((x) => x.request)).toEqual(['a']);
    expect(b.read().exchanges.map((x) => x.request)).toEqual(['b']);
  });

  it('cuts long bodies and remembers their size', async () => {
    const transcript = createRpcTranscript();
    const long = 'x'.repeat(transcriptLimits.requestChars + 50);
    await transcript.run(async () => noteRpcExchange('http://node', long, 0, 'ECONNRESET'));
    const [x] = transcript.read().exchanges;
    expect(x?.requestBytes).toBe(long.length);
    expect(x?.request).toMatch(/… \[50 more characters\]$/);
    expect(x?.status).toBe(0);
  });
});
