/**
 * Fonts named before the generic families. Debian's chromium with no CJK font draws every Chinese
 * character as a box (shared/reference/toolchain.md §fonts); naming the common CJK fonts of Linux,
 * macOS and Windows lets the browser pick whichever one the reader's machine has, before it falls
 * back to a generic family that may have none.
 */
export const cjkFonts = `"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei"`;
/**
 * The package's own CJK font, a subset of Noto Sans SC that embedCjkFallbackFont puts into each
 * written or served page. Named last, after the generic family, so that any CJK font the reader's
 * machine has wins and this one draws only the characters nothing else on the machine can.
 */
export const cjkFallbackFontFamily = 'chaineval Noto Sans SC';
export const sansFontStack = `system-ui,-apple-system,"Segoe UI",${cjkFonts},sans-serif,"${cjkFallbackFontFamily}"`;
export const monoFontStack = `ui-monospace,Menlo,Consolas,"DejaVu Sans Mono","Noto Sans Mono CJK SC",${cjkFonts},monospace,"${cjkFallbackFontFamily}"`;

/** The verdict and status colours every page uses, so a verdict reads the same on every page. */
export const verdictColors = {
  conform: '#1a7f37',
  'partially-conform': '#9a6700',
  nonconform: '#cf222e',
  'not-applicable': '#8c959f',
  waived: '#bf8700',
  attested: '#0969da',
  'not-evaluated': '#d0d7de',
} as const;

/**
 * The CSS shared by the report page, the comparison page and the serve pages. No horizontal
 * overflow at 1280 px: long values (URLs, hashes, JSON evidence, parameter values) wrap anywhere,
 * tables have a fixed layout, and only a `<pre>` scrolls, inside its cell. Print (a regulator prints
 * or saves as PDF): each top-level section starts a page, interactive chrome is hidden, closed
 * details are printed open and a link prints its address.
 */
export const pageCss = `
*,*::before,*::after{box-sizing:border-box}
body{font:15px/1.5 ${sansFontStack};margin:0 auto;max-width:1100px;padding:24px;color:#1b1f24;overflow-wrap:anywhere}
h1{font-size:1.5em;margin:0}h1 small,h2 small{font-size:.7em;color:#57606a;font-weight:400}h2{border-bottom:1px solid #d0d7de;margin-top:2em}
table{border-collapse:collapse;width:100%;margin:8px 0;table-layout:fixed}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere;word-break:normal;min-width:0}
table.kv th{width:14em;background:#f6f8fa;font-weight:600}
code,.mono,pre{font-family:${monoFontStack};font-size:13px;overflow-wrap:anywhere}
pre{background:#f6f8fa;padding:8px;margin:4px 0;overflow:auto;max-width:100%;max-height:400px;white-space:pre-wrap}
svg.chart{max-width:100%;height:auto;display:block;margin:8px 0}
.chart text{font-size:11px;fill:#1b1f24}.chart .caption{font-weight:600}.chart .muted{fill:#57606a}
.muted{color:#57606a}
.v-conform{color:#1a7f37}.v-partially-conform,.v-not-evaluated,.v-incomplete,.v-inconclusive,.v-waived{color:#9a6700}.v-nonconform{color:#cf222e}.v-not-applicable{color:#57606a}.v-attested{color:#0969da}.v-missing{color:#9a6700}
.s-pass{color:#1a7f37;font-weight:700}.s-fail{color:#cf222e;font-weight:700}.s-error,.s-missing{color:#9a6700;font-weight:700}.s-skip{color:#57606a;font-weight:700}
${Object.entries(verdictColors)
  .map(([verdict, color]) => `.f-${verdict}{fill:${color}}`)
  .join('')}
@media print{
body{max-width:none;padding:0;font-size:11pt}
section.part{break-before:page}section.part:first-of-type{break-before:auto}
.no-print,nav,button,input,select{display:none!important}
details{display:block}summary{list-style:none}summary::-webkit-details-marker{display:none}
details::details-content{content-visibility:visible;display:block}
pre{max-height:none;overflow:visible}
tr,.check,.load,svg.chart{break-inside:avoid}h2,h3{break-after:avoid}
a[href]:not([href^="#"])::after{content:" (" attr(href) ")";font-size:.85em;color:#57606a}
}
`;
