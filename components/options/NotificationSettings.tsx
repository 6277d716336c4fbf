/**
 * Options → 提醒 tab, the settings themselves: thresholds, overdue repeat, quiet-hours breakthrough and the merchant's staffed hours
 * (the second clock of sla-rules.md: it holds alerts, never moves a deadline).
 *
 * Controlled by `settings`; calls `onChange` only with valid settings. Text the merchant is typing that is not
 * valid yet stays in local drafts with an error next to it, so a half-typed value never reaches storage.
 */
import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import { MerchantClockSchema, NotificationSettingsSchema, type Settings } from '@/lib/model/settings';
import type { Segment } from '@/lib/sla';
import {
  isOvernight,
  parseMinutes,
  parseThresholds,
  REPEAT_MAX_MINUTES,
  sameNumbers,
  segmentValid,
  thresholdsToText,
} from '@/lib/alarms/settings-form';

export interface NotificationSettingsProps {
  settings: Settings;
  /** Receives the whole settings object with the edited parts replaced; always valid. */
  onChange(next: Settings): void;
}

const MIN = 60_000;
/** MerchantClockSchema allows at most 12 segments. */
const SEGMENTS_MAX = 12;

/**
 * A text draft of a settings value: follows the value when it changes elsewhere (another options tab, a reset),
 * unless the draft already means the same thing. Adjusting state during render is React's documented pattern
 * for "reset state when a prop changes".
 */
function useDraft<V>(value: V, toText: (v: V) => string, same: (text: string, v: V) => boolean) {
  const [draft, setDraft] = useState(() => toText(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (!same(draft, value)) setDraft(toText(value));
  }
  return [draft, setDraft] as const;
}

export function NotificationSettings({ settings, onChange }: NotificationSettingsProps) {
  const id = useId();
  const n = settings.notifications;
  const mc = settings.merchantClock;

  const [thresholdText, setThresholdText] = useDraft(n.thresholdsMs, thresholdsToText, (text, v) =>
    sameNumbers(
      parseThresholds(text),
      [...v].sort((a, b) => b - a),
    ),
  );
  const [repeatText, setRepeatText] = useDraft(
    n.overdueRepeatMs,
    (v) => String(Math.round(v / MIN)),
    (text, v) => parseMinutes(text, REPEAT_MAX_MINUTES) === v,
  );
  const [segments, setSegments] = useState<Segment[]>(mc.segments);
  const [seenSegments, setSeenSegments] = useState(mc.segments);
  if (seenSegments !== mc.segments) {
    setSeenSegments(mc.segments);
    setSegments(mc.segments);
  }

  const thresholdsOk = parseThresholds(thresholdText) !== undefined;
  const repeatOk = parseMinutes(repeatText, REPEAT_MAX_MINUTES) !== undefined;

  const emitNotifications = (patch: Partial<Settings['notifications']>) => {
    const next = NotificationSettingsSchema.safeParse({ ...n, ...patch });
    if (next.success) onChange({ ...settings, notifications: next.data });
  };
  const emitClock = (patch: Partial<Settings['merchantClock']>) => {
    const next = MerchantClockSchema.safeParse({ ...mc, ...patch });
    if (next.success) onChange({ ...settings, merchantClock: next.data });
  };
  const editSegments = (next: Segment[]) => {
    setSegments(next);
    if (next.length > 0 && next.every(segmentValid)) emitClock({ segments: next });
  };

  return (
    // No heading of its own: the options tab wraps it in its titled card (components/options/ui.tsx Section).
    <div className="opt-notif" data-component="notification-settings">
      <div className="opt-field opt-checks">
        <label>
          <input
            type="checkbox"
            data-field="enabled"
            checked={n.enabled}
            onChange={(e) => emitNotifications({ enabled: e.currentTarget.checked })}
          />
          {t('notifEnabled')}
        </label>
      </div>

      <fieldset className="opt-field opt-notif__alerts" disabled={!n.enabled}>
        <div className="opt-field">
          <label htmlFor={`${id}-th`}>{t('notifThresholds')}</label>
          <input
            id={`${id}-th`}
            className="opt-input"
            type="text"
            inputMode="numeric"
            data-field="thresholds"
            value={thresholdText}
            aria-invalid={!thresholdsOk}
            aria-describedby={thresholdsOk ? undefined : `${id}-th-err`}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setThresholdText(text);
              const ms = parseThresholds(text);
              if (ms) emitNotifications({ thresholdsMs: ms });
            }}
          />
          {!thresholdsOk && (
            <span id={`${id}-th-err`} role="alert" className="opt-error" data-error="thresholds">
              {t('notifThresholdsInvalid')}
            </span>
          )}
        </div>

        <div className="opt-field">
          <label htmlFor={`${id}-rep`}>{t('notifOverdueRepeat')}</label>
          <input
            id={`${id}-rep`}
            className="opt-input"
            type="number"
            min={0}
            max={REPEAT_MAX_MINUTES}
            step={1}
            data-field="overdue-repeat"
            value={repeatText}
            aria-invalid={!repeatOk}
            aria-describedby={repeatOk ? undefined : `${id}-rep-err`}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setRepeatText(text);
              const ms = parseMinutes(text, REPEAT_MAX_MINUTES);
              if (ms !== undefined) emitNotifications({ overdueRepeatMs: ms });
            }}
          />
          {!repeatOk && (
            <span id={`${id}-rep-err`} role="alert" className="opt-error" data-error="overdue-repeat">
              {t('notifOverdueRepeatInvalid')}
            </span>
          )}
        </div>

        <div className="opt-field opt-checks">
          <label>
            <input
              type="checkbox"
              data-field="breaks-quiet"
              checked={n.overdueBreaksQuiet}
              onChange={(e) => emitNotifications({ overdueBreaksQuiet: e.currentTarget.checked })}
            />
            {t('notifOverdueBreaksQuiet')}
          </label>
        </div>
      </fieldset>

      <fieldset className="opt-field opt-notif__clock">
        <legend>{t('notifClock')}</legend>
        <p className="opt-hint">{t('notifClockHint')}</p>
        <div className="opt-field opt-checks">
          <label>
            <input
              type="checkbox"
              data-field="clock-enabled"
              checked={mc.enabled}
              onChange={(e) => emitClock({ enabled: e.currentTarget.checked })}
            />
            {t('notifClockEnabled')}
          </label>
        </div>

        <fieldset className="opt-field opt-subfield" disabled={!mc.enabled}>
          <div className="opt-segments">
            {segments.map((seg, i) => {
              const ok = segmentValid(seg);
              const set = (edge: 'start' | 'end', v: string) =>
                editSegments(segments.map((s, j) => (j === i ? { ...s, [edge]: v } : s)));
              return (
                <div key={i} className="opt-segment" data-segment={i}>
                  <input
                    className="opt-input opt-time"
                    type="time"
                    step={60}
                    data-edge="start"
                    aria-label={t('notifSegmentStart')}
                    value={seg.start}
                    aria-invalid={!ok}
                    onChange={(e) => set('start', e.currentTarget.value)}
                  />
                  <span aria-hidden="true">–</span>
                  {ok && isOvernight(seg) && (
                    <span className="opt-muted" data-overnight="">
                      {t('notifSegmentOvernight')}
                    </span>
                  )}
                  <input
                    className="opt-input opt-time"
                    type="time"
                    step={60}
                    data-edge="end"
                    aria-label={t('notifSegmentEnd')}
                    value={seg.end === '24:00' ? '00:00' : seg.end}
                    aria-invalid={!ok}
                    onChange={(e) => set('end', e.currentTarget.value)}
                  />
                  <button
                    type="button"
                    className="opt-btn is-small"
                    data-action="remove-segment"
                    disabled={segments.length <= 1}
                    onClick={() => editSegments(segments.filter((_, j) => j !== i))}
                  >
                    {t('notifSegmentRemove')}
                  </button>
                  {!ok && (
                    <span role="alert" className="opt-error" data-error="segment">
                      {t('notifSegmentInvalid')}
                    </span>
                  )}
                </div>
              );
            })}
            <button
              type="button"
              className="opt-btn is-small"
              data-action="add-segment"
              disabled={segments.length >= SEGMENTS_MAX}
              onClick={() => editSegments([...segments, { start: '13:00', end: '18:00' }])}
            >
              {t('notifSegmentAdd')}
            </button>
          </div>

          <div className="opt-checks" role="radiogroup" aria-label={t('notifClock')}>
            {(['every', 'workdays'] as const).map((days) => (
              <label key={days}>
                <input
                  type="radio"
                  name={`${id}-days`}
                  data-days={days}
                  checked={mc.days === days}
                  onChange={() => emitClock({ days })}
                />
                {t(days === 'every' ? 'notifDaysEvery' : 'notifDaysWorkdays')}
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>
    </div>
  );
}
