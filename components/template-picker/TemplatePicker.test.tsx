// @vitest-environment happy-dom
import { buildSearchIndex } from '../../lib/templates/search-index';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Template } from '../../lib/model/template';
import { defaultTemplates } from '../../lib/templates/defaults';
import { setTestMessages } from '../../lib/i18n';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import { isOpenPickerShortcut } from './shortcut';
import { TemplatePicker, moveActive, type TemplatePickerProps } from './TemplatePicker';

setTestMessages(zhCN);

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const AT = Date.UTC(2025, 0, 1);
function tpl(p: Partial<Template> & Pick<Template, 'id' | 'title' | 'body'>): Template {
  return {
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

const refund = tpl({ id: 'refund', title: '同意退款', body: '{买家}您好，退款{退款金额}已同意。', tags: ['退款'] });
const pickup = tpl({ id: 'pickup', title: '催揽收新单号', body: '新运单号：{新运单号}，{快递公司}', usageCount: 3 });
const plain = tpl({ id: 'plain', title: '问候', body: '您好，{未知}请稍等', note: '记得上传凭证' });

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = undefined;
});

/** Tests speak in template lists; the picker takes them indexed, as the worker sends them. */
function mount({
  templates = [refund, pickup, plain],
  ...over
}: Partial<TemplatePickerProps> & { templates?: Template[] } = {}) {
  const onInsert = vi.fn();
  const onClose = vi.fn();
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  const props: TemplatePickerProps = {
    index: buildSearchIndex(templates),
    context: { buyer: '小明', refundAmount: '¥12.30' },
    onInsert,
    onClose,
    locale: 'zh',
    ...over,
  };
  act(() => root?.render(<TemplatePicker {...props} />));
  const el = host;
  const q = <T extends Element>(sel: string) => el.querySelector<T>(sel);
  const search = q<HTMLInputElement>('input[type="search"]') as HTMLInputElement;
  const key = (target: Element, k: string, init: KeyboardEventInit = {}) =>
    act(() => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
    });
  const type = (input: HTMLInputElement, value: string) =>
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setter?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const options = () => [...el.querySelectorAll('[role="option"]')];
  const activeTitle = () => el.querySelector('[aria-selected="true"] .tr-picker__title span')?.textContent;
  return { el, q, search, key, type, options, activeTitle, onInsert, onClose };
}

describe('TemplatePicker', () => {
  it('focuses the search box and lists templates by usage, then by pinyin order of the title', () => {
    const p = mount();
    expect(document.activeElement).toBe(p.search);
    // 同意 (tóng) sorts before 问候 (wèn) in zh-CN collation.
    expect(p.options().map((o) => o.getAttribute('data-template-id'))).toEqual(['pickup', 'refund', 'plain']);
  });

  it('searches by pinyin initials', () => {
    const p = mount();
    p.type(p.search, 'tk');
    expect(p.options().map((o) => o.getAttribute('data-template-id'))).toEqual(['refund']);
    p.type(p.search, 'zzzz');
    expect(p.el.textContent).toContain('没有匹配的模板');
  });

  it('moves with the arrows, wraps, and inserts the filled text with Enter', () => {
    const p = mount({ templates: [plain, refund] });
    expect(p.activeTitle()).toBe('同意退款');
    p.key(p.search, 'ArrowDown');
    expect(p.activeTitle()).toBe('问候');
    p.key(p.search, 'ArrowDown');
    expect(p.activeTitle()).toBe('同意退款');
    p.key(p.search, 'ArrowUp');
    expect(p.activeTitle()).toBe('问候');
    p.key(p.search, 'ArrowUp');
    expect(p.activeTitle()).toBe('同意退款');
    expect(p.q('mark')?.textContent).toBe('小明');
    p.key(p.search, 'Enter');
    expect(p.onInsert).toHaveBeenCalledWith('小明您好，退款¥12.30已同意。', refund);
  });

  it('asks for missing variables and keeps insert disabled until they are filled', () => {
    const p = mount({ templates: [pickup] });
    const button = p.q<HTMLButtonElement>('.tr-picker__insert') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(p.el.textContent).toContain('还有 2 个变量需要填写');
    p.key(p.search, 'Enter');
    expect(p.onInsert).not.toHaveBeenCalled();
    const first = p.q<HTMLInputElement>('input[data-variable="newTrackingNo"]') as HTMLInputElement;
    expect(document.activeElement).toBe(first);
    p.type(first, 'YT123456');
    p.key(first, 'Enter');
    const second = p.q<HTMLInputElement>('input[data-variable="carrier"]') as HTMLInputElement;
    expect(document.activeElement).toBe(second);
    p.type(second, '圆通');
    expect(button.disabled).toBe(false);
    p.key(second, 'Enter');
    expect(p.onInsert).toHaveBeenCalledWith('新运单号：YT123456，圆通', pickup);
  });

  it('does not insert on Enter while an IME is composing', () => {
    const p = mount({ templates: [refund] });
    p.key(p.search, 'Enter', { isComposing: true });
    expect(p.onInsert).not.toHaveBeenCalled();
  });

  it('closes on Esc and keeps keys from the page', () => {
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    const p = mount();
    p.key(p.search, 'Escape');
    expect(p.onClose).toHaveBeenCalledTimes(1);
    expect(pageKeys).not.toHaveBeenCalled();
    document.removeEventListener('keydown', pageKeys);
  });

  it('shows the note and reports unknown variables, inserting them as written', () => {
    const p = mount({ templates: [plain] });
    expect(p.el.textContent).toContain('记得上传凭证');
    expect(p.el.textContent).toContain('{未知}');
    p.key(p.search, 'Enter');
    expect(p.onInsert).toHaveBeenCalledWith('您好，{未知}请稍等', plain);
  });

  it('filters by scope', () => {
    const p = mount({ templates: defaultTemplates(), scope: { platform: 'pdd' }, context: {} });
    const ids = p.options().map((o) => o.getAttribute('data-template-id') ?? '');
    expect(ids).toContain('default-pdd-recall');
    expect(ids.some((id) => id.startsWith('default-douyin') || id.startsWith('default-taobao'))).toBe(false);
  });
});

describe('rendering', () => {
  it('renders page data as text, never as HTML', () => {
    const html = renderToStaticMarkup(
      <TemplatePicker
        index={buildSearchIndex([refund])}
        context={{ buyer: '<img src=x onerror=alert(1)>', refundAmount: '¥1.00' }}
        onInsert={() => {}}
        onClose={() => {}}
        locale="zh"
      />,
    );
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('speaks English when the browser does', () => {
    setTestMessages(en);
    const html = renderToStaticMarkup(
      <TemplatePicker
        index={buildSearchIndex([pickup])}
        context={{}}
        onInsert={() => {}}
        onClose={() => {}}
        locale="en"
      />,
    );
    expect(html).toContain('Variables still to fill in: 2');
    // Localized labels and hints, never the raw variable key (`newTrackingNo`, `refundAmount`).
    expect(html).toContain('placeholder="New tracking number"');
    expect(html).toContain('title="The replacement tracking number"');
    expect(html).not.toMatch(/placeholder="[a-z]+[A-Z]/);
    setTestMessages(zhCN);
  });
});

describe('helpers', () => {
  it('wraps the active index', () => {
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(0, 1, 0)).toBe(0);
  });

  it('recognises the open shortcut', () => {
    const base = { key: 't', code: 'KeyT', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false };
    expect(isOpenPickerShortcut({ ...base, altKey: true, key: '†' })).toBe(true);
    expect(isOpenPickerShortcut({ ...base, ctrlKey: true, key: '/', code: 'Slash' })).toBe(true);
    expect(isOpenPickerShortcut(base)).toBe(false);
    expect(isOpenPickerShortcut({ ...base, altKey: true, isComposing: true })).toBe(false);
  });
});
