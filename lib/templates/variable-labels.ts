/**
 * Variables as the UI names them, in the UI's language, through the messages (`tplVar_<key>`, and the hint
 * beside a field to fill, `tplVarHint_<key>`). The token a body holds stays `{退款金额}` in every language
 * (variables.ts); in English the label reads "Refund amount", never the raw key `refundAmount`.
 */
import { t } from '../i18n';
import type { VariableKey } from './variables';

export const variableLabelKey = (key: VariableKey) => `tplVar_${key}`;
export const variableHintKey = (key: VariableKey) => `tplVarHint_${key}`;

export const variableText = (key: VariableKey): string => t(variableLabelKey(key));
export const variableHint = (key: VariableKey): string => t(variableHintKey(key));
