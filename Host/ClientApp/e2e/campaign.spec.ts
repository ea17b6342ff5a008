import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { adminApi, admin, keep, mailsTo, portalLinkFor, signIn, userPassword } from './helpers';

// The demo campaign from end to end, in Chinese, as its users meet it: the administrator imports
// the chambers (one more inside the wizard) and launches a Four-Good campaign; the leader signs off
// the plan in the inbox; staff chase a chamber with a note; a chamber submits through the link in
// its e-mail; staff accept the submission.

test('a campaign is launched, signed off, submitted through the portal and accepted', async ({ page, browser, request }) => {
  const api = await adminApi(request);
  await api.post('/api/users', { email: 'leader@fic.example', displayName: '王主席', password: userPassword, roles: ['leader'] });
  await api.post('/api/users', { email: 'staff@fic.example', displayName: '李干事', password: userPassword, roles: ['staff'] });

  await signIn(page, admin.email, admin.password);
  await keep(page, '01-dashboard-empty');

  // Chambers, from a CSV as Excel users export it.
  await page.getByRole('menuitem', { name: '商会名录' }).click();
  await page.locator('input[type=file]').setInputFiles({
    name: 'chambers.csv', mimeType: 'text/csv',
    buffer: Buffer.from('名称,所属区,邮箱\n鹿城区五马街道商会,鹿城区,wuma@example.com\n温州市服装商会,鹿城区,fz@example.com\n'),
  });
  await expect(page.getByText('导入 2 行：新增 2，更新 0')).toBeVisible();
  // A file that cannot be read replaces that message with its own, rather than standing beside it.
  await page.locator('input[type=file]').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
  await expect(page.getByText('导入 2 行：新增 2，更新 0')).toHaveCount(0);
  await page.locator('input[type=file]').setInputFiles({
    name: 'chambers.csv', mimeType: 'text/csv',
    buffer: Buffer.from('名称,所属区,邮箱\n鹿城区五马街道商会,鹿城区,wuma@example.com\n温州市服装商会,鹿城区,fz@example.com\n'),
  });
  await expect(page.getByText('导入 2 行：新增 0，更新 0')).toBeVisible();
  // The template to fill in downloads; a chamber is edited by hand and the type filter finds it.
  const template = page.waitForEvent('download');
  await page.getByRole('link', { name: /下载模板/ }).click();
  expect((await template).suggestedFilename()).toBe('商会名录模板.csv');
  await page.getByTestId('edit-温州市服装商会').click();
  const chamberEditor = page.getByRole('dialog');
  await chamberEditor.getByLabel('联系人').fill('李四');
  await chamberEditor.getByLabel('类型').click();
  await page.getByTitle('行业商会').click();
  await chamberEditor.getByRole('button', { name: /保\s?存/ }).click();
  await expect(page.getByRole('row', { name: /温州市服装商会/ })).toContainText('李四');
  await page.getByTestId('type-filter').click();
  await page.locator('.ant-select-item-option[title="行业商会"]').click();
  await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await page.getByTestId('type-filter').locator('.ant-select-clear').click();
  await expect(page.locator('tbody tr.ant-table-row')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await keep(page, '02-chambers');

  // The wizard: template, dates, participants, people.
  await page.getByRole('menuitem', { name: '创建活动' }).click();
  await page.getByRole('button', { name: '新建活动' }).click();
  const wizard = page.getByRole('dialog');
  await wizard.locator('.ant-select').first().click();
  await page.getByTitle('“四好”商会创建活动', { exact: true }).click();
  await wizard.getByRole('button', { name: '下一步' }).click();
  // The template's dates, named in Chinese, picked on a calendar and resolved on the business
  // calendar: 30 April 2026 is a working day.
  await expect(wizard.getByText('实施方案报送截止')).toBeVisible();
  // 4月底前: a day off moves it back to the last working day of April, as the notice says 前.
  await expect(wizard.getByText('逢休息日提前到此前最后一个工作日（“月底前”）').first()).toBeVisible();
  await expect(wizard.getByTestId('resolved-date').first()).toContainText('截止日：2026-04-30');
  // Who signs the campaign's notices: the template's organiser, which staff may change.
  await expect(wizard.getByLabel('落款单位（组织方）')).toHaveValue('上海市工商业联合会会员部');
  await wizard.getByRole('button', { name: '下一步' }).click();
  // One more chamber, from a list imported right here: it is added to the directory and picked.
  await wizard.locator('input[type=file]').setInputFiles({
    name: 'more.csv', mimeType: 'text/csv', buffer: Buffer.from('名称,所属区,邮箱\n龙湾区永中街道商会,龙湾区,yz@example.com\n'),
  });
  await expect(wizard.getByText('已导入并选中 1 家商会')).toBeVisible();
  await wizard.getByRole('checkbox', { name: /全部商会/ }).check();
  await expect(wizard.getByText('全部商会 (3)')).toBeVisible();
  await wizard.getByRole('button', { name: '下一步' }).click();
  // People are picked from the accounts, by name: a mistyped address cannot be entered.
  const leaders = wizard.getByTestId('leaders');
  await leaders.locator('input').fill('nobody@nowhere');
  await expect(page.getByText('没有找到，请输入姓名或邮箱')).toBeVisible();
  await leaders.locator('input').fill('王');
  await page.getByTitle('王主席 <leader@fic.example>').click();
  await wizard.getByText('方案签批人（可选）').click(); // closes the open dropdown, which covers the next field
  await wizard.getByTestId('plan-approvers').locator('input').fill('王主席');
  await page.getByTitle('王主席 <leader@fic.example>').last().click();
  await wizard.getByText('方案签批人（可选）').click();
  await expect(leaders).toContainText('王主席 <leader@fic.example>');
  await keep(page, '03-campaign-wizard');
  await wizard.getByRole('button', { name: /保\s?存/ }).click();

  // The draft reopens in the wizard as saved, and is renamed.
  await page.getByTestId('edit-campaign').click();
  const editor = page.getByRole('dialog');
  await expect(editor.getByText('编辑活动')).toBeVisible();
  const name = editor.getByLabel('名称');
  await expect(name).not.toHaveValue('');
  await name.fill('2026年度“四好”商会创建活动（修订）');
  for (let i = 0; i < 3; i++) await editor.getByRole('button', { name: '下一步' }).click();
  await expect(editor.getByTestId('leaders')).toContainText('王主席 <leader@fic.example>');
  await editor.getByRole('button', { name: /保\s?存/ }).click();
  await expect(page.locator('.ant-card-head-title').first()).toHaveText('2026年度“四好”商会创建活动（修订）');

  // 催办 makes no sense before a launch; the launch itself is confirmed.
  await expect(page.getByRole('button', { name: '催办全部逾期' })).toHaveCount(0);
  await page.getByTestId('launch').click();
  await expect(page.getByText('启动后将向 3 家参加单位发送通知邮件')).toBeVisible();
  await page.getByRole('button', { name: /启\s?动/ }).last().click();
  await expect(page.getByText('方案签批', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('awaiting-sign-off')).toContainText('等待方案签批：王主席');
  await keep(page, '04-campaign-awaiting-sign-off');
  const campaignUrl = page.url();
  // The dashboard says what the campaign waits for, and from whom, instead of an empty chart.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByTestId('stages-waiting')).toContainText('王主席签批方案后，各商会开始报送');
  await keep(page, '04b-dashboard-awaiting-sign-off');
  await page.goto(campaignUrl);

  // The leader signs off the plan in the inbox.
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await signIn(leader, 'leader@fic.example', userPassword);
  await expect(leader).toHaveURL(/\/$|\/inbox/);
  const inboxItem = leader.getByRole('menuitem', { name: /我的待办/ });
  await expect(inboxItem.locator('.ant-badge-count')).toHaveText('1');
  await inboxItem.click();
  await leader.getByRole('button', { name: /办\s?理/ }).click();
  await leader.getByRole('textbox').last().fill('同意印发');
  await keep(leader, '05-inbox-sign-off');
  await leader.getByTestId('answer-task').click();
  await expect(leader.getByText('没有待办事项')).toBeVisible();
  // The menu's count follows the answer at once.
  await expect(inboxItem.locator('.ant-badge-count')).toHaveCount(0);
  await leaderContext.close();

  // The chambers are asked: each has its item, and its e-mail with the portal link.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText('待提交').first()).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText('待提交').first()).toBeVisible();
  await keep(page, '06-campaign-running');

  // The campaign by district: a row opens that district's participants, its tag closes it again.
  const districts = page.getByTestId('campaign-districts');
  await expect(districts.getByRole('row', { name: /鹿城区/ })).toContainText('2');
  await districts.getByText('龙湾区').click();
  await expect(page.getByTestId('district-filter')).toHaveText('仅看龙湾区');
  await expect(page.getByRole('row', { name: /鹿城区五马街道商会/ })).toHaveCount(0);
  await expect(page.getByRole('row', { name: /龙湾区永中街道商会/ })).toBeVisible();
  await page.getByTestId('district-filter').locator('.ant-tag-close-icon').click();
  await expect(page.getByRole('row', { name: /鹿城区五马街道商会/ })).toBeVisible();

  // 催办: staff filter the chambers still to submit, pick one and send it a note.
  await page.getByTestId('status-filter').click();
  await page.locator('.ant-select-item-option[title="待提交"]').click();
  await expect(page.getByRole('row', { name: /龙湾区永中街道商会/ })).toBeVisible();
  await page.getByRole('row', { name: /温州市服装商会/ }).getByRole('checkbox').check();
  await page.getByTestId('chase-picked').click();
  await page.getByRole('dialog').getByRole('textbox').fill('请本周内提交实施方案');
  await keep(page, '06b-campaign-chase');
  await page.getByRole('button', { name: '发送催办邮件' }).click();
  await expect(page.getByTestId('chase-result')).toContainText('已催办 1 家');
  await expect.poll(() => mailsTo('fz@example.com').some((m) => m.includes('请本周内提交实施方案')), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => portalLinkFor('wuma@example.com'), { timeout: 30_000 }).not.toBeNull();
  const link = new URL(portalLinkFor('wuma@example.com')!);

  const chamberContext = await browser.newContext();
  const chamber = await chamberContext.newPage();
  await chamber.goto(link.pathname);
  await expect(chamber.getByText('鹿城区五马街道商会，您好')).toBeVisible();
  await expect(chamber.getByTestId('portal-item')).toContainText('贯彻落实意见（实施方案）');
  // Measured on the application's (manual) clock, 1 April: not the browser's.
  await expect(chamber.getByTestId('portal-item')).toContainText('还剩 20 个工作日');
  await chamber.locator('input[type=file]').setInputFiles({ name: '实施方案.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 实施方案') });
  await keep(chamber, '07-portal');
  await chamber.getByRole('button', { name: '提交材料' }).click();
  await expect(chamber.getByText('目前没有需要报送的材料，谢谢！')).toBeVisible();
  // The receipt: what was sent, when, and that it waits for review.
  const receipt = chamber.getByTestId('portal-receipt').first();
  await expect(receipt).toContainText('实施方案.pdf');
  await expect(receipt).toContainText('待审核');
  await expect(receipt).toContainText('（北京时间）提交');
  await keep(chamber, '08-portal-submitted');
  // 考核材料: the chamber documents a standard for the review; the count says how many are still missing.
  const sheet = chamber.getByTestId('evidence-sheet');
  await expect(sheet.getByTestId('evidence-count')).toHaveText('已提供 0 / 11 项');
  await sheet.locator('.ant-collapse-header').first().click();
  await sheet.getByLabel('说明').fill('理事会按期换届，见会议纪要。');
  const saved = chamber.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/note'));
  await sheet.getByRole('button', { name: '保存说明' }).click();
  expect((await saved).status()).toBe(200);
  await expect(sheet.getByTestId('evidence-count')).toHaveText('已提供 1 / 11 项');
  await expect(sheet.getByTestId('evidence-missing')).toHaveCount(10);
  await keep(chamber, '08a-portal-evidence');
  // Chambers open their link on a phone: the receipt fits the screen, nothing scrolls sideways.
  await chamber.setViewportSize({ width: 390, height: 844 });
  await expect(chamber.getByTestId('portal-receipt').first()).toBeVisible();
  expect(await chamber.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await keep(chamber, '08b-portal-phone');
  await chamberContext.close();

  // Staff accept it; the chamber moves on to the year-end summary.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, 'staff@fic.example', userPassword);
  await staff.getByRole('menuitem', { name: /我的待办/ }).click();
  await staff.getByRole('button', { name: /办\s?理/ }).click();
  // What the chamber sent opens from the task: a download of the very file.
  const file = staff.getByTestId('task-file');
  await expect(file).toHaveText(/实施方案\.pdf/);
  const download = staff.waitForEvent('download');
  await file.click();
  expect((await download).suggestedFilename()).toBe('实施方案.pdf');
  expect((await readFile((await (await download).path())!)).toString()).toBe('%PDF-1.4 实施方案');
  // Leaders and staff answer on their phones too: the task and its file fit the screen.
  await staff.setViewportSize({ width: 390, height: 844 });
  await expect(staff.getByTestId('task-file')).toBeVisible();
  await expect(staff.getByTestId('answer-task')).toBeInViewport();
  expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await keep(staff, '08c-inbox-phone');
  await staff.getByTestId('answer-task').click();
  await expect(staff.getByText('没有待办事项')).toBeVisible();
  await staffContext.close();

  await page.goto(campaignUrl);
  await expect(page.getByRole('cell', { name: '报送年度总结', exact: true }).first()).toBeVisible();
  // Staff see, before the review, who has documented how many standards, and which are missing.
  const documented = page.getByTestId('participant-evidence').filter({ hasText: '1 / 11' });
  await expect(documented).toHaveCount(1);
  await documented.click();
  await expect(page.getByRole('tooltip')).toContainText('缺材料的标准');
  // 示范单位: staff pick a participant to show the way, with why; the card and the list say so.
  await page.getByTestId('make-demonstration').first().click();
  await page.getByLabel('理由（如：基础扎实、做法可推广）').fill('基础扎实，做法可推广');
  await page.getByRole('dialog').getByRole('button', { name: '设为示范' }).click();
  await expect(page.getByTestId('demonstration-unit')).toContainText('基础扎实，做法可推广');
  await expect(page.getByTestId('demonstration-tag')).toHaveCount(1);
  await keep(page, '09-campaign-after-acceptance');

  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.locator('canvas').first()).toBeVisible();
  await keep(page, '10-dashboard');
});
