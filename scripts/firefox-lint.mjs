#!/usr/bin/env node
// The Firefox stage of `npm test` (issue 11): `web-ext lint` on the Firefox build (run offline; addons-linter
// is local). Fails on any error, and on any warning not explained below, so a new one is looked at rather than
// getting used to. Expects `npm run build:firefox` to have run.
import { spawnSync } from 'node:child_process';

/** Warnings that stay, each with why (README, "Firefox"). */
const EXPLAINED = [
  // `import(browser.runtime.getURL('/picker-panel.js'))`: the template picker's panel, loaded on first open
  // (lib/features/template-picker.ts). The argument is always our own packaged file, never page data.
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^content-scripts\/(pdd|douyin|taobao)\.js$/, message: /import/ },
  // React DOM's own `innerHTML` writes: `dangerouslySetInnerHTML` (we never use it) and a constant
  // `<script></script>` it creates for `createElement('script')`.
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^(picker-panel\.js|chunks\/[\w-]+\.js)$/, message: /innerHTML/ },
];

const r = spawnSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json', '--no-input'],
  {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  },
);
let report;
try {
  report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
} catch {
  console.log(r.stdout, r.stderr);
  console.log('web-ext lint: no JSON report');
  process.exit(1);
}
const line = (m) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`;
const unexplained = report.warnings.filter(
  (w) => !EXPLAINED.some((e) => e.code === w.code && e.file.test(w.file ?? '') && e.message.test(w.message)),
);
for (const e of report.errors) console.log(`error: ${line(e)}`);
for (const w of unexplained) console.log(`unexplained warning: ${line(w)}`);
console.log(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - unexplained.length} explained), ${report.notices.length} notices`,
);
process.exit(report.errors.length || unexplained.length ? 1 : 0);
