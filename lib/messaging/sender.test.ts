import { describe, expect, it } from 'vitest';
import { checkSender, matchesPattern } from './sender';

const self = { id: 'abcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnop' };
const matches = ['https://mms.pinduoduo.com/*', 'https://fxg.jinritemai.com/*'];

describe('checkSender', () => {
  it('accepts our content scripts on marketplace pages and our own pages', () => {
    expect(
      checkSender(
        'tickets/ingest',
        { id: self.id, url: 'https://mms.pinduoduo.com/aftersales/work_order/list', tab: { id: 3 } },
        self,
        matches,
      ),
    ).toEqual({ ok: true, from: 'content' });
    expect(checkSender('tickets/ingest', { id: self.id, url: `${self.origin}/popup.html` }, self, matches)).toEqual({
      ok: true,
      from: 'page',
    });
  });
  it('rejects other extensions, other sites, and page-only requests from content scripts', () => {
    expect(
      checkSender('tickets/ingest', { id: 'other', url: 'https://mms.pinduoduo.com/x', tab: { id: 1 } }, self, matches)
        .ok,
    ).toBe(false);
    expect(
      checkSender('tickets/ingest', { id: self.id, url: 'https://evil.example/', tab: { id: 1 } }, self, matches).ok,
    ).toBe(false);
    expect(
      checkSender(
        'tickets/ingest',
        { id: self.id, url: 'https://mms.pinduoduo.com.evil.example/', tab: { id: 1 } },
        self,
        matches,
      ).ok,
    ).toBe(false);
    expect(checkSender('tickets/ingest', { id: self.id }, self, matches).ok).toBe(false);
    expect(checkSender('tickets/ingest', { id: self.id, url: 'https://mms.pinduoduo.com/x' }, self, matches).ok).toBe(
      false,
    );
  });
  it('matches manifest patterns like the browser', () => {
    expect(matchesPattern('https://*.taobao.com/*', new URL('https://myseller.taobao.com/home.htm'))).toBe(true);
    expect(matchesPattern('https://*.taobao.com/*', new URL('https://taobao.com.evil.cn/'))).toBe(false);
    expect(matchesPattern('https://mms.pinduoduo.com/*', new URL('http://mms.pinduoduo.com/'))).toBe(false);
  });
});
