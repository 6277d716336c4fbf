import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBody, renderSegments, renderText, variablesIn } from './render';
import { VARIABLES } from './variables';

describe('parseBody', () => {
  it('splits text and variables, zh and en tokens alike', () => {
    const p = parseBody('您好{买家}，订单{orderId}已处理。');
    expect(p.segments).toEqual([
      { text: '您好' },
      { variable: 'buyer', token: '{买家}' },
      { text: '，订单' },
      { variable: 'orderId', token: '{orderId}' },
      { text: '已处理。' },
    ]);
    expect(p.variables).toEqual(['buyer', 'orderId']);
    expect(p.unknown).toEqual([]);
  });

  it('keeps unknown tokens as text and reports them once', () => {
    const p = parseBody('{foo}和{foo}以及{买家}');
    expect(p.segments).toEqual([{ text: '{foo}和{foo}以及' }, { variable: 'buyer', token: '{买家}' }]);
    expect(p.unknown).toEqual(['{foo}']);
  });

  it('does not take JSON, long or multi-line braces for variables', () => {
    const body = '{"a":{"b":1}} {这是一段很长很长很长很长很长很长的说明文字，不是变量} {\n买家}';
    expect(parseBody(body).variables).toEqual([]);
  });
});

describe('renderSegments', () => {
  it('marks missing variables once, treating blanks as missing', () => {
    const r = renderSegments('{买家}您好，{买家}，运单{运单号}', { buyer: '小明', trackingNo: '  ' });
    expect(r.missing).toEqual(['trackingNo']);
    expect(r.segments[0]).toEqual({ variable: 'buyer', token: '{买家}', value: '小明' });
    expect(r.segments[4]).toEqual({ variable: 'trackingNo', token: '{运单号}' });
  });
});

describe('renderText', () => {
  it('fills every variable', () => {
    expect(renderText('您好{买家}，退款{退款金额}已原路退回。', { buyer: '小明', refundAmount: '¥12.30' })).toEqual({
      ok: true,
      text: '您好小明，退款¥12.30已原路退回。',
      unknown: [],
    });
  });

  it('refuses while anything is missing', () => {
    expect(renderText('{买家}：{新运单号}', { buyer: '小明' })).toEqual({
      ok: false,
      missing: ['newTrackingNo'],
      unknown: [],
    });
  });

  it('never returns a known variable token in its text', () => {
    const token = fc.constantFrom(...VARIABLES.map((v) => `{${v.zh}}`));
    const text = fc.string({ maxLength: 8 }).filter((s) => !s.includes('{') && !s.includes('}'));
    const value = fc.option(
      fc.string({ maxLength: 6 }).filter((s) => !s.includes('{')),
      { nil: undefined },
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(token, text), { maxLength: 12 }),
        fc.array(value, { minLength: VARIABLES.length, maxLength: VARIABLES.length }),
        (parts, vals) => {
          const values = Object.fromEntries(VARIABLES.map((v, i) => [v.key, vals[i]]));
          const r = renderText(parts.join(''), values);
          if (r.ok) for (const v of VARIABLES) expect(r.text.includes(`{${v.zh}}`)).toBe(false);
          else expect(r.missing.length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('lists variables in order of first use', () => {
    expect(variablesIn('{商品}{买家}{商品}')).toEqual(['product', 'buyer']);
  });
});
