import type { IncomingMessage, ServerResponse } from 'node:http';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import { OverallVerdictValueSchema } from '#core/scoring/ClauseVerdictSchema.ts';
import type { ResultStore } from '#core/store/ResultStore.ts';
import { compareLimits, compareReports } from '../render/compareReports.ts';
import { escapeHtml } from '../render/escapeHtml.ts';
import { embedCjkFallbackFont } from '../render/fonts/embedCjkFallbackFont.ts';
import type { ReportLang } from '../render/ReportLangSchema.ts';
import { renderCompareHtml } from '../render/renderCompareHtml.ts';
import { renderHtml } from '../render/renderHtml.ts';
import { renderPage } from '../render/renderPage.ts';
import { renderReportListHtml } from '../render/renderReportListHtml.ts';
import { reportFileText } from '../reportFileText.ts';
import { readStoredReport } from '../store/readStoredReport.ts';

export interface ReportRequestContext {
  readonly store: ResultStore;
  readonly lang: ReportLang;
  /**
   * Host header values accepted (lower case, with port). On a loopback bind only the loopback
   * names: a web page elsewhere cannot read the reports through DNS rebinding. Undefined: any.
   */
  readonly allowedHosts?: ReadonlySet<string> | undefined;
  /** How many stored reports the list reads (newest first). */
  readonly listLimit?: number;
}

/** A request the server refuses, with the status and one line saying why and what to do. */
class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `chaineval serve`'s routes over the report store, read-only: `/` (list, filtered by ?target= and
 * ?verdict=), `/reports/<id>` (the report page renderHtml writes), `/reports/<id>.json`,
 * `/compare?ids=a,b` (also `?ids=a&ids=b`, what the list's checkboxes submit). Only GET and HEAD;
 * every id is checked against the run-id pattern before the store is asked; every value on a page is
 * escaped, and each answer forbids scripts and framing by header as well as by meta tag.
 */
export async function handleReportRequest(
  request: IncomingMessage,
  response: ServerResponse,
  context: ReportRequestContext,
): Promise<void> {
  const head = request.method === 'HEAD';
  try {
    if (request.method !== 'GET' && !head) {
      response.setHeader('allow', 'GET, HEAD');
      throw new HttpRefusal(
        405,
        `${request.method ?? 'this method'} is not served: the report pages are read-only`,
      );
    }
    const host = (request.headers.host ?? '').toLowerCase();
    if (context.allowedHosts !== undefined && !context.allowedHosts.has(host)) {
      throw new HttpRefusal(
        421,
        `host "${host.slice(0, 80)}" is not this server's address; open it by its loopback address`,
      );
    }
    const url = new URL(request.url ?? '/', 'http://serve.invalid');
    const body = await route(url, context);
    // Every page carries its own CJK font subset, so Chinese renders on a machine without one.
    const text = body.type.startsWith('text/html') ? await embedCjkFallbackFont(body.text) : body.text;
    send(response, 200, body.type, text, head);
  } catch (error) {
    const status = error instanceof HttpRefusal ? error.status : 500;
    const message =
      error instanceof HttpRefusal
        ? error.message
        : `the report store failed: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`;
    const page = renderPage({
      lang: context.lang,
      title: `chaineval serve — ${status}`,
      css: '',
      body: `<main><h1>${status}</h1><p>${escapeHtml(message)}</p><p><a href="/">reports</a></p></main>`,
    });
    send(response, status, 'text/html; charset=utf-8', page, head);
  }
}

async function route(url: URL, context: ReportRequestContext): Promise<{ type: string; text: string }> {
  const html = 'text/html; charset=utf-8';
  const { store, lang } = context;
  if (url.pathname === '/') {
    const target = nonEmpty(url.searchParams.get('target'));
    const verdict = nonEmpty(url.searchParams.get('verdict'));
    if (verdict !== undefined && !OverallVerdictValueSchema.safeParse(verdict).success) {
      throw new HttpRefusal(
        400,
        `verdict "${verdict.slice(0, 40)}" is none of ${OverallVerdictValueSchema.options.join(', ')}`,
      );
    }
    const reports = await store.listReports(context.listLimit ?? 1_000);
    return { type: html, text: renderReportListHtml({ reports, filters: { target, verdict }, lang }) };
  }
  const match = /^\/reports\/([^/]+?)(\.json)?$/.exec(url.pathname);
  if (match) {
    const id = checkedId(decodeSegment(match[1]!));
    const report = await readStoredReport(store, id);
    if (!report)
      throw new HttpRefusal(404, `no report "${id}" in the store; the list at / shows the stored ones`);
    return match[2]
      ? { type: 'application/json; charset=utf-8', text: reportFileText(report) }
      : { type: html, text: renderHtml(report, { lang }) };
  }
  if (url.pathname === '/compare') {
    const ids = url.searchParams
      .getAll('ids')
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
    if (ids.length < compareLimits.min || ids.length > compareLimits.max) {
      throw new HttpRefusal(
        400,
        `compare needs ${compareLimits.min}–${compareLimits.max} report ids (got ${ids.length}); tick them in the list, or use /compare?ids=<id>,<id>`,
      );
    }
    for (const id of ids) checkedId(id);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice !== undefined)
      throw new HttpRefusal(400, `report ${twice} is given twice; pass each report once`);
    const reports = [];
    for (const id of ids) {
      const report = await readStoredReport(store, id);
      if (!report)
        throw new HttpRefusal(404, `no report "${id}" in the store; the list at / shows the stored ones`);
      reports.push(report);
    }
    return { type: html, text: renderCompareHtml(compareReports(reports), { lang }) };
  }
  throw new HttpRefusal(404, `nothing at ${url.pathname.slice(0, 80)}; the list of reports is at /`);
}

function checkedId(id: string): string {
  if (!RunIdSchema.safeParse(id).success) {
    throw new HttpRefusal(400, `"${id.slice(0, 40)}" is not a report id like 20261124T101500Z-1a2b3c4d`);
  }
  return id;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpRefusal(400, 'the address holds a malformed %-escape');
  }
}

function nonEmpty(value: string | null): string | undefined {
  return value === null || value.trim() === '' ? undefined : value;
}

function send(response: ServerResponse, status: number, type: string, text: string, head: boolean): void {
  const body = Buffer.from(text, 'utf8');
  response.writeHead(status, {
    'content-type': type,
    'content-length': body.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; form-action 'self'; frame-ancestors 'none'",
  });
  response.end(head ? undefined : body);
}
