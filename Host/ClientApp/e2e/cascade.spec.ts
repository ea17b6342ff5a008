import { expect, test } from '@playwright/test';
import { admin, adminApi, keep, signIn, userPassword } from './helpers';

// Shanghai 2017 on two levels: the administrator gives a district federation's staff an account of
// that federation; the city launches its campaign over the district; the district's staff see only
// their own campaign (a draft the city's opened for them), cannot put a date later than the city's,
// bring one forward and launch it; the city's page links to the district's campaign from its tree.

test('a district federation receives the city campaign as its own, tightens a date and launches it', async ({ page, request, browser }) => {
  const api = await adminApi(request);
  const rows = [
    '上海市工商联（分级演练）,市工商联,sh-e2e@fic.example,',
    '黄浦区工商联（分级演练）,县级工商联,hp-e2e@fic.example,上海市工商联（分级演练）',
    '黄浦区甲商会（分级演练）,行业商会,jia-e2e@chamber.example,黄浦区工商联（分级演练）',
    '黄浦区乙商会（分级演练）,行业商会,yi-e2e@chamber.example,黄浦区工商联（分级演练）',
  ];
  await api.upload('/api/chambers/import', {
    file: { name: 'cascade.csv', mimeType: 'text/csv', buffer: Buffer.from(`名称,类型,邮箱,上级单位\n${rows.join('\n')}\n`) },
  });
  const district = (await (await request.get(`/api/chambers?search=${encodeURIComponent('黄浦区工商联（分级演练）')}`)).json()).items[0].id as string;

  // The administrator creates the district's staff account, of that federation.
  await signIn(page, admin.email, admin.password);
  await page.goto('/admin/users');
  await page.getByRole('button', { name: '新建用户' }).click();
  const form = page.getByRole('dialog').filter({ hasText: '新建用户' });
  await form.getByLabel('邮箱').fill('hp-staff-e2e@fic.example');
  await form.getByLabel('姓名').fill('黄浦区会员科');
  await form.getByLabel('初始密码').fill(userPassword);
  await form.getByTestId('new-user-federation').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('黄浦区工商联（分级演练）', { exact: true }).click();
  await expect(async () => {
    await form.getByRole('button', { name: /确\s?定|OK/ }).click();
    await expect(form).toHaveCount(0);
  }).toPass();
  await expect(page.getByRole('row', { name: /hp-staff-e2e@fic\.example/ })).toContainText('黄浦区工商联（分级演练）');

  // The city launches its campaign over the district.
  const city = await api.post('/api/campaigns', {
    name: '2026年“四好”商会建设（分级演练）', year: 2026, templateId: 'shanghai-2017-campaign', participantIds: [district], reviewers: ['role:staff'],
  }) as { id: string };
  await api.post(`/api/campaigns/${city.id}/launch`, {});

  // The district's staff see their federation, and only their own campaign.
  const context = await browser.newContext();
  const staff = await context.newPage();
  await signIn(staff, 'hp-staff-e2e@fic.example', userPassword);
  await expect(staff.getByTestId('signed-in-federation')).toHaveText('黄浦区工商联（分级演练）');
  const own = '2026年“四好”商会建设（分级演练）（黄浦区工商联（分级演练））';
  await expect(async () => {
    await staff.goto('/campaigns');
    await expect(staff.getByText(own, { exact: true })).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(staff.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(1);
  await staff.getByText(own, { exact: true }).click();
  await expect(staff.getByTestId('cascade-draft')).toBeVisible();
  await expect(staff.getByTestId('campaign-federation')).toHaveText('黄浦区工商联（分级演练）');
  // The city's step waits for it: it is launched, never deleted.
  await expect(staff.getByTestId('delete-campaign')).toHaveCount(0);
  await keep(staff, 'cascade-district-draft');

  // A summary later than the city's is refused; brought forward, it is saved.
  const summaryDate = async (editor: ReturnType<typeof staff.getByRole>, date: string) => {
    const field = editor.locator('.ant-form-item').filter({ hasText: '年度总结报送截止' }).locator('.ant-picker input');
    await field.click();
    await field.fill(date);
    await field.press('Enter');
  };
  await staff.getByTestId('edit-campaign').click();
  const editor = staff.getByRole('dialog').filter({ hasText: '编辑活动' });
  await editor.getByRole('button', { name: '下一步' }).click();
  await summaryDate(editor, '2026-12-15');
  for (let i = 0; i < 2; i++) await editor.getByRole('button', { name: '下一步' }).click();
  await editor.getByRole('button', { name: /保\s?存/ }).click();
  await expect(editor.getByTestId('wizard-error')).toContainText('不能晚于上级活动的 2026-11-30');
  await keep(staff, 'cascade-date-refused');
  for (let i = 0; i < 2; i++) await editor.getByRole('button', { name: '上一步' }).click();
  await summaryDate(editor, '2026-10-20');
  for (let i = 0; i < 2; i++) await editor.getByRole('button', { name: '下一步' }).click();
  await editor.getByRole('button', { name: /保\s?存/ }).click();
  await expect(editor).toHaveCount(0);

  await staff.getByTestId('launch').click();
  await expect(staff.getByText('启动后将向 2 家参加单位发送通知邮件')).toBeVisible();
  await staff.locator('.ant-modal-confirm').getByRole('button', { name: /启\s?动/ }).click();
  await expect(staff.getByTestId('cascade-draft')).toHaveCount(0, { timeout: 30_000 });
  await context.close();

  // The city's tree links the district to its own campaign, now running.
  await expect.poll(async () => {
    await page.goto(`/campaigns/${city.id}`);
    await page.getByTestId('campaign-timeline').waitFor();
    return page.getByTestId('campaign-tree').getByTestId('tree-row').filter({ hasText: '黄浦区工商联（分级演练）' }).textContent();
  }, { timeout: 30_000 }).toContain('进行中');
  await keep(page, 'cascade-city-tree');
  await page.getByTestId('campaign-tree').getByTestId('federation-campaign').click();
  await expect(page.locator('.ant-card-head-title').first()).toHaveText(own);
  await expect(page.getByTestId('parent-campaign')).toHaveText('2026年“四好”商会建设（分级演练）');
});
