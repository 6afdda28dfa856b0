import { defineComponent, h } from 'vue';
import { describe, expect, it } from 'vitest';
import { useI18n } from 'vue-i18n';
import { createAppI18n } from '../../../app/i18n';
import { LOCALE_STORAGE_KEY } from '../../../shared/locale';
import { render } from '../../../test/render';
import SignInPage from '../../auth/pages/SignInPage.vue';
import LocaleSwitch from './LocaleSwitch.vue';

/** The switch next to a translated text, as in the layout. */
const Harness = defineComponent({
  setup() {
    const { t } = useI18n();
    return () => h('div', [h(LocaleSwitch), h('h1', { 'data-testid': 'page-title' }, t('nav.organisation'))]);
  },
});

describe('LocaleSwitch', () => {
  it('starts in Russian and switches the interface to English and back', async () => {
    const { wrapper } = await render(Harness);
    expect(wrapper.get('[data-testid="page-title"]').text()).toBe('Оргструктура');
    expect(wrapper.get('[data-testid="locale-ru"]').attributes('aria-pressed')).toBe('true');

    await wrapper.get('[data-testid="locale-en"]').trigger('click');
    expect(wrapper.get('[data-testid="page-title"]').text()).toBe('Organisation');
    expect(wrapper.get('[data-testid="locale-en"]').attributes('aria-pressed')).toBe('true');
    expect(wrapper.get('[data-testid="locale-ru"]').attributes('aria-pressed')).toBe('false');
    expect(document.documentElement.lang).toBe('en');

    await wrapper.get('[data-testid="locale-ru"]').trigger('click');
    expect(wrapper.get('[data-testid="page-title"]').text()).toBe('Оргструктура');
    expect(document.documentElement.lang).toBe('ru');
  });

  it('remembers the choice on this device for the next visit', async () => {
    const { wrapper } = await render(Harness);
    await wrapper.get('[data-testid="locale-en"]').trigger('click');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(createAppI18n().global.locale.value).toBe('en');
  });

  it('ignores a stored value that is not a language of the app', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'de');
    expect(createAppI18n().global.locale.value).toBe('ru');
  });

  it('translates a whole page: the sign-in form', async () => {
    const { wrapper } = await render(SignInPage, { route: '/sign-in' });
    expect(wrapper.get('[data-testid="signin-submit"]').text()).toBe('Войти');
    await wrapper.get('[data-testid="locale-en"]').trigger('click');
    expect(wrapper.get('[data-testid="page-title"]').text()).toBe('Sign in');
    expect(wrapper.get('label[for]').text()).toContain('Username');
  });
});
