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
  sheet?: CSSStyleSheet,
): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute(attr, '');
  const root = host.attachShadow({ mode });
  if (sheet) {
    root.adoptedStyleSheets = [sheet];
    return { host, root };
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}

/**
 * One parsed style sheet for many shadow roots of `doc` (`adoptedStyleSheets`): hundreds of badges then
 * share one sheet instead of each parsing and matching its own `<style>` (502 sheets processed per 500-row
 * load, issue 12). Undefined where constructable sheets are missing (each root then gets its `<style>`).
 */
export function sharedSheet(doc: Document, css: string): CSSStyleSheet | undefined {
  const Sheet = doc.defaultView?.CSSStyleSheet;
  try {
    if (!Sheet || !('adoptedStyleSheets' in doc)) return undefined;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    return sheet;
  } catch {
    return undefined;
  }
}
