import { expect, test, type Page } from '@playwright/test';
import { admin, adminApi, keep, signIn, userPassword } from './helpers';

// 拟认定名单 to title: two chambers pass the review, the list names one (the quota); staff are
// refused a second, take the first off and put the other on, each with the reason; the leader
// decides it in the inbox; the published decision grants the title, which the chamber directory
// shows with its history, and staff remove it (摘牌) with the reason. (Runs after meetings.spec,
// on the clock it left: it moves nothing.)

const chambers = [{ name: '瑞安市汽摩配商会', share: 1 }, { name: '平阳县皮革商会', share: 0.9 }];

test('staff adjust the shortlist with reasons, the leader decides it, and the title it grants is kept and removed on the chamber page', async ({ page, request }) => {
  const api = await adminApi(request);
  await api.post('/api/users', { email: 'honours-staff@fic.example', displayName: '陈干事', password: userPassword, roles: ['staff'] });
  await api.upload('/api/chambers/import', {
    file: { name: 'chambers.csv', mimeType: 'text/csv', buffer: Buffer.from(`名称,邮箱\n${chambers.map((c, i) => `${c.name},r${i}@chamber.example`).join('\n')}\n`) },
  });
  const ids: string[] = [];
  for (const chamber of chambers) {
    const found = await (await request.get(`/api/chambers?search=${encodeURIComponent(chamber.name)}`)).json();
    ids.push(found.items.find((c: { name: string }) => c.name === chamber.name).id);
  }

  const literal = (value: string, typeName = 'String') => ({ typeName, expression: { type: 'Literal', value } });
  const at = (x: number) => ({ designer: { position: { x, y: 0 } } });
  const link = (from: string, port: string, to: string) => ({ source: { activity: from, port }, target: { activity: to, port: 'In' } });
  // Each chamber's part: the review (scored here by the administrator), then 达标 for the decision to name or not.
  await api.post('/api/workflow-definitions/import', {
    definitionId: 'e2e-recognition-chamber', name: '认定演练：每个商会', isPublished: true,
    variables: [{ id: 'review', name: 'review', typeName: 'Object' }],
    root: {
      type: 'Elsa.Flowchart', id: 'flow',
      activities: [
        { id: 'start', type: 'Elsa.Start', metadata: at(0) },
        { id: 'review', type: 'Chamber.RubricReview', rubric: literal('four-good'), chamber: { typeName: 'String', expression: { type: 'JavaScript', value: "getInput('chamberId')" } },
          reviewers: literal('role:admin', 'Object'), result: { typeName: 'Object', memoryReference: { id: 'review' } }, metadata: at(200) },
        { id: 'commend', type: 'Chamber.Commend', chamber: { typeName: 'String', expression: { type: 'JavaScript', value: "getInput('chamberId')" } },
          review: { typeName: 'Object', expression: { type: 'Variable', value: 'review' } }, honour: literal('瑞安示范商会'), letterNow: literal('false', 'Boolean'),
          metadata: at(400) },
      ],
      connections: [link('start', 'Done', 'review'), link('review', 'Passed', 'commend')],
    },
  });
  await api.post('/api/workflow-definitions/import', {
    definitionId: 'e2e-recognition', name: '认定演练', isPublished: true,
    customProperties: { rubric: 'four-good', participantWorkflow: 'e2e-recognition-chamber', honourKind: 'recognition' },
    root: {
      type: 'Elsa.Flowchart', id: 'flow',
      activities: [
        { id: 'start', type: 'Elsa.Start', metadata: at(0) },
        { id: 'participants', type: 'Chamber.ForEachParticipant', workflowDefinitionId: literal('e2e-recognition-chamber'), untilStage: literal('review'), metadata: at(200) },
        { id: 'shortlist', type: 'Chamber.HonoursShortlist', honour: literal('瑞安示范商会'), kind: literal('recognition'), quota: literal('1', 'Object'), metadata: at(400) },
        { id: 'sign', type: 'Chamber.SignOff', title: literal('审定：认定演练拟认定名单'), approvers: literal('honours-staff@fic.example', 'Object'), metadata: at(600) },
        { id: 'draft', type: 'Chamber.DraftNotice', kind: literal('decision'), issuer: literal('瑞安市工商业联合会'), honour: literal('瑞安示范商会'), metadata: at(800) },
        { id: 'publish', type: 'Chamber.PublishNotice', kind: literal('decision'), commendationLetters: literal('true', 'Boolean'), metadata: at(1000) },
      ],
      connections: [link('start', 'Done', 'participants'), link('participants', 'Done', 'shortlist'), link('shortlist', 'Done', 'sign'),
        link('sign', 'Approved', 'draft'), link('draft', 'Done', 'publish')],
    },
  });
  const campaign = await api.post('/api/campaigns', { name: '2026年瑞安示范商会认定', year: 2026, templateId: 'e2e-recognition', participantIds: ids }) as { id: string };
  await api.post(`/api/campaigns/${campaign.id}/launch`, {});

  // The reviews, scored full and nine tenths.
  const rubric = await (await request.get('/api/rubrics/four-good')).json() as { items: { id: string; maxScore: number; veto: boolean; indicator?: unknown }[] };
  const scored = rubric.items.filter((i) => !i.veto && !i.indicator);
  let reviews: { id: string; task: { kind: string; context: Record<string, string> } }[] = [];
  await expect.poll(async () => {
    reviews = ((await (await request.get('/api/tasks?pageSize=100')).json()).items as typeof reviews).filter((x) => x.task.kind === 'RubricReview'
      && chambers.some((c) => c.name === x.task.context.chamber));
    return reviews.length;
  }, { timeout: 30_000 }).toBe(2);
  for (const review of reviews) {
    const share = chambers.find((c) => c.name === review.task.context.chamber)!.share;
    await api.post(`/api/tasks/${review.id}/complete`, { action: 'score', scores: Object.fromEntries(scored.map((i) => [i.id, i.maxScore * share])), vetoes: [] });
  }

  await signIn(page, 'honours-staff@fic.example', userPassword);
  const card = await shortlistOf(page, campaign.id);
  await expect(card.getByTestId('shortlist-status')).toHaveText('待领导审定');
  await expect(card).toContainText('拟认定名单');
  await expect(card.getByTestId('shortlist-summary')).toContainText('达标单位 2 个，列入名单 1 个。 名额 1 个。');
  const row = (name: string) => card.getByTestId('shortlist-entry').filter({ hasText: name });
  await expect(row(chambers[0].name)).toContainText('列入');
  await expect(row(chambers[1].name)).toContainText('未列入');

  // The quota is full: the second is refused until the first is taken off, each change with its reason.
  const change = async (name: string, reason: string) => {
    await row(name).getByTestId('change-honour').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('honour-reason').fill(reason);
    await dialog.getByRole('button', { name: /提\s?交/ }).click();
    return dialog;
  };
  const refused = await change(chambers[1].name, '皮革行业转型成效突出');
  await expect(refused.getByRole('alert')).toContainText('名额 1 个已满');
  await refused.getByRole('button', { name: /取\s?消/ }).click();
  await change(chambers[0].name, '按会长办公会意见调整');
  await expect(row(chambers[0].name)).toContainText('未列入');
  await expect(row(chambers[0].name)).toContainText('按会长办公会意见调整');
  await change(chambers[1].name, '皮革行业转型成效突出');
  await expect(row(chambers[1].name)).toContainText('列入');
  await expect(row(chambers[1].name)).not.toContainText('未列入');
  await keep(page, 'honours-shortlist');

  // The leader decides it in the inbox; then the list no longer changes, and the decision is published.
  await page.goto('/inbox');
  await page.getByRole('row', { name: /审定：认定演练拟认定名单/ }).getByRole('button', { name: /办\s?理/ }).click();
  await expect(page.getByTestId('task-files')).toContainText('瑞安示范商会拟认定名单.docx');
  await page.getByTestId('answer-task').click();
  await expect(page.getByText('审定：认定演练拟认定名单')).toHaveCount(0);
  const decided = await shortlistOf(page, campaign.id, '决定已印发');
  await expect(decided.getByTestId('change-honour')).toHaveCount(0);

  // The title, on the chamber directory: held with its history; staff remove it with the reason.
  await page.goto('/chambers');
  await page.getByTestId(`titles-${chambers[1].name}`).click();
  const drawer = page.getByTestId('chamber-titles');
  const title = drawer.getByTestId('chamber-title');
  await expect(title).toContainText('瑞安示范商会');
  await expect(title).toContainText('持有');
  await expect(title).toContainText('2029');
  await expect(title).toContainText('2026年瑞安示范商会认定');
  await keep(page, 'chamber-titles');

  // A recognition's next campaign (a re-check) takes its participants from the title's holders.
  await page.keyboard.press('Escape');
  await page.goto('/campaigns');
  await page.getByRole('button', { name: '新建活动' }).click();
  const wizard = page.getByRole('dialog');
  await wizard.locator('.ant-select').first().click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('认定演练', { exact: true }).click();
  await wizard.getByRole('button', { name: '下一步' }).click();
  await expect(wizard.getByTestId('honour-kind').getByRole('radio', { name: '认定' })).toBeChecked();
  await wizard.getByRole('button', { name: '下一步' }).click();
  await wizard.getByTestId('pick-holders').filter({ hasText: '选择“瑞安示范商会”持有单位（1）' }).click();
  await expect(wizard.getByRole('row', { name: new RegExp(chambers[1].name) }).getByRole('checkbox')).toBeChecked();
  await expect(wizard.getByRole('row', { name: new RegExp(chambers[0].name) }).getByRole('checkbox')).not.toBeChecked();
  await page.keyboard.press('Escape');

  await page.goto('/chambers');
  await page.getByTestId(`titles-${chambers[1].name}`).click();
  await title.getByTestId('remove-title').click();
  const removal = page.getByRole('dialog').filter({ hasText: '撤销“瑞安示范商会”称号' });
  await removal.getByTestId('title-reason').fill('年检不合格，名存实亡');
  await removal.getByRole('button', { name: '撤销称号' }).click();
  await expect(title).toContainText('已撤销');
  await expect(title).toContainText('年检不合格，名存实亡');
  await expect(title.getByTestId('remove-title')).toHaveCount(0);
});

/** The campaign page's shortlist card once it is there (and, when given, in that state). */
async function shortlistOf(page: Page, campaignId: string, status?: string) {
  const card = page.getByTestId('shortlist');
  await expect.poll(async () => {
    await page.goto(`/campaigns/${campaignId}`);
    await page.getByTestId('campaign-timeline').waitFor();
    return (await card.count()) > 0 && (!status || (await card.getByTestId('shortlist-status').textContent()) === status);
  }, { timeout: 30_000 }).toBe(true);
  return card;
}

// Standards as data: the administrator lowers the Five-Good coverage threshold to 10 % with the
// reason; the rubric is at version 2, and version 1 still opens as it was.
test('an administrator revises a rubric into a new version and the old one stays readable', async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto('/rubrics');
  const header = page.getByTestId('rubric-five-good');
  await header.click();
  await expect(header.getByTestId('rubric-version')).toHaveText('第 1 版');
  await page.getByTestId('edit-rubric-five-good').click();
  const editor = page.getByTestId('rubric-editor');
  await editor.getByLabel('指标门槛 members-coverage').fill('10');
  await editor.getByLabel('及格线').fill('500');
  // A standard scored by hand becomes one computed from the 台账: members in the database ÷ members ≥ 90 %.
  await editor.locator('tr').filter({ has: page.getByLabel('方面 members-database') }).locator('.ant-table-row-expand-icon').click();
  // Each choice waits for its list to close: a select clicked while the last one is still fading does not open.
  const choose = async (label: string, title: string) => {
    await editor.getByLabel(label).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(title, { exact: true }).click();
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  };
  await choose('计算方式 members-database', '比例（≥ 门槛）');
  await choose('分子 members-database', '已录入会员数据库的会员数');
  await choose('分母 members-database', '会员总数');
  await editor.getByLabel('指标门槛 members-database').fill('90');
  await editor.getByLabel('修改说明').fill('依据本地实际，会员覆盖面调整为10%');
  await editor.getByTestId('save-rubric').click();
  await expect(editor.getByTestId('rubric-error')).toContainText('及格线应大于 0 且不超过总分 100');
  await editor.getByLabel('及格线').fill('80');
  await editor.getByTestId('save-rubric').click();
  await expect(editor).toHaveCount(0);
  await expect(header.getByTestId('rubric-version')).toHaveText('第 2 版');
  const panel = page.locator('.ant-collapse-item').filter({ has: header });
  await expect(panel.getByTestId('indicator').first()).toHaveText('按数据计算 ≥ 10%');
  await expect(panel.getByRole('row', { name: /会员数据库与工作台帐完善/ }).getByTestId('indicator')).toHaveText('按数据计算 ≥ 90%');
  const versions = panel.getByTestId('rubric-version-entry');
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText('依据本地实际，会员覆盖面调整为10%');
  await keep(page, 'rubric-versions');
  await versions.nth(1).getByRole('button', { name: /查\s?看/ }).click();
  await expect(header.getByTestId('rubric-version')).toHaveText('第 1 版');
  await expect(panel.getByTestId('indicator').first()).toHaveText('按数据计算 ≥ 30%');
  await expect(page.getByTestId('edit-rubric-five-good')).toHaveCount(0);
});

// 台账: a chamber enters last year's and this year's figures on its portal page (last year's shown
// beside this year's); staff confirm this year's and return last year's with the reason, which the
// chamber then reads.
test('a chamber enters its ledger on the portal and staff confirm one year and return the other', async ({ page, browser, request }) => {
  const api = await adminApi(request);
  await api.upload('/api/chambers/import', {
    file: { name: 'ledger.csv', mimeType: 'text/csv', buffer: Buffer.from('名称,邮箱\n苍南县印刷商会,cangnan@chamber.example\n') },
  });
  const found = await (await request.get(`/api/chambers?search=${encodeURIComponent('苍南县印刷商会')}`)).json();
  const chamberId = found.items[0].id as string;
  const { link } = await api.post(`/api/chambers/${chamberId}/portal-link`, {}) as { link: string };

  const chamber = await browser.newPage();
  await chamber.goto(new URL(link).pathname);
  const ledger = chamber.getByTestId('portal-ledger');
  await ledger.getByText('2025年', { exact: true }).click();
  await ledger.getByLabel('会员总数（家）').fill('900');
  await ledger.getByTestId('submit-ledger').click();
  await expect(ledger.getByTestId('ledger-status')).toHaveText('待确认');
  await ledger.getByText('2026年', { exact: true }).click();
  await expect(ledger.getByText('上年：900')).toBeVisible();
  await ledger.getByLabel('会员总数（家）').fill('1000');
  await ledger.getByLabel('已录入会员数据库的会员数（家）').fill('1200');
  await ledger.getByTestId('submit-ledger').click();
  await expect(ledger.getByTestId('ledger-error')).toContainText('“已录入会员数据库的会员数”不能大于“会员总数”');
  await ledger.getByLabel('已录入会员数据库的会员数（家）').fill('950');
  await ledger.getByTestId('submit-ledger').click();
  await expect(ledger.getByText('已提交，待工商联确认。')).toBeVisible();
  await keep(chamber, 'portal-ledger');

  await signIn(page, admin.email, admin.password);
  await page.goto('/chambers');
  await page.getByTestId('ledger-苍南县印刷商会').click();
  const drawer = page.getByTestId('chamber-ledgers');
  const year = (y: number) => drawer.getByTestId('ledger-year').filter({ hasText: `${y}年` });
  await expect(year(2026)).toContainText('上年：900');
  await year(2026).getByTestId('confirm-ledger').click();
  await expect(year(2026).getByTestId('ledger-status')).toHaveText('已确认');
  await year(2025).getByTestId('return-ledger').click();
  const returning = page.getByRole('dialog').filter({ hasText: '退回2025年台账' });
  await expect(returning.getByTestId('ledger-reason')).toBeVisible();
  await returning.getByTestId('ledger-reason').fill('会员数与年检报告不符，请核对');
  await returning.getByRole('button', { name: /退\s?回/ }).click();
  await expect(returning).toHaveCount(0);
  await expect(year(2025).getByTestId('ledger-status')).toHaveText('已退回');
  await keep(page, 'chamber-ledgers');

  await chamber.reload();
  await expect(chamber.getByTestId('portal-ledger').getByTestId('ledger-status')).toHaveText('已确认');
  await chamber.getByTestId('portal-ledger').getByText('2025年', { exact: true }).click();
  await expect(chamber.getByTestId('ledger-returned')).toContainText('会员数与年检报告不符，请核对');
  await chamber.close();
});
