/** Saves text as a file through a temporary object URL (options page; no downloads permission needed). */
export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `ticket-radar-templates-20260301.csv`, dated in Beijing time like everything the merchant reads. */
export function exportFileName(now: number, ext: 'json' | 'csv'): string {
  const d = new Date(now + 8 * 3600_000);
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  return `ticket-radar-templates-${ymd}.${ext}`;
}
