/**
 * Figures, budgets and the printed table. Pure, so the verdict logic is unit-tested
 * (tests/unit/bench-stats.test.ts) while the browser numbers come from real runs.
 */

export const median = (xs: readonly number[]): number => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface Budget {
  /** The largest with/without ratio allowed (median of the pairs' ratios). */
  ratio?: number;
  /** The most the extension may add (median of the pairs' differences, in the figure's unit). */
  added?: number;
  /** The largest value allowed for figures without a "without" (extension pages, bundle sizes). */
  max?: number;
}

export interface Figure {
  name: string;
  unit: string;
  budget?: Budget;
  /** Measurements with the extension (one per pair, or one per run). */
  with: number[];
  /** Measurements without it, pair by pair with `with` (empty for extension-only figures). */
  without: number[];
  /** Shown after the numbers, e.g. the script/layout split. */
  note?: string;
}

export interface Summary {
  with: number;
  without?: number;
  ratio?: number;
  added?: number;
  pass: boolean | undefined;
}

/** Medians of the runs, and of the pairs' ratios and differences: a slow moment hits both halves of a pair. */
export function summarize(f: Figure): Summary {
  const w = median(f.with);
  const paired = f.without.length > 0;
  const n = Math.min(f.with.length, f.without.length);
  const ratios: number[] = [];
  const diffs: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = f.with[i]!;
    const b = f.without[i]!;
    diffs.push(a - b);
    // A ratio to (almost) nothing says nothing: 3 long tasks against 0 is "3 added", not "∞×".
    if (b > 1e-9) ratios.push(a / b);
  }
  const s: Summary = { with: w, pass: undefined };
  if (paired) {
    s.without = median(f.without);
    s.added = median(diffs);
    if (ratios.length) s.ratio = median(ratios);
  }
  const b = f.budget;
  if (b && (b.ratio !== undefined || b.added !== undefined || b.max !== undefined)) {
    const checks: boolean[] = [];
    if (b.ratio !== undefined) checks.push(s.ratio === undefined ? (s.added ?? 0) <= 0 : s.ratio <= b.ratio);
    if (b.added !== undefined) checks.push((s.added ?? Number.POSITIVE_INFINITY) <= b.added);
    if (b.max !== undefined) checks.push(Number.isFinite(w) && w <= b.max);
    s.pass = checks.every(Boolean);
  }
  return s;
}

const num = (x: number, unit: string): string => {
  if (!Number.isFinite(x)) return '–';
  const abs = Math.abs(x);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return `${x.toFixed(digits)} ${unit}`.trim();
};

export function budgetText(b: Budget | undefined, unit: string): string {
  if (!b) return '(reported)';
  const parts: string[] = [];
  if (b.ratio !== undefined) parts.push(`≤ ${b.ratio.toFixed(2)}×`);
  if (b.added !== undefined) parts.push(`≤ +${num(b.added, unit)}`);
  if (b.max !== undefined) parts.push(`≤ ${num(b.max, unit)}`);
  return parts.join(' and ');
}

export interface Row {
  figure: string;
  budget: string;
  with: string;
  without: string;
  ratio: string;
  verdict: string;
}

export function row(f: Figure): Row {
  const s = summarize(f);
  const ratio =
    s.without === undefined
      ? '–'
      : `${s.ratio === undefined ? '–' : `${s.ratio.toFixed(2)}×`} ${s.added! >= 0 ? '+' : ''}${num(s.added!, f.unit)}`;
  return {
    figure: f.name,
    budget: budgetText(f.budget, f.unit),
    with: num(s.with, f.unit) + (f.note ? ` (${f.note})` : ''),
    without: s.without === undefined ? '–' : num(s.without, f.unit),
    ratio,
    verdict: s.pass === undefined ? '–' : s.pass ? 'ok' : 'MISSED',
  };
}

const COLS: (keyof Row)[] = ['figure', 'budget', 'with', 'without', 'ratio', 'verdict'];

/** A Markdown table (readable in a terminal and pasteable into BENCHMARKS.md). */
export function table(figures: readonly Figure[]): string {
  const rows = figures.map(row);
  const width = (c: keyof Row) => Math.max(c.length, ...rows.map((r) => [...r[c]].length));
  const line = (r: Record<keyof Row, string>) =>
    `| ${COLS.map((c) => r[c] + ' '.repeat(width(c) - [...r[c]].length)).join(' | ')} |`;
  const head = Object.fromEntries(COLS.map((c) => [c, c])) as Record<keyof Row, string>;
  const rule = `|${COLS.map((c) => '-'.repeat(width(c) + 2)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

export const missed = (figures: readonly Figure[]): Figure[] => figures.filter((f) => summarize(f).pass === false);
