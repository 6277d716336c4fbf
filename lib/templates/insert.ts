/**
 * Inserting template text into a marketplace's reply box, through the editor's own input path.
 *
 * Seller pages are React apps (PDD beast-core, Douyin auxo/aurora, Taobao Fusion). React keeps the
 * last value it saw in a tracker on the element and ignores an `input` event whose value equals it;
 * assigning `el.value` from a script updates that tracker, so React would drop the change and the next
 * render would wipe our text. Calling the *prototype's* native setter bypasses the tracker, and a
 * bubbling `input` event then makes React read the new value into its state. Contenteditable editors
 * (Draft.js, Slate, Quill, ProseMirror) listen to `beforeinput`/`input` from the browser's own editing,
 * which `execCommand('insertText')` produces.
 *
 * Rules (conventions.md, Injected UI): insert at the caret, keep the rest of the draft, never
 * dispatch Enter, never click send.
 */

/** The elements we insert into. */
export type Editable = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

/** A caret or selection remembered before the picker took focus. */
export type SavedSelection = { kind: 'text'; start: number; end: number } | { kind: 'range'; range: Range };

export type InsertResult =
  | { ok: true; method: 'value-setter' | 'exec-command' | 'range' }
  /** `too-long`: the box's maxlength has no room; half a template is worse than none. */
  | { ok: false; reason: 'not-editable' | 'disabled' | 'read-only' | 'too-long' };

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'password', '']);

function isTextArea(el: Element): el is HTMLTextAreaElement {
  // tagName, not instanceof: the element may come from another realm (an iframe, or the page's world
  // seen from a content script), where instanceof against our constructors is false.
  return el.tagName === 'TEXTAREA';
}

function isTextInput(el: Element): el is HTMLInputElement {
  return el.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((el as HTMLInputElement).type.toLowerCase());
}

function isContentEditable(el: Element): el is HTMLElement {
  return (el as HTMLElement).isContentEditable === true;
}

/** True when the element is a box {@link insertAtCursor} can write into. */
export function isEditable(el: Element): el is Editable {
  return isTextArea(el) || isTextInput(el) || isContentEditable(el);
}

/**
 * Remembers where the caret is, before focus moves to the picker. Textareas keep their selection when
 * blurred, but contenteditable loses it the moment another field takes focus, so the range is cloned.
 */
export function captureSelection(el: Editable): SavedSelection | undefined {
  if (isTextArea(el) || isTextInput(el)) {
    const start = el.selectionStart;
    const end = el.selectionEnd;
    return start === null || end === null ? undefined : { kind: 'text', start, end };
  }
  const sel = el.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return undefined;
  const range = sel.getRangeAt(0);
  return el.contains(range.commonAncestorContainer) ? { kind: 'range', range: range.cloneRange() } : undefined;
}

/** The native `value` setter for the element's own realm. */
function nativeValueSetter(el: HTMLTextAreaElement | HTMLInputElement): ((v: string) => void) | undefined {
  const view = el.ownerDocument.defaultView;
  const proto = isTextArea(el)
    ? (view?.HTMLTextAreaElement ?? HTMLTextAreaElement).prototype
    : (view?.HTMLInputElement ?? HTMLInputElement).prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  return setter ? (v: string) => setter.call(el, v) : undefined;
}

function inputEvent(el: Element, text: string): Event {
  const view = el.ownerDocument.defaultView;
  const Ctor = view?.InputEvent ?? (typeof InputEvent === 'function' ? InputEvent : undefined);
  return Ctor
    ? new Ctor('input', { bubbles: true, cancelable: false, composed: true, inputType: 'insertText', data: text })
    : new Event('input', { bubbles: true, composed: true });
}

function insertIntoField(
  el: HTMLTextAreaElement | HTMLInputElement,
  text: string,
  saved?: SavedSelection,
): InsertResult {
  if (el.disabled) return { ok: false, reason: 'disabled' };
  if (el.readOnly) return { ok: false, reason: 'read-only' };
  const value = el.value;
  const clamp = (n: number) => Math.max(0, Math.min(n, value.length));
  const fromSaved = saved?.kind === 'text' ? saved : undefined;
  let start = clamp(fromSaved?.start ?? el.selectionStart ?? value.length);
  let end = clamp(fromSaved?.end ?? el.selectionEnd ?? value.length);
  if (end < start) [start, end] = [end, start];
  // A maxlength the result would exceed: refuse rather than send a cut-off sentence.
  const max = el.maxLength > 0 ? el.maxLength : Infinity;
  if (value.length - (end - start) + text.length > max) return { ok: false, reason: 'too-long' };
  const insert = text;
  const next = value.slice(0, start) + insert + value.slice(end);
  el.focus({ preventScroll: true });
  const set = nativeValueSetter(el);
  if (set) set(next);
  else el.value = next;
  const caret = start + insert.length;
  el.setSelectionRange(caret, caret);
  el.dispatchEvent(inputEvent(el, insert));
  return { ok: true, method: 'value-setter' };
}

/** Text as DOM nodes: line breaks become `<br>`, as a contenteditable shows them. */
function textFragment(doc: Document, text: string): DocumentFragment {
  const frag = doc.createDocumentFragment();
  text.split('\n').forEach((line, i) => {
    if (i > 0) frag.appendChild(doc.createElement('br'));
    if (line !== '') frag.appendChild(doc.createTextNode(line));
  });
  return frag;
}

function insertIntoContentEditable(el: HTMLElement, text: string, saved?: SavedSelection): InsertResult {
  const doc = el.ownerDocument;
  el.focus({ preventScroll: true });
  const sel = doc.getSelection();
  if (!sel) return { ok: false, reason: 'not-editable' };
  let range: Range;
  if (saved?.kind === 'range' && el.contains(saved.range.commonAncestorContainer)) {
    range = saved.range.cloneRange();
  } else if (sel.rangeCount > 0 && el.contains(sel.getRangeAt(0).commonAncestorContainer)) {
    range = sel.getRangeAt(0);
  } else {
    // No caret in the box: append after the draft rather than replace it.
    range = doc.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
  }
  sel.removeAllRanges();
  sel.addRange(range);
  let done = false;
  try {
    // Deprecated but still the only API that goes through the browser's (and the editor's) own
    // editing pipeline, with undo. Returns false when the document does not support it.
    done = doc.execCommand('insertText', false, text);
  } catch {
    done = false;
  }
  if (done) return { ok: true, method: 'exec-command' };
  const r = sel.rangeCount > 0 ? sel.getRangeAt(0) : range;
  r.deleteContents();
  const frag = textFragment(doc, text);
  const last = frag.lastChild;
  r.insertNode(frag);
  if (last) {
    r.setStartAfter(last);
    r.collapse(true);
    sel.removeAllRanges();
    sel.addRange(r);
  }
  el.dispatchEvent(inputEvent(el, text));
  return { ok: true, method: 'range' };
}

/**
 * Inserts `text` at the caret (replacing the selection, if any) and tells the page's framework.
 * `saved` is the selection from {@link captureSelection} when the picker opened; without it the
 * element's current selection is used, and a box with no caret gets the text appended.
 * Never sends: no Enter key, no click.
 */
export function insertAtCursor(el: Editable, text: string, saved?: SavedSelection): InsertResult {
  if (isTextArea(el) || isTextInput(el)) return insertIntoField(el, text, saved);
  if (isContentEditable(el)) return insertIntoContentEditable(el, text, saved);
  return { ok: false, reason: 'not-editable' };
}
