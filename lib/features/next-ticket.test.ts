// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { mountNextControl, NEXT_ATTR } from './next-ticket';

describe('mountNextControl', () => {
  it('mounts one button in a shadow root that asks for the next ticket', async () => {
    const next = vi.fn().mockResolvedValueOnce('pdd:s:1').mockResolvedValueOnce(undefined);
    const unmount = mountNextControl(document, { next, label: '下一个 →', noneLabel: '没有更多' });
    mountNextControl(document, { next, label: 'x', noneLabel: 'y' });
    const hosts = document.querySelectorAll(`[${NEXT_ATTR}]`);
    expect(hosts).toHaveLength(1);
    const button = hosts[0]!.shadowRoot!.firstElementChild!.nextElementSibling as HTMLButtonElement;
    expect(button.textContent).toBe('下一个 →');
    button.click();
    await vi.waitFor(() => expect(button.disabled).toBe(false));
    expect(next).toHaveBeenCalledTimes(1);
    button.click();
    await vi.waitFor(() => expect(button.textContent).toBe('没有更多'));
    unmount();
    expect(document.querySelectorAll(`[${NEXT_ATTR}]`)).toHaveLength(0);
  });
});
