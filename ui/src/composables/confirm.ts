// A removal asked once more in a message box.

import { ElMessageBox } from 'element-plus';

/** A confirmation's words (each already translated). */
export interface Confirmation {
  title: string;
  message: string;
  confirm: string;
  cancel: string;
}

/** Whether the clerk confirmed (closing or cancelling the message box is a no). */
export async function confirmed(words: Confirmation): Promise<boolean> {
  try {
    await ElMessageBox.confirm(words.message, words.title, {
      type: 'warning',
      confirmButtonText: words.confirm,
      cancelButtonText: words.cancel,
    });
    return true;
  } catch {
    return false;
  }
}
