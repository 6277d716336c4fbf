import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../model/settings';
import type { Shop, Template, Ticket } from '../model';
import {
  BACKUP_FORMAT,
  buildBackup,
  canonicalJson,
  parseBackupText,
  planBackupImport,
  planInvalid,
  planWrites,
  type BackupData,
  type BackupPlan,
  type PlanResult,
} from './plan';

const NOW = Date.UTC(2026, 10, 25, 2);
const H = 3600_000;

const ticket = (id: string, over: Partial<Ticket> = {}): Ticket => ({
  key: `pdd:s1:workorder:${id}`,
  platform: 'pdd',
  surface: 'pdd.work-order-list',
  shopId: 's1',
  nativeId: id,
  kind: 'refund',
  title: '退款',
  status: 'pending',
  urgent: false,
  tags: [],
  url: 'https://mms.pinduoduo.com/aftersales/work_order/tododetail?id=1',
  dueAt: NOW + H,
  dueSource: 'platform',
  platformDueAt: NOW + H,
  dueHistory: [],
  firstSeenAt: NOW - H,
  lastSeenAt: NOW,
  ...over,
});
const shop = (over: Partial<Shop> = {}): Shop => ({
  key: 'pdd:s1',
  platform: 'pdd',
  shopId: 's1',
  name: '暖居家纺',
  muted: false,
  firstSeenAt: NOW - H,
  lastSeenAt: NOW,
  ...over,
});
const template = (id: string, over: Partial<Template> = {}): Template => ({
  id,
  title: '催揽收回复',
  body: '亲，包裹今天会被揽收',
  scope: { platforms: [], kinds: [], shops: [] },
  folder: '',
  tags: [],
  usageCount: 0,
  createdAt: NOW - H,
  updatedAt: NOW - H,
  origin: 'user',
  ...over,
});

const current = (over: Partial<BackupData> = {}): BackupData => ({
  tickets: [ticket('1'), ticket('2')],
  shops: [shop()],
  templates: [template('t1')],
  settings: DEFAULT_SETTINGS,
  ...over,
});

function ok(r: PlanResult): BackupPlan {
  if (!r.ok) throw new Error(`expected a plan, got ${JSON.stringify(r.error)}`);
  return r;
}

describe('buildBackup → planBackupImport', () => {
  it('round-trips: importing a fresh export of the same data changes nothing', () => {
    const data = current();
    const file = JSON.parse(JSON.stringify(buildBackup(data, NOW, '0.1.0'))) as unknown;
    const plan = ok(planBackupImport(file, data));
    expect(plan.exportedAt).toBe(NOW);
    expect(plan.extensionVersion).toBe('0.1.0');
    expect(plan.tickets).toEqual({ added: [], changed: [], unchanged: 2, invalid: [] });
    expect(plan.shops.unchanged).toBe(1);
    expect(plan.templates.unchanged).toBe(1);
    expect(plan.settings).toEqual({ state: 'unchanged' });
    expect(planWrites(plan)).toBe(0);
    expect(planInvalid(plan)).toBe(0);
  });

  it('restores into an empty database as all added', () => {
    const file = JSON.parse(JSON.stringify(buildBackup(current(), NOW))) as unknown;
    const empty: BackupData = { tickets: [], shops: [], templates: [], settings: DEFAULT_SETTINGS };
    const plan = ok(planBackupImport(file, empty));
    expect(plan.tickets.added.map((t) => t.key)).toEqual(['pdd:s1:workorder:1', 'pdd:s1:workorder:2']);
    expect(plan.shops.added).toHaveLength(1);
    expect(plan.templates.added).toHaveLength(1);
    expect(plan.settings).toEqual({ state: 'unchanged' });
    expect(planWrites(plan)).toBe(4);
  });

  it('sorts rows into added, changed and unchanged by key, ignoring key order', () => {
    const renamed = { ...shop(), alias: '主店' };
    // Same ticket with its keys in another order: unchanged.
    const reordered = Object.fromEntries(Object.entries(ticket('1')).reverse());
    const file = {
      format: BACKUP_FORMAT,
      version: 1,
      tickets: [reordered, ticket('2', { status: 'done' }), ticket('3')],
      shops: [renamed],
      templates: [],
    };
    const plan = ok(planBackupImport(file, current()));
    expect(plan.tickets.unchanged).toBe(1);
    expect(plan.tickets.changed.map((t) => [t.key, t.status])).toEqual([['pdd:s1:workorder:2', 'done']]);
    expect(plan.tickets.added.map((t) => t.key)).toEqual(['pdd:s1:workorder:3']);
    expect(plan.shops.changed).toEqual([renamed]);
    // Absent parts are left alone: the file has no settings, and its empty templates delete nothing.
    expect(plan.settings).toEqual({ state: 'absent' });
    expect(plan.templates).toEqual({ added: [], changed: [], unchanged: 0, invalid: [] });
    expect(planWrites(plan)).toBe(3);
  });

  it('refuses invalid rows with their field paths, never their values, and keeps the valid ones', () => {
    const { title: _drop, ...noTitle } = ticket('4');
    const file = {
      format: BACKUP_FORMAT,
      version: 1,
      tickets: [
        ticket('5'),
        noTitle,
        { ...ticket('6'), dueAt: 12 }, // not a plausible epoch
        { ...ticket('7'), key: 'pdd:other:workorder:7' }, // key disagrees with its fields
        ticket('5', { title: '重复' }), // same key twice in the file
        'garbage',
        { ...ticket('8'), buyer: 'x'.repeat(500) },
      ],
      shops: [{ ...shop(), platform: 'jd' }],
      templates: [{ ...template('t9'), body: '' }],
    };
    const plan = ok(planBackupImport(file, current()));
    expect(plan.tickets.added.map((t) => t.key)).toEqual(['pdd:s1:workorder:5']);
    const inv = plan.tickets.invalid;
    expect(inv.map((i) => [i.index, i.key])).toEqual([
      [1, 'pdd:s1:workorder:4'],
      [2, 'pdd:s1:workorder:6'],
      [3, 'pdd:other:workorder:7'],
      [4, 'pdd:s1:workorder:5'],
      [5, undefined],
      [6, 'pdd:s1:workorder:8'],
    ]);
    expect(inv[0]!.errors[0]).toMatch(/^title: /);
    expect(inv[1]!.errors[0]).toMatch(/^dueAt: /);
    expect(inv[2]!.errors).toEqual(['key: does not match platform:shopId:family:nativeId']);
    expect(inv[3]!.errors).toEqual(['key: duplicate in file']);
    expect(inv[4]!.errors[0]).toMatch(/^\(row\): /);
    expect(inv[5]!.errors.join()).not.toContain('xxxx');
    expect(plan.shops.invalid[0]!.errors[0]).toMatch(/^platform: /);
    expect(plan.templates.invalid[0]!.errors[0]).toMatch(/^body: /);
    expect(planInvalid(plan)).toBe(8);
  });

  it('caps the issues listed per row', () => {
    const file = { format: BACKUP_FORMAT, version: 1, tickets: [{ key: 'pdd:s1:workorder:9' }] };
    const [row] = ok(planBackupImport(file, current())).tickets.invalid;
    expect(row!.errors).toHaveLength(4);
    expect(row!.errors[3]).toMatch(/^\+\d+$/);
  });

  it('plans changed settings strictly: an invalid part refuses the settings, never resets them to defaults', () => {
    const changed: Settings = { ...DEFAULT_SETTINGS, popupHorizonMs: 12 * H };
    const good = ok(planBackupImport({ format: BACKUP_FORMAT, version: 1, settings: changed }, current()));
    expect(good.settings).toEqual({ state: 'changed', value: changed });
    expect(planWrites(good)).toBe(1);

    const bad = ok(
      planBackupImport({ format: BACKUP_FORMAT, version: 1, settings: { ...changed, rules: [] } }, current()),
    );
    expect(bad.settings.state).toBe('invalid');
    expect(bad.settings.state === 'invalid' && bad.settings.errors[0]).toMatch(/^rules: /);
    expect(planWrites(bad)).toBe(0);
    expect(planInvalid(bad)).toBe(1);
  });

  it('refuses files that are not backups, with a reason for each', () => {
    const plan = (f: unknown) => planBackupImport(f, current());
    expect(plan(null)).toEqual({ ok: false, error: { code: 'not-backup' } });
    expect(plan([1, 2])).toEqual({ ok: false, error: { code: 'not-backup' } });
    expect(plan({ format: 'something-else' })).toEqual({ ok: false, error: { code: 'not-backup' } });
    expect(plan({ format: 'ticket-radar/templates', version: 1, templates: [] })).toEqual({
      ok: false,
      error: { code: 'templates-file' },
    });
    expect(plan({ format: BACKUP_FORMAT, version: 2 })).toEqual({
      ok: false,
      error: { code: 'newer-version', version: 2 },
    });
    const shape = plan({ format: BACKUP_FORMAT, version: 1, tickets: 'all of them' });
    expect(shape.ok === false && shape.error.code).toBe('bad-shape');
  });
});

describe('parseBackupText', () => {
  it('parses JSON, tolerating a byte order mark, and reports anything else', () => {
    expect(parseBackupText('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseBackupText('{oops')).toEqual({ ok: false, error: { code: 'not-json' } });
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined like Dexie does', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});
