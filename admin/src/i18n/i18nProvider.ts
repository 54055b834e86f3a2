import polyglotI18nProvider from 'ra-i18n-polyglot';
import { zhMessages } from './zh';

// One language; allowMissing so an unknown key shows its `_` default rather than a warning.
export const i18nProvider = polyglotI18nProvider(() => zhMessages, 'zh-CN', [{ locale: 'zh-CN', name: '简体中文' }], {
  allowMissing: true,
});
