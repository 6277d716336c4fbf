import { createRoot } from 'react-dom/client';
import { Popup, prefetchPopupView } from '@/components/popup/Popup';
import { prefetchFirstRows } from '@/components/popup/use-queue-data';
import '@/components/popup/popup.css';

// The first rows and the remembered view are read while React sets up (BENCHMARKS.md: popup first row).
void prefetchFirstRows();
void prefetchPopupView();
createRoot(document.getElementById('root')!).render(<Popup />);
