import { createRoot } from 'react-dom/client';
import { Popup, prefetchMarks, prefetchPopupView } from './Popup';
import { prefetchFirstRows } from './first-rows';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { loadSettings } from '@/lib/settings/store';

/** The React popup, mounted by entrypoints/popup/main.tsx once the early rows are in (or known not to come). */

// The popup's own clock for its first-row budget (tests/e2e/popup.spec.ts, BENCHMARKS.md): this mark is when
// its modules have run; `ticket-radar:popup-first-row` when the first ticket row is in the DOM (usually the
// early script's, components/popup/early.ts).
performance.mark('ticket-radar:popup-start');
// The first rows (started by popup.html's early script, usually read by now), the remembered view, the
// settings and the marks, before the first render: its first commit then has rows, in the states and
// sections the early rows have (they give way to it without a change), instead of a pass with defaults.
// None of the reads rejects (each falls back to nothing read / the defaults).
const root = createRoot(document.getElementById('root')!);
void Promise.all([
  prefetchFirstRows(),
  prefetchPopupView(),
  loadSettings().catch(() => DEFAULT_SETTINGS),
  prefetchMarks().catch(() => undefined),
]).then(([first, view, settings, marks]) =>
  root.render(<Popup first={first} view={view} settings={settings} marks={marks} />),
);
