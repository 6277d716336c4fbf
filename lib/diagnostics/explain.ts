/**
 * What each health-log code means, in the merchant's words (messages `diag_<code>`): the 诊断 tab shows this
 * first, and the code and the reader's technical detail (developer English, for support) behind a fold.
 * Codes come from the adapters' readers (ParseIssue), the overlay, the worker's session guard and the
 * freshness schedule; one the messages do not know yet reads as a general sentence naming the code.
 */
import { t } from '../i18n';

/** Every code the extension records today; a test checks each has its explanation in both languages. */
export const KNOWN_HEALTH_CODES = [
  'not-logged-in',
  'envelope',
  'item-invalid',
  'no-rows',
  'field-missing',
  'deadline-invalid',
  'deadline-mismatch',
  'status-unknown',
  'reader-threw',
  'no-record',
  'no-reader',
  'bad-shape',
  'json-invalid',
  'response-oversized',
  'response-incomplete',
  'feature-error',
  'overlay-error',
  'picker-load-failed',
  'ingest-failed',
  'read-failed',
  'open-cap',
  'session-other-shop',
  'session-other-platform',
  'session-scope',
  'fresh-empty-twice',
  'fresh-logged-out',
  'fresh-verification',
  'fresh-error',
] as const;

export const healthCodeKey = (code: string) => `diag_${code.replace(/[^A-Za-z0-9]/g, '_')}`;

/** The merchant's explanation of `code`. */
export function healthCodeText(code: string): string {
  const key = healthCodeKey(code);
  const msg = t(key);
  return msg && msg !== key ? msg : t('diag_unknown', code);
}
