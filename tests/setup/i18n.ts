// Unit tests run outside an extension, where browser.i18n is missing and lib/i18n's t() returns the key (most
// tests assert on keys, not wording). Component tests that read the rendered words import this file: t() then
// answers from the zh_CN messages, the extension's default locale.
import { setTestMessages } from '../../lib/i18n';
import zhCN from '../../public/_locales/zh_CN/messages.json';

setTestMessages(zhCN);
