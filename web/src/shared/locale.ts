import { watch } from 'vue';
import { useI18n } from 'vue-i18n';

export const SUPPORTED_LOCALES = ['ru', 'en'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'ru';
export const LOCALE_STORAGE_KEY = 'otklik.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** The language the person chose on this device, if any. */
export function storedLocale(): AppLocale | null {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isAppLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: AppLocale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

export function applyDocumentLocale(locale: AppLocale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

/** The interface language: read it, switch it (remembered on this device). */
export function useLocale() {
  const { locale } = useI18n({ useScope: 'global' });
  watch(locale, (value) => applyDocumentLocale(value as AppLocale), { immediate: true });
  return {
    locale,
    setLocale(next: AppLocale, remember = true) {
      locale.value = next;
      if (remember) storeLocale(next);
    },
  };
}
