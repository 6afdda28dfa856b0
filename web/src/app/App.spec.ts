import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { render } from '../test/render';
import App from './App.vue';

describe('App', () => {
  it('keeps <html lang> on the interface language, so the browser hyphenates Russian text by Russian rules', async () => {
    const { i18n } = await render(App);
    expect(document.documentElement.lang).toBe('ru');
    i18n.global.locale.value = 'en';
    await nextTick();
    expect(document.documentElement.lang).toBe('en');
    i18n.global.locale.value = 'ru';
    await nextTick();
    expect(document.documentElement.lang).toBe('ru');
  });
});
