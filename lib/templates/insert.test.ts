// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureSelection, insertAtCursor, isEditable } from './insert';

afterEach(() => {
  document.body.innerHTML = '';
});

function textarea(value: string): HTMLTextAreaElement {
  const el = document.createElement('textarea');
  el.value = value;
  document.body.appendChild(el);
  return el;
}

describe('insertAtCursor on a textarea', () => {
  it('inserts at the caret through the prototype setter and fires a bubbling input event', () => {
    const el = textarea('您好，请稍等');
    // React keeps its value tracker as an own property of the element: it must be bypassed.
    const tracker = vi.fn();
    const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
    Object.defineProperty(el, 'value', {
      configurable: true,
      get: () => proto?.get?.call(el) as string,
      set: (v: string) => {
        tracker(v);
        proto?.set?.call(el, v);
      },
    });
    const events: Event[] = [];
    document.body.addEventListener('input', (e) => events.push(e));
    el.setSelectionRange(3, 3);
    const r = insertAtCursor(el, '小明');
    expect(r).toEqual({ ok: true, method: 'value-setter' });
    expect(el.value).toBe('您好，小明请稍等');
    expect(tracker).not.toHaveBeenCalled();
    expect(events).toHaveLength(1);
    expect(events[0]?.bubbles).toBe(true);
    expect([el.selectionStart, el.selectionEnd]).toEqual([5, 5]);
  });

  it('replaces the selection and uses a saved caret when given', () => {
    const el = textarea('abcdef');
    el.setSelectionRange(1, 3);
    const saved = captureSelection(el);
    el.setSelectionRange(6, 6);
    insertAtCursor(el, 'X', saved);
    expect(el.value).toBe('aXdef');
  });

  it('refuses disabled, read-only and too-long cases without touching the draft', () => {
    const el = textarea('draft');
    el.disabled = true;
    expect(insertAtCursor(el, 'x')).toEqual({ ok: false, reason: 'disabled' });
    el.disabled = false;
    el.readOnly = true;
    expect(insertAtCursor(el, 'x')).toEqual({ ok: false, reason: 'read-only' });
    el.readOnly = false;
    el.maxLength = 7;
    expect(insertAtCursor(el, 'xyz')).toEqual({ ok: false, reason: 'too-long' });
    expect(el.value).toBe('draft');
  });

  it('never sends: no key events, no clicks', () => {
    const el = textarea('');
    const form = document.createElement('form');
    form.appendChild(el);
    document.body.appendChild(form);
    const seen = vi.fn();
    for (const type of ['keydown', 'keypress', 'keyup', 'click', 'submit']) document.addEventListener(type, seen, true);
    insertAtCursor(el, '好的\n谢谢');
    expect(seen).not.toHaveBeenCalled();
    expect(el.value).toBe('好的\n谢谢');
  });
});

describe('insertAtCursor elsewhere', () => {
  it('knows which elements it can write into', () => {
    const email = document.createElement('input');
    email.type = 'email';
    const text = document.createElement('input');
    const div = document.createElement('div');
    expect(isEditable(text)).toBe(true);
    expect(isEditable(email)).toBe(false);
    expect(insertAtCursor(div, 'x')).toEqual({ ok: false, reason: 'not-editable' });
  });
});
