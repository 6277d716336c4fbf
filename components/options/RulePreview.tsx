/** The live preview of one edited rule: pick a start (Beijing time), see its deadline and explain() lines. */
import { useId, useState } from 'react';
import { t, uiLocale } from '@/lib/i18n';
import { computeDeadline, explain } from '@/lib/sla';
import { withRuleLabels } from '@/lib/rule-label';
import { formatBeijing } from '@/lib/time';
import { formatBeijingLocal, parseBeijingLocal, previewTicket, type RuleResult } from './rules-form';

const MINUTE = 60_000;

export function RulePreview({ result }: { result: RuleResult }) {
  const id = useId();
  // Starts at the current minute; the merchant then tries the awkward cases (20:00, 22:30, a holiday).
  const [start, setStart] = useState(() => formatBeijingLocal(Math.floor(Date.now() / MINUTE) * MINUTE));
  const startMs = parseBeijingLocal(start);

  let body;
  if (!result.ok) body = <p className="opt-muted">{t('opt_preview_fix')}</p>;
  else if (startMs === undefined) body = <p className="opt-muted">{t('opt_preview_pick')}</p>;
  else {
    // The preview asks "what would this rule do", so a disabled rule is previewed as if enabled.
    const rules = [{ ...result.rule, enabled: true }];
    const ticket = previewTicket(rules[0]!, startMs);
    const due = computeDeadline(ticket, rules);
    body = (
      <>
        <p className="opt-preview__due" data-testid="preview-due">
          {due ? t('opt_preview_due', formatBeijing(due.dueAt)) : t('opt_preview_no_due')}
        </p>
        <ol className="opt-preview__lines" aria-label={t('opt_preview_why')}>
          {explain(ticket, withRuleLabels(rules), undefined, uiLocale()).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
      </>
    );
  }

  return (
    <div className="opt-preview" aria-live="polite">
      <div className="opt-preview__head">
        <strong>{t('opt_preview_title')}</strong>
        <label htmlFor={id}>{t('opt_preview_start')}</label>
        <input
          id={id}
          type="datetime-local"
          className="opt-input"
          value={start}
          onChange={(e) => setStart(e.target.value)}
        />
      </div>
      {body}
    </div>
  );
}
