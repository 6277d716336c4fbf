/**
 * 导出页面诊断快照 (moved here from the popup, where it confused merchants): asks an open seller page's content
 * script for a redacted capture and saves it as a file. The most recently used seller tab is captured.
 */
import { browser } from 'wxt/browser';
import { useState } from 'react';
import { adapters } from '@/lib/adapters/registry';
import { t } from '@/lib/i18n';
import { downloadText } from '../templates/download';
import { Section } from './ui';

async function captureSellerTab(): Promise<string> {
  const tabs = await browser.tabs.query({ url: adapters.flatMap((a) => a.matches) });
  const tab = tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  if (tab?.id === undefined) return t('captureUnsupported');
  try {
    const capture = (await browser.tabs.sendMessage(tab.id, { type: 'capture/collect' })) as
      { adapter?: string; page?: string | null } | undefined;
    if (!capture?.adapter) return t('captureUnsupported');
    const name = `ticket-radar-capture-${capture.page ?? capture.adapter}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    downloadText(name, JSON.stringify(capture, null, 2), 'application/json');
    return t('captureSaved');
  } catch {
    return t('captureUnsupported');
  }
}

export function CapturePanel() {
  const [note, setNote] = useState<string>();
  return (
    <Section id="capture" title={t('popupCapture')} hint={t('opt_capture_hint')}>
      <button
        type="button"
        className="opt-btn"
        data-action="capture"
        onClick={() => void captureSellerTab().then(setNote)}
      >
        {t('popupCapture')}
      </button>
      {note && (
        <span className="opt-muted" role="status">
          {' '}
          {note}
        </span>
      )}
    </Section>
  );
}
