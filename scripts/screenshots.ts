/**
 * `npm run docs:screenshots` (issue 11 deliverable 6): what a reader gets, before installing. The
 * two sample reports the browser test serves (tests/e2e/browser.test.ts), in a memory store behind
 * the same report server `chaineval serve` runs, photographed by the same chromium helper: the
 * list, one report and the comparison, at 1280 px, to docs/screenshots/{serve,report,compare}.png.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMemoryResultStore } from '#core/store/createMemoryResultStore.ts';
import { sampleComparison } from '#reports/render/sampleComparison.ts';
import { startReportServer } from '#reports/serve/startReportServer.ts';
import { chromiumPath, launchChromium } from '../tests/support/launchChromium.ts';

const outDir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

const [a, b] = sampleComparison();
const store = createMemoryResultStore();
await store.putReport(a);
await store.putReport(b);
const browser = await launchChromium();
if (!browser) {
  console.error(
    `docs:screenshots: no chromium at ${chromiumPath}; apt-get install chromium fonts-wqy-zenhei`,
  );
  process.exit(1);
}
const server = await startReportServer({ store, port: 0 });
try {
  await mkdir(outDir, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const shots: [string, string, boolean][] = [
    ['serve.png', server.url, false],
    ['report.png', `${server.url}reports/${a.reportId}`, false],
    ['compare.png', `${server.url}compare?ids=${a.reportId},${b.reportId}`, false],
  ];
  for (const [file, url, fullPage] of shots) {
    await page.goto(url);
    await page.screenshot({ path: join(outDir, file), fullPage });
    console.log(`docs/screenshots/${file} ← ${url}`);
  }
} finally {
  await browser.close();
  await server.close();
}
