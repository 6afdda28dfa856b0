/** Reference data carries a Russian name and, optionally, an English one. */
export function localName(item: { name: string; nameEn?: string | null }, locale: string): string {
  return locale === 'en' && item.nameEn ? item.nameEn : item.name;
}
