/**
 * Backup files (诊断 → 导出全部数据 / 导入备份): the file format, and the dry-run of an import. Pure: the caller
 * reads the file and the current rows, this module says what an import would add, change, leave alone or
 * refuse, and hands over exactly the rows to write (apply.ts writes them in one transaction).
 *
 * Every incoming row is validated with the model's zod schema; a row that fails is listed with its field
 * paths (never its values: rows carry buyer data) and skipped, so a hand-edited file cannot put a row into
 * the database that the rest of the extension would choke on.
 */
import { z } from 'zod';
import { SettingsSchema, type Settings } from '../model/settings';
import { ShopSchema, type Shop } from '../model/shop';
import { TemplateSchema, type Template } from '../model/template';
import { shopKey, TicketSchema, ticketKey, type Ticket } from '../model/ticket';
import { upgradeLegacyTicket } from '../db/legacy-keys';

/** The `format` of a backup file. Template exports use `ticket-radar/templates` and are imported elsewhere. */
export const BACKUP_FORMAT = 'ticket-radar/backup';
/** Bump on an incompatible change; files of a newer version are refused rather than half understood. */
export const BACKUP_VERSION = 1;
/** Issues listed per invalid row; the rest are counted. */
export const MAX_ISSUES_PER_ROW = 3;

/** Everything a backup holds: the Dexie tables merchants care about, and the settings. */
export interface BackupData {
  tickets: readonly Ticket[];
  shops: readonly Shop[];
  templates: readonly Template[];
  settings: Settings;
}

/** A backup file as written. Health log and sent-alert records are left out: they are state, not data. */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  /** The extension version that wrote the file, for support. */
  extensionVersion?: string | undefined;
  tickets: Ticket[];
  shops: Shop[];
  templates: Template[];
  settings: Settings;
}

/** Files larger than this are refused before they are read: a backup of a busy store is a few MB. */
export const MAX_BACKUP_FILE_BYTES = 50 * 1024 * 1024;
/** Rows per table one import may write (a 50 MB file holds about 40,000 tickets). */
export const MAX_BACKUP_ROWS = 100_000;

/** The tables a backup restores. */
export const BACKUP_TABLES = ['tickets', 'shops', 'templates'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** A backup file's contents for {@link BackupData}, ready for JSON.stringify. */
export function buildBackup(data: BackupData, now: number, extensionVersion?: string): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    ...(extensionVersion ? { extensionVersion } : {}),
    tickets: [...data.tickets],
    shops: [...data.shops],
    templates: [...data.templates],
    settings: data.settings,
  };
}

/** A row the import refuses. */
export interface InvalidRow {
  /** Position in the file's array, 0-based. */
  index: number;
  /** The row's key (`key` or `id`) when it has a readable one. */
  key?: string | undefined;
  /** `field.path: message`, at most {@link MAX_ISSUES_PER_ROW} plus a count of the rest. */
  errors: string[];
}

/** What importing one table would do. `added` and `changed` are the rows that get written. */
export interface TablePlan<T> {
  added: T[];
  changed: T[];
  unchanged: number;
  invalid: InvalidRow[];
}

export type SettingsPlan =
  | { state: 'absent' }
  | { state: 'unchanged' }
  | { state: 'changed'; value: Settings }
  | { state: 'invalid'; errors: string[] };

/** The dry-run of an import: shown to the merchant, then passed to applyBackupPlan unchanged. */
export interface BackupPlan {
  exportedAt?: number | undefined;
  extensionVersion?: string | undefined;
  tickets: TablePlan<Ticket>;
  shops: TablePlan<Shop>;
  templates: TablePlan<Template>;
  settings: SettingsPlan;
}

export type PlanResult = ({ ok: true } & BackupPlan) | { ok: false; error: BackupError };

/** Why a file could not be planned at all; the UI words each one. */
export type BackupError =
  | { code: 'not-json' }
  | { code: 'templates-file' }
  | { code: 'not-backup' }
  | { code: 'newer-version'; version: number }
  | { code: 'bad-shape'; detail: string };

const EnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1),
  exportedAt: z.number().optional(),
  extensionVersion: z.string().max(40).optional(),
  // Rows are checked one by one below, so one bad row does not sink the file.
  tickets: z.array(z.unknown()).max(MAX_BACKUP_ROWS).optional(),
  shops: z.array(z.unknown()).max(MAX_BACKUP_ROWS).optional(),
  templates: z.array(z.unknown()).max(MAX_BACKUP_ROWS).optional(),
  settings: z.unknown().optional(),
});

/** Parses file text; a UTF-8 byte order mark (Windows editors) is tolerated. */
export function parseBackupText(text: string): { ok: true; value: unknown } | { ok: false; error: BackupError } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch {
    return { ok: false, error: { code: 'not-json' } };
  }
}

/**
 * JSON with object keys sorted at every level, so two rows compare equal whatever order their keys were
 * written in. `undefined` properties vanish as in JSON.stringify, matching what Dexie stores.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function issueLines(error: z.ZodError): string[] {
  const lines = error.issues
    .slice(0, MAX_ISSUES_PER_ROW)
    .map((i) => `${i.path.map(String).join('.') || '(row)'}: ${i.message}`);
  const more = error.issues.length - MAX_ISSUES_PER_ROW;
  return more > 0 ? [...lines, `+${more}`] : lines;
}

function readableKey(row: unknown, field: 'key' | 'id'): string | undefined {
  if (!row || typeof row !== 'object') return undefined;
  const v = (row as Record<string, unknown>)[field];
  return typeof v === 'string' && v.length <= 200 ? v : undefined;
}

/**
 * Validates and compares one table's incoming rows against the current ones.
 * @param consistent extra check after the schema (e.g. the key matches the row's fields); returns an error or undefined
 */
function planTable<T>(
  incoming: readonly unknown[],
  current: readonly T[],
  schema: z.ZodType<T>,
  keyOf: (row: T) => string,
  keyField: 'key' | 'id',
  consistent: (row: T) => string | undefined = () => undefined,
): TablePlan<T> {
  const existing = new Map(current.map((r) => [keyOf(r), canonicalJson(r)]));
  const seen = new Set<string>();
  const plan: TablePlan<T> = { added: [], changed: [], unchanged: 0, invalid: [] };
  incoming.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      plan.invalid.push({ index, key: readableKey(raw, keyField), errors: issueLines(parsed.error) });
      return;
    }
    const row = parsed.data;
    const key = keyOf(row);
    const problem = consistent(row) ?? (seen.has(key) ? `${keyField}: duplicate in file` : undefined);
    if (problem) {
      plan.invalid.push({ index, key, errors: [problem] });
      return;
    }
    seen.add(key);
    const before = existing.get(key);
    if (before === undefined) plan.added.push(row);
    else if (before === canonicalJson(row)) plan.unchanged += 1;
    else plan.changed.push(row);
  });
  return plan;
}

function planSettings(incoming: unknown, current: Settings): SettingsPlan {
  if (incoming === undefined) return { state: 'absent' };
  // Strict, unlike loadSettings' field-by-field fallback: an import must not silently reset parts to defaults.
  const parsed = SettingsSchema.safeParse(incoming);
  if (!parsed.success) return { state: 'invalid', errors: issueLines(parsed.error) };
  return canonicalJson(parsed.data) === canonicalJson(current)
    ? { state: 'unchanged' }
    : { state: 'changed', value: parsed.data };
}

/**
 * The dry-run of importing `file` (parsed JSON) over `current`. Rows are matched by key (`key` for
 * tickets and shops, `id` for templates); rows only in the database are kept (an import never deletes).
 */
export function planBackupImport(file: unknown, current: BackupData): PlanResult {
  if (!file || typeof file !== 'object' || Array.isArray(file)) return { ok: false, error: { code: 'not-backup' } };
  const format = (file as Record<string, unknown>).format;
  if (format === 'ticket-radar/templates') return { ok: false, error: { code: 'templates-file' } };
  if (format !== BACKUP_FORMAT) return { ok: false, error: { code: 'not-backup' } };
  const env = EnvelopeSchema.safeParse(file);
  if (!env.success) return { ok: false, error: { code: 'bad-shape', detail: issueLines(env.error).join('; ') } };
  if (env.data.version > BACKUP_VERSION)
    return { ok: false, error: { code: 'newer-version', version: env.data.version } };
  const f = env.data;
  return {
    ok: true,
    exportedAt: f.exportedAt,
    extensionVersion: f.extensionVersion,
    tickets: planTable(
      // Backups made before tickets knew their surface: the same upgrade as the database (Dexie v3).
      (f.tickets ?? []).map(upgradeLegacyTicket),
      current.tickets,
      TicketSchema,
      (r) => r.key,
      'key',
      (r) => (r.key === ticketKey(r) ? undefined : 'key: does not match platform:shopId:family:nativeId'),
    ),
    shops: planTable(
      f.shops ?? [],
      current.shops,
      ShopSchema,
      (r) => r.key,
      'key',
      (r) => (r.key === shopKey(r.platform, r.shopId) ? undefined : 'key: does not match platform:shopId'),
    ),
    templates: planTable(f.templates ?? [], current.templates, TemplateSchema, (r) => r.id, 'id'),
    settings: planSettings(f.settings, current.settings),
  };
}

/** Rows plus settings an import would write; 0 means there is nothing to do. */
export function planWrites(plan: BackupPlan): number {
  const rows = BACKUP_TABLES.reduce((n, t) => n + plan[t].added.length + plan[t].changed.length, 0);
  return rows + (plan.settings.state === 'changed' ? 1 : 0);
}

/** Rows (and settings) the import refuses. */
export function planInvalid(plan: BackupPlan): number {
  const rows = BACKUP_TABLES.reduce((n, t) => n + plan[t].invalid.length, 0);
  return rows + (plan.settings.state === 'invalid' ? 1 : 0);
}

/** What an import writes: the plan's added and changed rows, and its settings when they changed. */
export interface BackupWrites {
  tickets: Ticket[];
  shops: Shop[];
  templates: Template[];
  settings?: Settings | undefined;
}

export function planToWrites(plan: BackupPlan): BackupWrites {
  return {
    tickets: [...plan.tickets.added, ...plan.tickets.changed],
    shops: [...plan.shops.added, ...plan.shops.changed],
    templates: [...plan.templates.added, ...plan.templates.changed],
    ...(plan.settings.state === 'changed' ? { settings: plan.settings.value } : {}),
  };
}

/** {@link BackupWrites} as the worker checks them again when the options page hands them over. */
export const BackupWritesSchema = z.object({
  tickets: z.array(TicketSchema).max(MAX_BACKUP_ROWS),
  shops: z.array(ShopSchema).max(MAX_BACKUP_ROWS),
  templates: z.array(TemplateSchema).max(MAX_BACKUP_ROWS),
  settings: SettingsSchema.optional(),
});
