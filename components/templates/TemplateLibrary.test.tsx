// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTemplateRepo, memoryTombstones, type TemplateRepo } from '../../lib/templates/repo';
import { defaultTemplates } from '../../lib/templates/defaults';
import { openTestTable } from '../../lib/templates/test-db';
import '../../tests/setup/i18n';
import { TemplateLibrary, type TemplateLibraryProps } from './TemplateLibrary';
import { draftFromForm, parseTags } from './TemplateEditor';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = Date.UTC(2026, 4, 1);
let root: Root | undefined;
let host: HTMLElement | undefined;
const dbs: { close(): void }[] = [];
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  dbs.splice(0).forEach((d) => d.close());
});

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function mount(over: Partial<TemplateLibraryProps> = {}) {
  const { db, table } = openTestTable();
  dbs.push(db);
  let n = 0;
  const repo: TemplateRepo = createTemplateRepo(table, memoryTombstones(), { now: () => NOW, newId: () => `u-${++n}` });
  const onChanged = vi.fn();
  const download = vi.fn();
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() => root?.render(<TemplateLibrary repo={repo} onChanged={onChanged} download={download} {...over} />));
  const el = host;
  const items = () => [...el.querySelectorAll('.tr-lib__item')].map((i) => i.getAttribute('data-template-id'));
  await waitFor(() => items().length > 0 || over.seed === false, 'the list');
  const button = (text: string, scope: ParentNode = el) =>
    [...scope.querySelectorAll('button')].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;
  const click = async (b: HTMLElement) => {
    await act(async () => {
      b.click();
    });
  };
  const type = async (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
    await act(async () => {
      const proto = input.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };
  return { el, repo, table, items, button, click, type, onChanged, download };
}

describe('TemplateLibrary', () => {
  it('seeds the defaults and lists them by folder', async () => {
    const p = await mount();
    expect(p.items()).toHaveLength(defaultTemplates().length);
    const folders = [...p.el.querySelectorAll('nav .tr-lib__folder')].map((b) => b.textContent);
    expect(folders[0]).toBe(`全部 ${defaultTemplates().length}`);
    expect(folders.some((f) => f?.startsWith('拼多多工单选项 5'))).toBe(true);
  });

  it('searches with pinyin initials and filters by folder', async () => {
    const p = await mount();
    const search = p.el.querySelector<HTMLInputElement>('input[type="search"]') as HTMLInputElement;
    await p.type(search, 'cls');
    expect(p.items().every((id) => id?.startsWith('default-taobao-pickup'))).toBe(true);
    await p.type(search, '');
    await p.click(p.button('拼多多工单选项 5'));
    expect(p.items().every((id) => id?.startsWith('default-pdd-'))).toBe(true);
  });

  it('creates a template with a variable chip, scope and tags', async () => {
    const p = await mount();
    await p.click(p.button('新建模板'));
    const form = p.el.querySelector('form.tr-lib__editor') as HTMLFormElement;
    await p.type(form.querySelector('input[name="title"]') as HTMLInputElement, '我的模板');
    const body = form.querySelector('textarea[name="body"]') as HTMLTextAreaElement;
    await p.type(body, '您好，');
    body.setSelectionRange(3, 3);
    await p.click(p.button('买家', form));
    expect(body.value).toBe('您好，{买家}');
    await p.type(form.querySelector('input[name="tags"]') as HTMLInputElement, '退款，售后');
    await p.click(form.querySelector('input[name="platform-pdd"]') as HTMLInputElement);
    await p.click(p.button('保存', form));
    await waitFor(() => p.items().includes('u-1'), 'the new template');
    expect(await p.repo.get('u-1')).toMatchObject({
      title: '我的模板',
      body: '您好，{买家}',
      tags: ['退款', '售后'],
      scope: { platforms: ['pdd'], kinds: [], shops: [] },
      origin: 'user',
    });
    expect(p.onChanged).toHaveBeenCalled();
  });

  it('shows validation errors instead of saving', async () => {
    const p = await mount();
    await p.click(p.button('新建模板'));
    const form = p.el.querySelector('form.tr-lib__editor') as HTMLFormElement;
    await p.type(form.querySelector('input[name="title"]') as HTMLInputElement, '   ');
    await p.type(form.querySelector('textarea[name="body"]') as HTMLTextAreaElement, 'x');
    await act(async () => {
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await waitFor(() => p.el.querySelector('[role="alert"]') !== null, 'errors');
    expect(p.el.querySelector('[role="alert"]')?.textContent).toContain('title');
  });

  it('edits a default (it becomes the merchant’s own), duplicates and deletes with confirm', async () => {
    const p = await mount();
    const item = () => p.el.querySelector('[data-template-id="default-pdd-recall"]') as HTMLElement;
    await p.click(p.button('编辑', item()));
    const form = p.el.querySelector('form.tr-lib__editor') as HTMLFormElement;
    await p.type(form.querySelector('input[name="shortcut"]') as HTMLInputElement, '/tk');
    expect(form.textContent).toContain('快捷码 /tk 已被「同意退款」使用');
    await p.type(form.querySelector('input[name="shortcut"]') as HTMLInputElement, '');
    await p.click(p.button('保存', form));
    await waitFor(() => p.el.querySelector('[data-testid="flash"]') !== null, 'saved');
    expect(await p.repo.get('default-pdd-recall')).toMatchObject({ origin: 'user' });
    expect((await p.repo.get('default-pdd-recall'))?.shortcut).toBeUndefined();

    await p.click(p.button('复制', item()));
    await waitFor(() => p.items().includes('u-1'), 'the copy');
    expect((await p.repo.get('u-1'))?.title).toBe('已进行召回 副本');

    await p.click(p.button('删除', item()));
    expect(item().textContent).toContain('确定删除「已进行召回」？');
    await p.click(p.button('删除', item()));
    await waitFor(() => !p.items().includes('default-pdd-recall'), 'deletion');
    expect(await p.repo.tombstones.all()).toHaveProperty('default-pdd-recall');
  });

  it('exports JSON and CSV', async () => {
    const p = await mount();
    await p.click(p.button('导出 JSON'));
    await p.click(p.button('导出 CSV'));
    expect(p.download.mock.calls.map((c) => [c[0], c[2]])).toEqual([
      ['ticket-radar-templates-20260501.json', 'application/json'],
      ['ticket-radar-templates-20260501.csv', 'text/csv'],
    ]);
    expect(String(p.download.mock.calls[1]?.[1]).startsWith('\uFEFFid,title')).toBe(true);
  });

  it('imports after a dry-run diff, refusing invalid rows until they are skipped', async () => {
    const p = await mount();
    await p.click(p.button('导入'));
    const csv = '标题,内容,文件夹\n已进行召回,已进行召回（改）,拼多多工单选项\n新模板,你好{买家},\n,缺标题,\n';
    const input = p.el.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File([csv], 'mine.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(() => p.el.querySelector('[data-testid="import-summary"]') !== null, 'the plan');
    expect(p.el.querySelector('[data-testid="import-summary"]')?.textContent).toBe('新增 1 · 修改 1 · 未变 0 · 无效 1');
    const statuses = [...p.el.querySelectorAll('.tr-lib__diff tbody tr')].map((r) => r.getAttribute('data-status'));
    expect(statuses).toEqual(['changed', 'added', 'invalid']);
    const confirm = p.button('确认导入');
    expect(confirm.disabled).toBe(true);
    expect(await p.repo.get('default-pdd-recall')).toMatchObject({ body: '已进行召回' });
    await p.click(p.el.querySelector('input[name="drop-invalid"]') as HTMLInputElement);
    expect(p.button('确认导入').disabled).toBe(false);
    await p.click(p.button('确认导入'));
    await waitFor(() => p.el.querySelector('[data-testid="flash"]')?.textContent === '已导入 2 个模板', 'the import');
    expect(await p.repo.get('default-pdd-recall')).toMatchObject({ body: '已进行召回（改）', origin: 'import' });
  });

  it('shows the sync notice when templates are too large to sync', async () => {
    const p = await mount({
      syncStatus: { state: 'local-only', at: NOW, reason: 'too-large', bytes: 120_000, budget: 100_000 },
    });
    expect(p.el.querySelector('[data-testid="sync-notice"]')?.textContent).toContain('只保存在本机');
  });
});

describe('editor helpers', () => {
  it('parses tags the way people type them', () => {
    expect(parseTags('退款，售后、 催揽收; 退款 ,')).toEqual(['退款', '售后', '催揽收']);
  });

  it('builds drafts without blank optional fields', () => {
    const d = draftFromForm({
      title: ' a ',
      body: 'b',
      note: ' ',
      folder: ' f ',
      tagsText: '',
      shortcut: '',
      platforms: [],
      kinds: ['refund'],
    });
    expect(d).toEqual({
      title: 'a',
      body: 'b',
      folder: 'f',
      tags: [],
      scope: { platforms: [], kinds: ['refund'], shops: [] },
    });
  });
});
