// Vitest helpers shared by the section pages' tests.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { mockIPC } from '@tauri-apps/api/mocks';
import { defineComponent, h, type Component } from 'vue';
import { COMMAND_NAMES, type CommandName, type Commands } from './api/generated';
import { i18n } from './i18n';

/**
 * ECharts draws on a canvas, which jsdom has not: the chart component (`vue-echarts`, named
 * Echarts) shows its option's series as text instead — each series' name and values.
 */
export const ChartStub = defineComponent({
  // eslint-disable-next-line vue/multi-word-component-names -- the name vue-echarts gives its component
  name: 'Echarts',
  props: { option: { type: Object, required: true } },
  setup(props) {
    type Point = number | { value: number };
    const value = (d: Point) => (typeof d === 'object' ? d.value : d);
    return () =>
      h(
        'div',
        { 'data-test': 'chart-stub' },
        JSON.stringify(
          (props.option as { series: { name: string; data: Point[] }[] }).series.map((s) => [
            s.name,
            ...s.data.map(value),
          ]),
        ),
      );
  },
});

/** Mounts a section page as the app shows it (with i18n, in the document, charts as text) and waits for the loads it starts. */
export async function mountSection(page: Component): Promise<VueWrapper> {
  const wrapper = mount(page, { global: { plugins: [i18n], stubs: { Echarts: ChartStub } }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

/** A call the page made of the fake shell. */
export interface ShellCall {
  cmd: CommandName;
  args: Record<string, unknown>;
}

/**
 * What the fake shell answers: per command, its answer to the call's arguments (a value, a
 * promise, or a throw for a refusal), typed as the command's Rust function takes and answers.
 */
export type ShellAnswers = {
  [K in CommandName]?: (args: Commands[K]['args']) => Commands[K]['answer'] | Promise<Commands[K]['answer']>;
};

/**
 * Stands in for the Rust shell (`mockIPC`) with the answers given, and records every call. A
 * call of a name the shell does not have, or of a command the test gave no answer for, fails
 * the call with that said. The calls go into `calls` (a new list unless given), which is returned.
 */
export function fakeShell(answers: ShellAnswers, calls: ShellCall[] = []): ShellCall[] {
  mockIPC((cmd, args) => {
    if (!(COMMAND_NAMES as readonly string[]).includes(cmd))
      throw new Error(`「${cmd}」 is not a command of the shell`);
    const name = cmd as CommandName;
    calls.push({ cmd: name, args: (args ?? {}) as Record<string, unknown> });
    // One command's answer, called with what the page sent (the arguments `call` typed for it).
    const answer = answers[name] as ((args: unknown) => unknown) | undefined;
    if (!answer) throw new Error(`no answer for 「${cmd}」 in this test`);
    return answer(args ?? {});
  });
  return calls;
}

/** Refusals by command: what the fake shell throws instead of answering (`{ code, message }` as the shell sends it). */
export type ShellFailures = { [K in CommandName]?: unknown };

/**
 * `answers` with the commands of `failures` refused with their error (`{ code, message }` as the
 * shell sends it) — looked up at each call, so a test may add a failure after the shell is set up.
 */
export function failing(failures: ShellFailures, answers: ShellAnswers): ShellAnswers {
  return new Proxy(answers, {
    get(target, cmd) {
      const failure = typeof cmd === 'string' ? failures[cmd as CommandName] : undefined;
      if (failure !== undefined) {
        return () => {
          throw failure;
        };
      }
      return target[cmd as CommandName];
    },
  });
}
