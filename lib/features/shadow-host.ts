/** Our UI on a page lives in a shadow root: page CSS and ours never collide (conventions.md, "Injected UI"). */
export function shadowHost(
  doc: Document,
  tag: 'span' | 'div',
  attr: string,
  css: string,
): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute(attr, '');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}
