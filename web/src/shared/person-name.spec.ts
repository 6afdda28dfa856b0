import { describe, expect, it } from 'vitest';
import { shortPersonName } from './person-name';

describe('shortPersonName', () => {
  it('gives the surname and initials of a full Russian name', () => {
    expect(shortPersonName('Мельникова Ольга Ивановна')).toBe('Мельникова О. И.');
    expect(shortPersonName('  Ковалёв   Сергей Петрович ')).toBe('Ковалёв С. П.');
    expect(shortPersonName('Салтыков-Щедрин Михаил Евграфович')).toBe('Салтыков-Щедрин М. Е.');
    expect(shortPersonName('Иванова Анна-Мария')).toBe('Иванова А.-М.');
    expect(shortPersonName('Smith John')).toBe('Smith J.');
  });

  it('leaves a name of one word, and no name, as they are', () => {
    expect(shortPersonName('Администратор')).toBe('Администратор');
    expect(shortPersonName('')).toBe('');
    expect(shortPersonName(null)).toBe('');
  });
});

describe('Russian messages about people', () => {
  type Tree = { [key: string]: string | Tree };
  const strings = (tree: Tree, prefix = ''): [string, string][] =>
    Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : strings(v, `${prefix}${k}.`)));

  it('write no verb that would have to agree with the person: no "утвердил(а)", no "Проверил {who}"', async () => {
    const { default: ru } = await import('../app/i18n/messages/ru');
    const all = strings(ru as unknown as Tree);
    expect(all.length).toBeGreaterThan(500);
    const gendered = all.filter(
      ([, text]) => /\((?:а|ла)\)/.test(text) || /[а-яё]+(?:ил|ал|ял|ел)\s+\{(?:who|name|author|reviewer|user|person)\}/i.test(text),
    );
    expect(gendered).toEqual([]);
  });
});
