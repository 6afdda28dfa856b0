import { createI18n } from 'vue-i18n';
import { DEFAULT_LOCALE, storedLocale, type AppLocale } from '../../shared/locale';
import ru from './messages/ru';
import en from './messages/en';

export type MessageSchema = typeof ru;

/** Russian plural forms: 1 файл, 2 файла, 5 файлов (choices: one | few | many). */
export function russianPlural(choice: number, choicesLength: number): number {
  if (choicesLength < 3) return choice === 1 ? 0 : 1;
  const n = Math.abs(choice) % 100;
  const n1 = n % 10;
  if (n > 10 && n < 20) return 2;
  if (n1 === 1) return 0;
  if (n1 >= 2 && n1 <= 4) return 1;
  return 2;
}

/** Russian first; English second. The choice made on this device wins over the default. */
export function createAppI18n(locale: AppLocale = storedLocale() ?? DEFAULT_LOCALE) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'ru',
    messages: { ru, en },
    pluralRules: { ru: russianPlural },
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
