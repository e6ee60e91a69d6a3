import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { clearMocks } from '@tauri-apps/api/mocks';
import type { ProfileInfo, ProfileLoad } from '../../api/profile';
import type { Profile } from '../../api/types';
import { useAppStore } from '../../stores/app';
import { useSettingsStore } from '../../stores/settings';
import { nationalProfile } from './fixture';
import RulesPage from './index.vue';
import { fakeShell, mountSection, type ShellCall } from '../../test-utils';

type Calls = ShellCall[];

const national: ProfileInfo = {
  id: 'national',
  name: '全国默认规则',
  version: '2019.06-1',
  custom: false,
  file: null,
  notice: null,
};
const province: ProfileInfo = {
  id: 'province',
  name: '某省规则',
  version: '2026.1',
  custom: true,
  file: 'D:\\规则\\某省规则.toml',
  notice: null,
};
const provinceProfile: Profile = {
  ...nationalProfile,
  meta: { ...nationalProfile.meta, id: 'province', name: '某省规则', version: '2026.1' },
};

interface Shell {
  profile: Profile;
  load: ProfileLoad | null;
}

function mockShell(calls: Calls, shell: Shell): void {
  fakeShell(
    {
      profile: () => shell.profile,
      profile_load: () => {
        if (shell.load?.status === 'active') shell.profile = provinceProfile;
        return shell.load;
      },
      profile_reset: () => {
        shell.profile = nationalProfile;
        return national;
      },
    },
    calls,
  );
}

const mountPage = (): Promise<VueWrapper> => mountSection(RulesPage);

describe('规则 page: the rule file in force', () => {
  let calls: Calls;
  let shell: Shell;
  beforeEach(() => {
    calls = [];
    shell = { profile: nationalProfile, load: null };
    useSettingsStore().setProfile(national);
  });
  afterEach(() => {
    clearMocks();
    document.body.innerHTML = '';
  });

  it('shows the national rules as active; reset is offered only for a local file', async () => {
    mockShell(calls, shell);
    const page = await mountPage();
    expect(page.get('[data-test="profile-active-name"]').text()).toBe('全国默认规则（版本 2019.06-1）');
    expect(page.get('[data-test="profile-kind"]').text()).toBe('国家默认规则');
    expect((page.get('[data-test="profile-reset"]').element as HTMLButtonElement).disabled).toBe(true);
    expect(page.find('[data-test="profile-file"]').exists()).toBe(false);
    page.unmount();
  });

  it('lists every problem of a refused file and keeps the rules in force', async () => {
    shell.load = {
      status: 'invalid',
      file: 'D:\\规则\\坏规则.toml',
      problems: [
        '最低任职年限「一级科长」：晋升目标职级「一级科长」未定义',
        '职级「一级科员」：缺少晋升该职级的最低任职年限（min_service）',
      ],
    };
    mockShell(calls, shell);
    const page = await mountPage();
    await page.get('[data-test="profile-load"]').trigger('click');
    await flushPromises();
    const problems = page.get('[data-test="profile-problems"]');
    expect(problems.text()).toContain('规则文件「D:\\规则\\坏规则.toml」有误，未采用（仍使用当前规则）：');
    expect(problems.findAll('[data-test="profile-problem"]').map((li) => li.text())).toEqual([
      '最低任职年限「一级科长」：晋升目标职级「一级科长」未定义',
      '职级「一级科员」：缺少晋升该职级的最低任职年限（min_service）',
    ]);
    expect(page.get('[data-test="profile-active-name"]').text()).toBe('全国默认规则（版本 2019.06-1）');
    expect(calls.map((c) => c.cmd)).toEqual(['profile', 'profile_load']);
    expect(useAppStore().dataVersion).toBe(0);
    page.unmount();
  });

  it('a valid file becomes active: the page shows it, every section recomputes; reset goes back', async () => {
    shell.load = { status: 'active', profile: province };
    mockShell(calls, shell);
    const page = await mountPage();
    await page.get('[data-test="profile-load"]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test="profile-message"]').text()).toBe(
      '已启用规则「某省规则」（版本 2026.1），各页面将按新规则重新计算',
    );
    expect(calls.map((c) => c.cmd)).toEqual(['profile', 'profile_load', 'profile']);
    expect(page.get('[data-test="profile-active-name"]').text()).toBe('某省规则（版本 2026.1）');
    expect(page.get('[data-test="profile-kind"]').text()).toBe('本地规则文件');
    expect(page.get('[data-test="profile-file"]').text()).toContain('D:\\规则\\某省规则.toml');
    expect(useAppStore().dataVersion).toBe(1);

    await page.get('[data-test="profile-reset"]').trigger('click');
    await flushPromises();
    const confirm = document.body.querySelector<HTMLButtonElement>('.el-message-box__btns .el-button--primary');
    expect(confirm?.textContent?.trim()).toBe('恢复国家默认规则');
    confirm?.click();
    await vi.waitFor(() => expect(calls.slice(3).map((c) => c.cmd)).toEqual(['profile_reset', 'profile']), {
      timeout: 10_000,
    });
    await flushPromises();
    expect(calls.slice(3).map((c) => c.cmd)).toEqual(['profile_reset', 'profile']);
    expect(page.get('[data-test="profile-message"]').text()).toBe('已恢复国家默认规则「全国默认规则」');
    expect(page.get('[data-test="profile-active-name"]').text()).toBe('全国默认规则（版本 2019.06-1）');
    expect(page.get('[data-test="profile-kind"]').text()).toBe('国家默认规则');
    page.unmount();
  });

  it('says when the remembered rule file could not be applied at start-up', async () => {
    useSettingsStore().setProfile({
      ...national,
      notice: '上次使用的规则文件「D:\\规则\\某省.toml」现在无法采用，已改用全国默认规则：规则文件有误',
    });
    mockShell(calls, shell);
    const page = await mountPage();
    expect(page.get('[data-test="profile-notice"]').text()).toContain(
      '上次使用的规则文件「D:\\规则\\某省.toml」现在无法采用',
    );
    page.unmount();
  });
});
