import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import { openOrFocus } from '@/lib/tabs';

interface StartPage {
  platform: string;
  title: string;
  url: string;
}

/** List pages the merchant opens to start: the adapters' list pages (not details or chat). */
async function startPages(): Promise<StartPage[]> {
  // Loaded only on first run: the registry pulls in every adapter, which the everyday popup does not need.
  const { adapters } = await import('@/lib/adapters/registry');
  return adapters.flatMap((a) =>
    a.pages
      .filter((p) => !/detail|chat/.test(p.kind) && p.examples[0])
      .map((p) => ({ platform: a.id, title: p.title, url: p.examples[0]! })),
  );
}

/** Nothing read yet: which seller pages to open, as links that open them (not "太好了，暂无逾期"). */
export function FirstRun() {
  const [pages, setPages] = useState<StartPage[]>([]);
  useEffect(() => void startPages().then(setPages), []);
  return (
    <div className="first-run" data-first-run>
      <p>{t('popupFirstRun')}</p>
      <ul>
        {pages.map((p) => (
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
