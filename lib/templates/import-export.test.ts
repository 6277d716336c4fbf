import { afterEach, describe, expect, it } from 'vitest';
import type { Template } from '../model/template';
import { defaultTemplates } from './defaults';
import {
  MAX_TEMPLATE_FILE_BYTES,
  MAX_TEMPLATE_ROWS,
  CSV_COLUMNS,
  applyImport,
  decodeImportFile,
  exportCsv,
  exportJson,
  importedId,
  parseCsv,
  parseDateCell,
  planImport,
  readCsvImport,
  readImport,
  readJsonImport,
  toCsv,
} from './import-export';
import { openTestTable } from './test-db';

const NOW = Date.UTC(2026, 2, 1);
const AT = Date.UTC(2025, 0, 1);

function tpl(p: Partial<Template> & Pick<Template, 'id'>): Template {
  return {
    title: `标题${p.id}`,
    body: '内容',
    scope: { platforms: [], kinds: [], shops: [] },
    folder: '',
    tags: [],
    usageCount: 0,
    createdAt: AT,
    updatedAt: AT,
    origin: 'user',
    ...p,
  };
}

const tricky = tpl({
  id: 'u-tricky',
  title: '引号"与,逗号',
  body: '=第一行, 含逗号\n第二行 "引号"\n=SUM(A1) 不是公式',
  tags: ['退款', '售后'],
  folder: '售后',
  shortcut: '/yh',
  note: '-提醒',
  scope: { platforms: ['pdd', 'douyin'], kinds: ['refund'], shops: ['pdd:1'] },
  usageCount: 7,
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and parses them back', () => {
    const rows = [['a,b', 'say "hi"', 'x\ny', 'plain', '']];
    const text = toCsv(rows);
    expect(text).toBe('"a,b","say ""hi""","x\ny",plain,\r\n');
    const back = parseCsv(text);
    expect(back.ok && back.rows.map((r) => r.cells)).toEqual(rows);
  });

  it('starts with a BOM and a header, and defuses formulas', () => {
    const csv = exportCsv([tricky]);
    expect(csv.startsWith('\uFEFFid,title,body,')).toBe(true);
    const parsed = parseCsv(csv);
    const cells = parsed.ok ? (parsed.rows[1]?.cells ?? []) : [];
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(cells).toContain("'-提醒");
    expect(cells.some((c) => c.startsWith("'=第一行"))).toBe(true);
  });

  it('round-trips templates as unchanged', () => {
    const all = [tricky, ...defaultTemplates()];
    const read = readImport(exportCsv(all), 'templates.csv');
    if (!read.ok) throw new Error(read.error);
    const plan = planImport(all, read.rows, NOW);
    expect(plan.invalid).toEqual([]);
    expect(plan.unchanged.map((u) => u.template.id)).toEqual(all.map((t) => t.id));
    expect(plan.changed).toEqual([]);
  });

  it('reports the line of each row, counting line breaks inside quoted cells', () => {
    const text = 'title,body\r\n"多行","a\nb\nc"\r\n第二条,内容\r\n\r\n';
    const read = readCsvImport(text);
    expect(read.ok && read.rows.map((r) => r.row)).toEqual([2, 5]);
  });

  it('rejects an unterminated quote and a header without title/body', () => {
    expect(parseCsv('a,"b\n').ok).toBe(false);
    expect(readCsvImport('名字,文本\nx,y').ok).toBe(false);
  });

  it('accepts zh headers, other list separators and Excel-rewritten dates', () => {
    const text = '标题,内容,标签,平台,创建时间\n催揽收,已催快递,催揽收；致歉,taobao,2025/6/1 8:00\n';
    const read = readCsvImport(text);
    if (!read.ok) throw new Error(read.error);
    const plan = planImport([], read.rows, NOW);
    expect(plan.invalid).toEqual([]);
    expect(plan.added[0]?.template).toMatchObject({
      title: '催揽收',
      tags: ['催揽收', '致歉'],
      scope: { platforms: ['taobao'] },
      createdAt: Date.UTC(2025, 5, 1, 0, 0), // 08:00 Beijing
      origin: 'import',
    });
  });

  it('parses date cells', () => {
    expect(parseDateCell('2025-06-01T00:00:00.000Z')).toBe(Date.UTC(2025, 5, 1));
    expect(parseDateCell('2025-06-01 08:00:00')).toBe(Date.UTC(2025, 5, 1));
    expect(parseDateCell('1748736000')).toBe(Date.UTC(2025, 5, 1));
    expect(parseDateCell('2025-06-01T10:00+02:00')).toBe(Date.UTC(2025, 5, 1, 8));
    expect(parseDateCell('昨天')).toBeNaN();
  });

  it('decodes UTF-8 with BOM and GBK files from Excel', () => {
    const utf8 = new TextEncoder().encode('\uFEFF标题');
    expect(decodeImportFile(utf8)).toBe('标题');
    // 标题 in GBK
    expect(decodeImportFile(new Uint8Array([0xb1, 0xea, 0xcc, 0xe2]))).toBe('标题');
  });
});

describe('JSON', () => {
  it('round-trips through the envelope', () => {
    const read = readImport(exportJson([tricky], NOW));
    if (!read.ok) throw new Error(read.error);
    expect(read.format).toBe('json');
    expect(read.rows[0]?.data).toEqual(tricky);
  });

  it('accepts a bare array and rejects other JSON', () => {
    expect(readJsonImport('[{"title":"a","body":"b"}]').ok).toBe(true);
    expect(readJsonImport('{"templates":[]}').ok).toBe(false);
    expect(readJsonImport('{nope').ok).toBe(false);
  });
});

describe('planImport', () => {
  const existing = [
    tpl({ id: 'a', title: '甲' }),
    tpl({ id: 'b', title: '乙', folder: '售后', origin: 'default', usageCount: 4 }),
  ];

  it('sorts rows into added / changed / unchanged / invalid', () => {
    const plan = planImport(
      existing,
      [
        { row: 1, data: { id: 'a', title: '甲', body: '内容' } },
        { row: 2, data: { title: '乙', folder: '售后', body: '新内容' } },
        { row: 3, data: { title: '丙', body: '全新' } },
        { row: 4, data: { title: '', body: 'x' } },
        { row: 5, data: { title: '丁', body: 'y', scope: { platforms: ['jd'] } } },
        { row: 6, data: 'not an object' },
        { row: 7, data: { id: 'a', title: '甲又来', body: '内容' } },
      ],
      NOW,
    );
    expect(plan.unchanged.map((u) => u.row)).toEqual([1]);
    expect(plan.changed).toHaveLength(1);
    expect(plan.changed[0]).toMatchObject({
      row: 2,
      fields: ['body'],
      after: { id: 'b', usageCount: 4, origin: 'import', updatedAt: NOW },
    });
    expect(plan.added.map((a) => a.template.id)).toEqual([importedId('丙', '全新', '')]);
    expect(plan.invalid.map((i) => i.row)).toEqual([4, 5, 6, 7]);
    expect(plan.invalid[0]?.errors[0]).toMatch(/^title: /);
    expect(plan.invalid[1]?.errors[0]).toMatch(/^scope\.platforms\.0: /);
    expect(plan.invalid[3]?.errors[0]).toMatch(/duplicate of row 1/);
  });

  it('gives rows without an id the same id every time', () => {
    const rows = [{ row: 1, data: { title: '丙', body: '全新' } }];
    const first = planImport([], rows, NOW);
    const again = planImport(
      first.added.map((a) => a.template),
      rows,
      NOW + 1,
    );
    expect(again.unchanged).toHaveLength(1);
  });
});

describe('applyImport', () => {
  const dbs: { close(): void }[] = [];
  afterEach(() => dbs.splice(0).forEach((d) => d.close()));
  const setup = async (rows: Template[]) => {
    const { db, table } = openTestTable();
    dbs.push(db);
    await table.bulkPut(rows);
    return table;
  };

  it('refuses a plan with invalid rows and writes nothing', async () => {
    const table = await setup([]);
    const plan = planImport(
      [],
      [
        { row: 1, data: { title: '好', body: '好' } },
        { row: 2, data: { title: '', body: '' } },
      ],
      NOW,
    );
    expect(await applyImport(table, plan, { dropInvalid: false })).toEqual({
      ok: false,
      reason: 'invalid-rows',
      invalid: 1,
    });
    expect(await table.count()).toBe(0);
  });

  it('writes added and changed rows when invalid ones are dropped', async () => {
    const table = await setup([tpl({ id: 'a' })]);
    const plan = planImport(
      await table.toArray(),
      [
        { row: 1, data: { id: 'a', title: '改了', body: '内容' } },
        { row: 2, data: { title: '新', body: '新' } },
        { row: 3, data: { title: '', body: '' } },
      ],
      NOW,
    );
    expect(await applyImport(table, plan, { dropInvalid: true })).toEqual({ ok: true, written: 2, dropped: 1 });
    expect((await table.get('a'))?.title).toBe('改了');
    expect(await table.count()).toBe(2);
  });

  it('detects a table changed since planning and writes none of the batch', async () => {
    const table = await setup([tpl({ id: 'a' })]);
    const plan = planImport(
      await table.toArray(),
      [
        { row: 1, data: { title: '新', body: '新' } },
        { row: 2, data: { id: 'a', title: '改了', body: '内容' } },
      ],
      NOW,
    );
    await table.update('a', { updatedAt: NOW - 1 }); // edited elsewhere meanwhile
    expect(await applyImport(table, plan, { dropInvalid: false })).toEqual({
      ok: false,
      reason: 'conflict',
      ids: ['a'],
    });
    expect(await table.count()).toBe(1);
    expect((await table.get('a'))?.title).toBe('标题a');
  });

  it('exports every column', () => {
    const header = exportCsv([]).replace('\uFEFF', '').trim().split(',');
    expect(header).toEqual([...CSV_COLUMNS]);
  });
});

describe('import size caps', () => {
  it('refuses text over the file cap before parsing, and more rows than the row cap', () => {
    expect(readImport('x'.repeat(MAX_TEMPLATE_FILE_BYTES + 1), 'huge.csv')).toMatchObject({ ok: false });
    const rows = Array.from({ length: MAX_TEMPLATE_ROWS + 1 }, (_, i) => `t${i},b${i}`).join('\n');
    const over = readImport(`title,body\n${rows}`, 'many.csv');
    expect(over).toMatchObject({ ok: false, error: expect.stringContaining(`at most ${MAX_TEMPLATE_ROWS}`) });
    expect(readImport(`title,body\n${rows.split('\n').slice(1).join('\n')}`, 'ok.csv')).toMatchObject({ ok: true });
  });
});
