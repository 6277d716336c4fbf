// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../lib/sla';
import { setTestMessages } from '../../lib/i18n';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import { RuleCard } from './RuleCard';
import { formFromRule, type RuleForm } from './rules-form';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let host: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = undefined;
});

function mount(initial: RuleForm) {
  const changes: RuleForm[] = [];
  let current = initial;
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  const render = () =>
    act(() =>
      root?.render(
        <ul>
          <RuleCard
            form={current}
            index={0}
            count={1}
            errors={{}}
            shadowedBy={undefined}
            expanded
            onToggleExpanded={() => {}}
            onChange={(next) => {
              changes.push(next);
              current = next;
              render();
            }}
            onMove={() => {}}
            onDelete={undefined}
          />
        </ul>,
      ),
    );
  render();
  return { el: host, changes };
}

describe('RuleCard surfaces (适用列表)', () => {
  it('shows the rule lists ticked, names the platform-only lists, and edits them', () => {
    const { el, changes } = mount(formFromRule(DEFAULT_RULES.find((r) => r.id === 'douyin-service-normal')!));
    const boxes = [...el.querySelectorAll<HTMLInputElement>('[data-field="surfaces"] input[type="checkbox"]')];
    // The names come from the adapters' meta.ts (surfaceName), in the UI language (zh-CN outside an extension).
    expect(boxes.map((b) => [b.value, b.checked])).toEqual([
      ['douyin.service-tickets', true],
      ['taobao.task-tickets', false],
    ]);
    expect(el.querySelector('[data-platform-surfaces]')?.textContent).toContain('拼多多 工单');
    expect(el.textContent).toContain('抖店 服务工单');
    act(() => boxes[1]!.click());
    expect(changes.at(-1)?.surfaces).toEqual(['douyin.service-tickets', 'taobao.task-tickets']);
  });
});

describe('RuleCard names', () => {
  const form = (id: string) => formFromRule(DEFAULT_RULES.find((r) => r.id === id)!);
  afterEach(() => setTestMessages(undefined));

  it('names an unrenamed default rule in English, and says the stored name is shown translated', () => {
    setTestMessages(en);
    const { el } = mount(form('douyin-service-urgent'));
    expect(el.querySelector('.opt-rule__name')?.textContent).toBe('Douyin service ticket (urgent)');
    expect(el.querySelector('[data-rule-shown-as]')?.textContent).toContain('Douyin service ticket (urgent)');
  });

  it('keeps a renamed rule as the merchant wrote it, and Chinese in Chinese', () => {
    setTestMessages(en);
    const { el } = mount({ ...form('douyin-service-urgent'), name: '加急工单' });
    expect(el.querySelector('.opt-rule__name')?.textContent).toBe('加急工单');
    expect(el.querySelector('[data-rule-shown-as]')).toBeNull();
    act(() => root?.unmount());
    host?.remove();
    setTestMessages(zhCN);
    const zh = mount(form('douyin-service-urgent')).el;
    expect(zh.querySelector('.opt-rule__name')?.textContent).toBe('抖店服务工单（紧急）');
    expect(zh.querySelector('[data-rule-shown-as]')).toBeNull();
  });
});
