// Vitest: a fresh Pinia for every test, so components using a store mount without a plugin and
// no state leaks from one test to the next.
import { beforeEach } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';

beforeEach(() => {
  setActivePinia(createPinia());
});
