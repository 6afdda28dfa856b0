/**
 * A person as a line of a card names them: the surname and initials ("Мельникова О. И.", "Салтыков-Щедрин М. Е."),
 * the full name being kept for a tooltip. With "Проверено:", "Утверждено:" and the like it reads right whoever the
 * person is: no verb has to agree with them. A name of one word, or no name, stays as it is.
 */
export function shortPersonName(fullName: string | null | undefined): string {
  const words = (fullName ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return words.join(' ');
  const [surname, ...given] = words;
  const initials = given.map((w) =>
    w
      .split('-')
      .filter(Boolean)
      .map((part) => `${part.charAt(0).toLocaleUpperCase('ru')}.`)
      .join('-'),
  );
  return `${surname} ${initials.join(' ')}`;
}
