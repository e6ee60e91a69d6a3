// Vitest helpers shared by the section pages' tests.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import type { Component } from 'vue';
import { i18n } from './i18n';

/** Mounts a section page as the app shows it (with i18n, in the document) and waits for the loads it starts. */
export async function mountSection(page: Component): Promise<VueWrapper> {
  const wrapper = mount(page, { global: { plugins: [i18n] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}
