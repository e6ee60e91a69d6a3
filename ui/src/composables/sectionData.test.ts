import { describe, expect, it } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { useAppStore } from '../stores/app';
import { loadWhenShown } from './sectionData';

describe('loadWhenShown', () => {
  it('loads when shown, and when the database changed: at once if shown, else next time', async () => {
    const active = ref(false);
    const events: string[] = [];
    const scope = effectScope();
    scope.run(() =>
      loadWhenShown(
        () => active.value,
        () => events.push('load'),
        () => events.push('stale'),
      ),
    );
    expect(events).toEqual([]);

    active.value = true;
    await nextTick();
    expect(events).toEqual(['load']);

    useAppStore().databaseChanged();
    await nextTick();
    expect(events).toEqual(['load', 'load']);

    active.value = false;
    await nextTick();
    useAppStore().databaseChanged();
    await nextTick();
    expect(events).toEqual(['load', 'load', 'stale']);

    active.value = true;
    await nextTick();
    expect(events).toEqual(['load', 'load', 'stale', 'load']);
    scope.stop();
  });

  it('loads at once when the section is already shown', () => {
    const events: string[] = [];
    const scope = effectScope();
    scope.run(() =>
      loadWhenShown(
        () => true,
        () => events.push('load'),
      ),
    );
    expect(events).toEqual(['load']);
    scope.stop();
  });
});
