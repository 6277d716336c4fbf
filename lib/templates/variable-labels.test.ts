import { afterEach, describe, expect, it } from 'vitest';
import { setTestMessages } from '../i18n';
import { variableHint, variableHintKey, variableLabelKey, variableText } from './variable-labels';
import { VARIABLE_KEYS, variableDef } from './variables';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';

const zh = zhCN as Record<string, { message: string }>;
const english = en as Record<string, { message: string }>;

afterEach(() => setTestMessages(zhCN));

describe('variable labels', () => {
  it('has a label and a hint for every variable in both languages; zh labels are the tokens', () => {
    for (const key of VARIABLE_KEYS) {
      expect(zh[variableLabelKey(key)]?.message).toBe(variableDef(key).zh);
      expect(zh[variableHintKey(key)]?.message).toBeTruthy();
      const label = english[variableLabelKey(key)]?.message;
      expect(label, key).toBeTruthy();
      // Words, not the programmer's key: `Refund amount`, never `refundAmount`.
      expect(label, key).not.toBe(key);
      expect(label, key).not.toMatch(/[a-z][A-Z]/);
      expect(english[variableHintKey(key)]?.message, key).toBeTruthy();
    }
  });

  it('reads the UI language', () => {
    expect(variableText('refundAmount')).toBe('退款金额');
    setTestMessages(en);
    expect(variableText('refundAmount')).toBe('Refund amount');
    expect(variableHint('refundAmount')).toBe('e.g. ¥12.30');
  });
});
