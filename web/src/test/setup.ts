import { afterEach } from 'vitest';

// Each test starts with no remembered language and the default document language.
afterEach(() => {
  localStorage.clear();
  document.documentElement.lang = '';
  document.body.innerHTML = '';
});
