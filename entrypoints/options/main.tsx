import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import { uiLocale } from '@/lib/i18n';
import '@/components/options/options.css';

// The page is written zh-CN first; tell the browser (fonts, screen readers) when the UI runs in English.
document.documentElement.lang = uiLocale() === 'en' ? 'en' : 'zh-CN';
createRoot(document.getElementById('root')!).render(<OptionsApp />);
