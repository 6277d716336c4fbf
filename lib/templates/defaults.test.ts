import { describe, expect, it } from 'vitest';
import { TemplateSchema } from '../model/template';
import { DEFAULT_TEMPLATE_IDS, FOUR_PART_HEADINGS, defaultTemplates } from './defaults';
import { parseBody } from './render';

describe('default templates', () => {
  const all = defaultTemplates();

  it('are valid stored templates with stable, unique ids', () => {
    for (const t of all) expect(TemplateSchema.parse(t)).toEqual(t);
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    for (const t of all) {
      expect(t.id).toMatch(/^default-(general|pdd|douyin|taobao)-[a-z0-9-]+$/);
      expect(t.origin).toBe('default');
    }
    expect(DEFAULT_TEMPLATE_IDS).toEqual(all.map((t) => t.id));
  });

  it('use only known variables and unique shortcuts', () => {
    for (const t of all) expect(parseBody(t.body).unknown, t.id).toEqual([]);
    const shortcuts = all.flatMap((t) => (t.shortcut ? [t.shortcut] : []));
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  it('keep the platforms’ own words verbatim', () => {
    const bodies = all.map((t) => t.body);
    for (const option of ['已进行召回', '消费者已收到货', '未查到退货物流轨迹', '无法确认快递单号', '未收到退货商品']) {
      expect(bodies).toContain(option);
    }
    expect(bodies).toContain('根据描述未理解所述问题，辛苦确认具体问题并重新提交。');
    expect(bodies.some((b) => b.includes('请优先联系仓库核实具体情况'))).toBe(true);
  });

  it('include the four-part reply and evidence reminders', () => {
    const four = all.find((t) => t.id === 'default-general-four-part');
    for (const h of FOUR_PART_HEADINGS) expect(four?.body).toContain(`【${h}】`);
    const evidence = all.filter((t) => t.note?.includes('凭证'));
    expect(evidence.map((t) => t.id).sort()).toEqual([
      'default-general-agreed-with-buyer',
      'default-general-already-refunded',
    ]);
    expect(all.some((t) => t.body.includes('{新运单号}') && t.scope.platforms.includes('taobao'))).toBe(true);
  });

  it('are fresh copies each call', () => {
    const a = defaultTemplates();
    a[0]?.tags.push('x');
    expect(defaultTemplates()[0]?.tags).not.toContain('x');
  });
});
