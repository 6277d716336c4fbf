import { createRoot } from 'react-dom/client';
import { Popup, prefetchPopupView } from '@/components/popup/Popup';
import { prefetchFirstRows } from '@/components/popup/first-rows';
import '@/components/popup/popup.css';

// The popup's own clock for its first-row budget (tests/e2e/popup.spec.ts, BENCHMARKS.md): this mark is when
// its modules have run, `ticket-radar:popup-first-row` when the first ticket row is in the DOM.
performance.mark('ticket-radar:popup-start');
// The first rows (started by popup.html's early script, usually read by now) and the remembered view, before
// the first render: its first commit then has rows, instead of a busy pass and a second render for them.
// Neither read rejects (each falls back to nothing read / the default view).
const root = createRoot(document.getElementById('root')!);
void Promise.all([prefetchFirstRows(), prefetchPopupView()]).then(([first, view]) =>
  root.render(<Popup first={first} view={view} />),
);
