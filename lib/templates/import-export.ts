/**
 * Import and export of templates as JSON and CSV. Everything but {@link applyImport} is pure.
 *
 * Import is two steps: {@link planImport} shows what would happen (added / changed / unchanged /
 * invalid) without writing; {@link applyImport} writes the plan in one Dexie transaction, and refuses
 * while invalid rows remain unless the merchant chose to drop them, so a bad row never half-writes a batch.
 *
 * CSV is written for Excel as merchants use it: UTF-8 with a BOM (otherwise Excel reads Chinese as
 * GBK mojibake), CRLF, RFC 4180 quoting, and cells that Excel would run as formulas prefixed with `'`.
 * Reading accepts what Excel writes back: GBK files, reformatted dates, zh column names.
 */
import Papa from 'papaparse';
import { BOM, csvRows } from '../analytics/csv';
import { z } from 'zod';
import { TemplateSchema, type Template } from '../model/template';
import { EpochMsSchema, PlatformSchema, TicketKindSchema } from '../model/ticket';
import { changedFields, type ContentField } from './content';
import { fnv1a } from './hash';
import { issueLines, type TemplateTable } from './repo';

// ─── Export ────────────────────────────────────────────────────────────────────────────────────────

/** Identifies our JSON files. */
export const EXPORT_FORMAT = 'ticket-radar/templates';

export interface TemplateExportFile {
  format: typeof EXPORT_FORMAT;
  version: 1;
  /** ISO 8601, for people reading the file. */
  exportedAt: string;
  templates: Template[];
}

/** JSON export: an envelope with every template as stored. */
export function exportJson(templates: readonly Template[], now: number): string {
  const file: TemplateExportFile = {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: new Date(now).toISOString(),
    templates: [...templates],
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/** CSV columns, in export order. Lists are joined with `|`. */
export const CSV_COLUMNS = [
  'id',
  'title',
  'body',
  'folder',
  'tags',
  'shortcut',
  'note',
  'platforms',
  'kinds',
  'shops',
  'usageCount',
  'createdAt',
  'updatedAt',
  'origin',
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/** zh-CN headers merchants may type in Excel, mapped to columns. */
const HEADER_ALIASES: Record<string, CsvColumn> = {
  编号: 'id',
  标题: 'title',
  内容: 'body',
  正文: 'body',
  回复内容: 'body',
  文件夹: 'folder',
  分组: 'folder',
  标签: 'tags',
  快捷码: 'shortcut',
  快捷方式: 'shortcut',
  备注: 'note',
  提醒: 'note',
  平台: 'platforms',
  工单类型: 'kinds',
  类型: 'kinds',
  店铺: 'shops',
  使用次数: 'usageCount',
  创建时间: 'createdAt',
  更新时间: 'updatedAt',
  来源: 'origin',
};

const LIST_SEP = '|';
/** Separators accepted when reading lists back: ours, and what people type in a cell. */
const LIST_SPLIT = /[|;；,，、]/;

/**
 * Rows to CSV text through the one CSV writer (lib/analytics/csv.ts: quoting, formula cells escaped), with a
 * CRLF after every row and no BOM (see {@link exportCsv}).
 */
export const toCsv = (rows: readonly (readonly string[])[]): string => (rows.length ? csvRows(rows) + '\r\n' : '');

/** CSV export with a UTF-8 BOM, one template per row, header first. */
export function exportCsv(templates: readonly Template[]): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const t of templates) {
    rows.push(
      CSV_COLUMNS.map((c): string => {
        switch (c) {
          case 'tags':
            return t.tags.join(LIST_SEP);
          case 'platforms':
            return t.scope.platforms.join(LIST_SEP);
          case 'kinds':
            return t.scope.kinds.join(LIST_SEP);
          case 'shops':
            return t.scope.shops.join(LIST_SEP);
          case 'usageCount':
            return String(t.usageCount);
          case 'createdAt':
          case 'updatedAt':
            return new Date(t[c]).toISOString();
          case 'shortcut':
          case 'note':
            return t[c] ?? '';
          default:
            return t[c];
        }
      }),
    );
  }
  return BOM + toCsv(rows);
}

// ─── Reading files ─────────────────────────────────────────────────────────────────────────────────

/**
 * Bytes of an imported file as text. UTF-8 first; Excel on Chinese Windows saves "CSV" as GBK, which
 * is not valid UTF-8, so a failed strict decode falls back to GB18030 (a superset of GBK).
 */
export function decodeImportFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * RFC 4180 reading through papaparse: quoted cells may hold commas, doubled quotes and line breaks; CRLF, LF
 * and CR all end a row; a BOM is ignored; blank lines are skipped. Returns rows with the 1-based line each
 * starts on, so the import preview can point at the merchant's own line numbers.
 */
export function parseCsv(
  text: string,
): { ok: true; rows: { line: number; cells: string[] }[] } | { ok: false; error: string } {
  const s = text.replace(/^\uFEFF/, '');
  const rows: { line: number; cells: string[] }[] = [];
  let error: string | undefined;
  let offset = 0; // where the next row starts
  let line = 1; // the line at `offset`
  const linesIn = (from: number, to: number) => {
    let n = 0;
    for (let i = from; i < to; i++) if (s[i] === '\n' || (s[i] === '\r' && s[i + 1] !== '\n')) n++;
    return n;
  };
  Papa.parse<string[]>(s, {
    skipEmptyLines: false,
    step: (result) => {
      const end = result.meta.cursor;
      // Blank lines come through as one empty cell; the row's own text (leading blank lines included) tells
      // on which line its first cell starts.
      const rowText = s.slice(offset, end);
      const lead = rowText.match(/^(?:\r\n|\r|\n)*/)?.[0] ?? '';
      const startLine = line + linesIn(offset, offset + lead.length);
      line += linesIn(offset, end);
      offset = end;
      const cells = result.data;
      if (result.errors.some((e) => e.type === 'Quotes'))
        error ??= `unterminated quoted cell starting on line ${startLine}`;
      if (cells.length === 1 && cells[0] === '') return;
      rows.push({ line: startLine, cells });
    },
  });
  if (error) return { ok: false, error };
  return { ok: true, rows };
}

/** A row as read from a file, before validation. `row` is the CSV line or the JSON array position (1-based). */
export interface IncomingRow {
  row: number;
  data: unknown;
}

export type ReadImportResult = { ok: true; format: 'json' | 'csv'; rows: IncomingRow[] } | { ok: false; error: string };

const JsonEnvelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  templates: z.array(z.unknown()),
});

/** Reads a JSON export (our envelope, or a bare array of templates). Rows are validated later, one by one. */
export function readJsonImport(text: string): ReadImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  let items: unknown[];
  if (Array.isArray(json)) items = json;
  else {
    const env = JsonEnvelopeSchema.safeParse(json);
    if (!env.success) return { ok: false, error: `not a template export (${EXPORT_FORMAT}, version 1)` };
    items = env.data.templates;
  }
  return { ok: true, format: 'json', rows: items.map((data, i) => ({ row: i + 1, data })) };
}

const unFormula = (v: string): string => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
const list = (v: string): string[] =>
  v
    .split(LIST_SPLIT)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * A date cell as epoch ms: ISO 8601 (our export), epoch digits (s or ms), or what Excel rewrites a date
 * to (`2025/6/1 8:00`, `2025-06-01 08:00:00`), read as Beijing time when no zone is given.
 * Returns NaN for anything else so validation reports it.
 */
export function parseDateCell(v: string): number {
  const s = v.trim();
  if (/^\d{10}$/.test(s)) return Number(s) * 1000;
  if (/^\d{13}$/.test(s)) return Number(s);
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      s,
    );
  if (!m) return Number.NaN;
  const [, y, mo, d, h = '0', mi = '0', se = '0', ms = '0', zone] = m;
  const utc = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(se),
    Number(ms.padEnd(3, '0')),
  );
  let offsetMin = 8 * 60;
  if (zone !== undefined) {
    if (zone.toUpperCase() === 'Z') offsetMin = 0;
    else {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    }
  }
  return utc - offsetMin * 60_000;
}

/** Reads a CSV export (or a merchant's own sheet with at least 标题 and 内容 columns). */
export function readCsvImport(text: string): ReadImportResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const [header, ...body] = parsed.rows;
  if (!header) return { ok: false, error: 'empty file' };
  const columns = header.cells.map((h): CsvColumn | undefined => {
    const name = h.trim();
    const direct = CSV_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase());
    return direct ?? HEADER_ALIASES[name];
  });
  if (!columns.includes('title') || !columns.includes('body')) {
    return { ok: false, error: 'the header row needs at least the columns title and body (标题, 内容)' };
  }
  const rows = body.map(({ line, cells }): IncomingRow => {
    const get = (c: CsvColumn): string | undefined => {
      const i = columns.indexOf(c);
      const v = i >= 0 ? cells[i] : undefined;
      return v === undefined ? undefined : unFormula(v);
    };
    const opt = (c: CsvColumn): string | undefined => {
      const v = get(c)?.trim();
      return v === undefined || v === '' ? undefined : v;
    };
    const data: Record<string, unknown> = {
      title: get('title') ?? '',
      body: (get('body') ?? '').replace(/\r\n?/g, '\n'),
      folder: get('folder') ?? '',
      tags: list(get('tags') ?? ''),
      scope: {
        platforms: list(get('platforms') ?? ''),
        kinds: list(get('kinds') ?? ''),
        shops: list(get('shops') ?? ''),
      },
    };
    const id = opt('id');
    if (id !== undefined) data.id = id;
    const shortcut = opt('shortcut');
    if (shortcut !== undefined) data.shortcut = shortcut;
    const note = opt('note');
    if (note !== undefined) data.note = note;
    const usage = opt('usageCount');
    if (usage !== undefined) data.usageCount = /^\d+$/.test(usage) ? Number(usage) : Number.NaN;
    const created = opt('createdAt');
    if (created !== undefined) data.createdAt = parseDateCell(created);
    const updated = opt('updatedAt');
    if (updated !== undefined) data.updatedAt = parseDateCell(updated);
    return { row: line, data };
  });
  return { ok: true, format: 'csv', rows };
}

/**
 * Template files larger than this are refused before they are read or parsed (the import panel checks the
 * file's size): 5,000 templates of 500 characters are under 3 MB, and a 93 MB CSV took papaparse 18 s.
 */
export const MAX_TEMPLATE_FILE_BYTES = 5 * 1024 * 1024;
/** Rows one template import may hold; the dry-run lists every row. */
export const MAX_TEMPLATE_ROWS = 5000;

/** Reads a file's text by its name (`.csv` / `.json`), else by its first character. */
export function readImport(text: string, fileName = ''): ReadImportResult {
  if (text.length > MAX_TEMPLATE_FILE_BYTES)
    return { ok: false, error: `larger than ${MAX_TEMPLATE_FILE_BYTES} characters` };
  const lower = fileName.toLowerCase();
  const first = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .charAt(0);
  const json = lower.endsWith('.json') || (!lower.endsWith('.csv') && (first === '{' || first === '['));
  const read = json ? readJsonImport(text) : readCsvImport(text);
  if (read.ok && read.rows.length > MAX_TEMPLATE_ROWS)
    return { ok: false, error: `${read.rows.length} rows: at most ${MAX_TEMPLATE_ROWS} per import` };
  return read;
}

// ─── Plan ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * What an import row may hold. Bookkeeping fields are optional (a merchant's own sheet has none);
 * content is validated exactly like a stored template afterwards.
 */
const IncomingSchema = z.object({
  id: z.string().trim().min(1).max(64).optional(),
  title: z.string(),
  body: z.string(),
  scope: z
    .object({
      platforms: z.array(PlatformSchema).default([]),
      kinds: z.array(TicketKindSchema).default([]),
      shops: z.array(z.string()).default([]),
    })
    .default({ platforms: [], kinds: [], shops: [] }),
  folder: z.string().default(''),
  tags: z.array(z.string()).default([]),
  shortcut: z.string().optional(),
  note: z.string().optional(),
  usageCount: z.number().int().nonnegative().default(0),
  createdAt: EpochMsSchema.optional(),
  updatedAt: EpochMsSchema.optional(),
});

export interface ImportPlan {
  added: { row: number; template: Template }[];
  changed: { row: number; before: Template; after: Template; fields: ContentField[] }[];
  unchanged: { row: number; template: Template }[];
  invalid: { row: number; errors: string[]; title?: string }[];
}

/** An id for a row that has none: from its content, so importing the same sheet twice is "unchanged". */
export function importedId(title: string, body: string, folder: string): string {
  return `imp-${fnv1a(`${folder}\u0000${title}\u0000${body}`)}${fnv1a(`${body}\u0000${title}`)}`;
}

const blankToUndefined = (s: string | undefined): string | undefined =>
  s === undefined || s.trim() === '' ? undefined : s.trim();

/**
 * Compares incoming rows with the stored templates. Pure. Rows with an id match by id; rows without
 * one match a stored template with the same title in the same folder (a merchant's edited sheet), or
 * are added under a content-derived id. A second row for the same id is invalid.
 */
export function planImport(existing: readonly Template[], incoming: readonly IncomingRow[], now: number): ImportPlan {
  const plan: ImportPlan = { added: [], changed: [], unchanged: [], invalid: [] };
  const byId = new Map(existing.map((t) => [t.id, t]));
  const byTitle = new Map<string, Template[]>();
  for (const t of existing) {
    const k = `${t.folder}\u0000${t.title}`;
    byTitle.set(k, [...(byTitle.get(k) ?? []), t]);
  }
  const seen = new Map<string, number>();
  for (const { row, data } of incoming) {
    const titleOf = (d: unknown): string | undefined =>
      typeof d === 'object' && d !== null && 'title' in d && typeof d.title === 'string' ? d.title : undefined;
    const fail = (errors: string[]) => {
      const title = titleOf(data);
      plan.invalid.push(title !== undefined ? { row, errors, title } : { row, errors });
    };
    const pre = IncomingSchema.safeParse(data);
    if (!pre.success) {
      fail(issueLines(pre.error));
      continue;
    }
    const d = pre.data;
    const folder = d.folder.trim();
    const title = d.title.trim();
    let match = d.id !== undefined ? byId.get(d.id) : undefined;
    if (d.id === undefined) {
      const same = byTitle.get(`${folder}\u0000${title}`) ?? [];
      if (same.length === 1) match = same[0];
    }
    const id = d.id ?? match?.id ?? importedId(title, d.body, folder);
    const shortcut = blankToUndefined(d.shortcut);
    const note = blankToUndefined(d.note);
    const candidate: Template = {
      id,
      title,
      body: d.body,
      scope: d.scope,
      folder,
      tags: d.tags.map((s) => s.trim()),
      ...(shortcut !== undefined ? { shortcut } : {}),
      ...(note !== undefined ? { note } : {}),
      usageCount: match ? Math.max(match.usageCount, d.usageCount) : d.usageCount,
      createdAt: match?.createdAt ?? d.createdAt ?? now,
      updatedAt: now,
      // An imported text is no longer the shipped default, so seeding must not overwrite it.
      origin: match ? (match.origin === 'default' ? 'import' : match.origin) : 'import',
    };
    const valid = TemplateSchema.safeParse(candidate);
    if (!valid.success) {
      fail(issueLines(valid.error));
      continue;
    }
    const firstRow = seen.get(id);
    if (firstRow !== undefined) {
      fail([`duplicate of row ${firstRow} (id ${id})`]);
      continue;
    }
    seen.set(id, row);
    const t = valid.data;
    if (!match) plan.added.push({ row, template: t });
    else {
      const fields = changedFields(match, t);
      if (fields.length === 0) plan.unchanged.push({ row, template: match });
      else plan.changed.push({ row, before: match, after: t, fields });
    }
  }
  return plan;
}

// ─── Apply ─────────────────────────────────────────────────────────────────────────────────────────

export type ApplyResult =
  | { ok: true; written: number; dropped: number }
  | { ok: false; reason: 'invalid-rows'; invalid: number }
  /** The table changed since the plan was made (another tab, a sync): plan again. */
  | { ok: false; reason: 'conflict'; ids: string[] };

/**
 * Writes a plan's added and changed templates in one transaction. Refuses while the plan has invalid
 * rows unless `dropInvalid` is set (the merchant ticked "skip invalid rows"), and refuses when a row
 * the plan is based on changed since: nothing is written in either case.
 */
export async function applyImport(
  table: TemplateTable,
  plan: ImportPlan,
  options: { dropInvalid: boolean },
): Promise<ApplyResult> {
  if (plan.invalid.length > 0 && !options.dropInvalid) {
    return { ok: false, reason: 'invalid-rows', invalid: plan.invalid.length };
  }
  const writes = [...plan.added.map((a) => a.template), ...plan.changed.map((c) => c.after)];
  // The plan may have sat in UI state; validate again rather than trust it.
  for (const t of writes) TemplateSchema.parse(t);
  return table.db.transaction('rw', table, async (): Promise<ApplyResult> => {
    const current = await table.bulkGet([
      ...plan.added.map((a) => a.template.id),
      ...plan.changed.map((c) => c.before.id),
    ]);
    const conflicts: string[] = [];
    plan.added.forEach((a, i) => {
      if (current[i] !== undefined) conflicts.push(a.template.id);
    });
    plan.changed.forEach((c, i) => {
      const cur = current[plan.added.length + i];
      if (!cur || cur.updatedAt !== c.before.updatedAt) conflicts.push(c.before.id);
    });
    if (conflicts.length > 0) return { ok: false, reason: 'conflict', ids: conflicts };
    if (writes.length > 0) await table.bulkPut(writes);
    return { ok: true, written: writes.length, dropped: plan.invalid.length };
  });
}
