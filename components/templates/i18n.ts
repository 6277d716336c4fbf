/** The template library speaks through the one i18n path (lib/i18n.ts, strings in public/_locales). */
export { platformName, t, uiLocale, type MessageKey } from '../../lib/i18n';
