import { t } from '@/lib/i18n';
import { openOrFocus } from '@/lib/tabs';
import { PAGE_CATALOG } from '@/lib/adapters/page-catalog';

interface StartPage {
  platform: string;
  title: string;
  url: string;
}

/** List pages the merchant opens to start: the adapters' list pages (not details or chat). Plain data. */
const START_PAGES: StartPage[] = PAGE_CATALOG.flatMap((a) =>
  a.pages
    .filter((p) => !/detail|chat/.test(p.kind) && p.examples[0])
    .map((p) => ({ platform: a.id, title: p.title, url: p.examples[0]! })),
);

/** Nothing read yet: which seller pages to open, as links that open them (not "太好了，暂无逾期"). */
export function FirstRun() {
  return (
    <div className="first-run" data-first-run>
      <p>{t('popupFirstRun')}</p>
      <ul>
        {START_PAGES.map((p) => (
          <li key={p.url}>
            <a
              href={p.url}
              onClick={(e) => {
                e.preventDefault();
                void openOrFocus(p.url).then(() => window.close());
              }}
            >
              {p.title}
            </a>
          </li>
        ))}
      </ul>
      <p className="hint">{t('popupFirstRunHint')}</p>
    </div>
  );
}
