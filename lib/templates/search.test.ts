import { describe, expect, it } from 'vitest';
import type { Template } from '../model/template';
import { defaultTemplates } from './defaults';
import { inScope, searchTemplates } from './search';
import { buildSearchIndex, indexField } from './search-index';

const AT = Date.UTC(2025, 0, 1);
let n = 0;
function tpl(p: Partial<Template> & Pick<Template, 'title'>): Template {
  n += 1;
  return {
    id: p.id ?? `t${n}`,
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

const titles = (hits: { template: Template }[]) => hits.map((h) => h.template.title);

describe('indexField', () => {
  it('indexes text, full pinyin and initials, skipping punctuation and spaces', () => {
    const f = indexField('退款， 已处理ＡＢ');
    expect(f.text).toBe('退款, 已处理ab'); // NFKC folds full-width punctuation too
    expect(f.full).toBe('tuikuanyichuliab');
    expect(f.initials).toBe('tkyclab');
    expect([...f.starts]).toEqual([0, 3, 7, 9, 12, 14, 15]);
  });
});

describe('searchTemplates', () => {
  const refund = tpl({ title: '同意退款', body: '退款将原路退回' });
  const logistics = tpl({ title: '物流核实', body: '已联系快递' });
  const index = buildSearchIndex([refund, logistics]);

  it('finds 退款 by pinyin initials, full pinyin, a syllable prefix and characters', () => {
    expect(titles(searchTemplates(index, 'tk'))).toEqual(['同意退款']);
    expect(titles(searchTemplates(index, 'tuikuan'))).toEqual(['同意退款']);
    expect(titles(searchTemplates(index, 'tuik'))).toEqual(['同意退款']);
    expect(titles(searchTemplates(index, '退款'))).toEqual(['同意退款']);
    expect(titles(searchTemplates(index, 'TK'))).toEqual(['同意退款']);
  });

  it('does not match inside a syllable', () => {
    // `uik` sits inside tui|kuan.
    expect(searchTemplates(index, 'uik')).toEqual([]);
  });

  it('ranks title over tags over body, then by usage', () => {
    const inBody = tpl({ title: 'A 正文提到', body: '这里说退款', usageCount: 99 });
    const inTags = tpl({ title: 'B 标签提到', tags: ['退款'] });
    const inTitle = tpl({ title: 'C 退款标题' });
    const inTitleUsed = tpl({ title: 'D 退款标题', usageCount: 5 });
    const hits = searchTemplates(buildSearchIndex([inBody, inTags, inTitle, inTitleUsed]), 'tk');
    expect(titles(hits)).toEqual(['D 退款标题', 'C 退款标题', 'B 标签提到', 'A 正文提到']);
    expect(hits.map((h) => h.field)).toEqual(['title', 'title', 'tags', 'body']);
  });

  it('requires every term', () => {
    const a = tpl({ title: '催揽收 新运单号', tags: ['催揽收'] });
    const b = tpl({ title: '催揽收 致歉' });
    expect(titles(searchTemplates(buildSearchIndex([a, b]), 'cls ydh'))).toEqual(['催揽收 新运单号']);
  });

  it('puts an exact shortcut first, with or without the slash', () => {
    const shortcut = tpl({ title: '同意退款（快捷）', shortcut: '/ty' });
    const other = tpl({ title: '同意', usageCount: 100 });
    const idx = buildSearchIndex([other, shortcut]);
    expect(titles(searchTemplates(idx, '/ty'))[0]).toBe('同意退款（快捷）');
    expect(titles(searchTemplates(idx, 'ty'))[0]).toBe('同意退款（快捷）');
  });

  it('does not let one letter match pinyin inside long bodies', () => {
    const t = tpl({ title: '你好', body: '天天开心' });
    expect(searchTemplates(buildSearchIndex([t]), 't')).toEqual([]);
    expect(titles(searchTemplates(buildSearchIndex([t]), 'n'))).toEqual(['你好']);
  });

  it('lists everything in scope by usage for an empty query', () => {
    const pdd = tpl({ title: '拼多多专用', scope: { platforms: ['pdd'], kinds: [], shops: [] }, usageCount: 1 });
    const all = tpl({ title: '通用', usageCount: 3 });
    const dy = tpl({ title: '抖店专用', scope: { platforms: ['douyin'], kinds: [], shops: [] } });
    const hits = searchTemplates(buildSearchIndex([pdd, all, dy]), '  ', { platform: 'pdd' });
    expect(titles(hits)).toEqual(['通用', '拼多多专用']);
  });

  it('filters by kind and shop', () => {
    const t = tpl({ title: 'x', scope: { platforms: ['taobao'], kinds: ['urge-pickup'], shops: ['taobao:1'] } });
    expect(inScope(t, { platform: 'taobao', kind: 'urge-pickup', shop: 'taobao:1' })).toBe(true);
    expect(inScope(t, { kind: 'refund' })).toBe(false);
    expect(inScope(t, { shop: 'taobao:2' })).toBe(false);
    expect(inScope(t, {})).toBe(true);
  });

  it('reuses index entries of unchanged template objects', () => {
    const first = buildSearchIndex([refund, logistics]);
    const bumped = { ...refund, usageCount: 1 };
    const second = buildSearchIndex([bumped, logistics]);
    expect(second.entries[1]).toBe(first.entries[1]);
    expect(second.entries[0]).not.toBe(first.entries[0]);
  });

  it('finds the shipped defaults the way merchants type', () => {
    const idx = buildSearchIndex(defaultTemplates());
    expect(titles(searchTemplates(idx, 'zh', { platform: 'pdd' }))[0]).toBe('已进行召回');
    expect(titles(searchTemplates(idx, 'cls', { platform: 'taobao', kind: 'urge-pickup' }))).toHaveLength(3);
    expect(titles(searchTemplates(idx, 'smd'))).toContain('双面单 / 无面单：请联系仓库核实');
    expect(titles(searchTemplates(idx, 'tk'))[0]).toBe('同意退款');
  });

  it('searches a few hundred templates quickly once indexed', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      tpl({ title: `模板${i} 退款处理`, body: '您好，'.repeat(200), tags: ['售后'] }),
    );
    const idx = buildSearchIndex(many);
    const t0 = performance.now();
    for (const q of ['t', 'tk', 'tuik', '退款', 'sh']) searchTemplates(idx, q);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
