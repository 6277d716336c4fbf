/**
 * Our UI on a page lives in a shadow root: page CSS and ours never collide (conventions.md, "Injected UI").
 * `closed` for what holds the merchant's own text (the template picker): `host.shadowRoot` is then null for
 * page scripts, and only this isolated world, which keeps `root`, reaches inside. Badges stay open: they show
 * what the page itself listed, and tests read their attributes on the host.
 */
export function shadowHost(
  doc: Document,
  tag: 'span' | 'div',
  attr: string,
  css: string,
  mode: ShadowRootMode = 'open',
): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute(attr, '');
  const root = host.attachShadow({ mode });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}
