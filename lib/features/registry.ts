/**
 * Every page feature, in the order they start. Adding a feature: a file beside this one exporting a
 * `Feature`, a line here, its id in FEATURE_IDS (lib/model/settings-defaults.ts, which gives it a settings
 * toggle, on by default).
 */
import { countdownBadge } from './countdown-badge';
import { nextTicket } from './next-ticket';
import { templatePicker } from './template-picker';
import type { Feature } from './types';

export const FEATURES: readonly Feature[] = [countdownBadge, templatePicker, nextTicket];
