// The 操作人 a page records its changes with: a setting kept in the database (设置), edited in
// place on the page and saved when the field is left. `require` asks for it before a change (a
// warning, the field focused); a failed save goes to `onError`.

import type { Ref } from 'vue';
import { storeToRefs } from 'pinia';
import { ElMessage, type ElInput } from 'element-plus';
import type { AppError } from '../api/error';
import { useSettingsStore } from '../stores/settings';

/** `input`: the page's 操作人 field (its template ref), focused when the name is missing. */
export function useOperator(input: Ref<InstanceType<typeof ElInput> | null>, onError: (error: AppError) => void) {
  const settings = useSettingsStore();
  const { operator } = storeToRefs(settings);

  /** Whether there is an operator; if not, says `warning` and focuses the field. */
  function require(warning: string): boolean {
    if (operator.value.trim() !== '') return true;
    ElMessage.warning(warning);
    input.value?.focus();
    return false;
  }

  /** Saves the name typed (on the field's `change`). */
  async function save(): Promise<void> {
    try {
      await settings.saveOperator(operator.value);
    } catch (error) {
      onError(error as AppError);
    }
  }

  return { operator, require, save };
}
