import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zh from './zh-CN';
import en from './en';

export type Language = 'zh-CN' | 'en';
const storageKey = 'ccw.language';

export function savedLanguage(): Language {
  return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
}

export function setLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = language;
  void i18n.changeLanguage(language).then(() => { document.title = i18n.t('app.name'); });
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes
});
dayjs.locale(savedLanguage() === 'en' ? 'en' : 'zh-cn');
// The window's title in the reader's language too (index.html's is the Chinese one).
document.documentElement.lang = savedLanguage();
document.title = i18n.t('app.name');

export default i18n;
