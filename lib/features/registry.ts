/**
 * Every page feature, in the order they start. Adding a feature: a file beside this one exporting a
 * `Feature`, a line here, its id in FEATURE_IDS (lib/model/settings-defaults.ts, which gives it a settings
 * toggle, on by default, and a row in the options page's 页面功能 section: its name and description are the
 * messages `opt_feature_<id>` and `opt_feature_<id>_hint`, with `-` as `_`).
 */
import { countdownBadge } from './countdown-badge';
import { freshnessIndicator } from './freshness-indicator';
import { nextTicket } from './next-ticket';
import { templatePicker } from './template-picker';
import type { Feature } from './types';

export const FEATURES: readonly Feature[] = [countdownBadge, templatePicker, nextTicket, freshnessIndicator];
