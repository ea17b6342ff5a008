import { expect, test } from '@playwright/test';
import { adminApi, keep, portalLinkFor, signIn, userPassword } from './helpers';

// A work meeting held once for a whole campaign: each chamber finds the invitation on its portal
// and sends its 回执; when the meeting is over, staff open the sign-in sheet from their task,
// tick who came, write the minutes and finish the record. Then the circular: on public notice for
// a day, objected to and answered, signed and downloaded. (Runs after meeting.spec: it moves the
// manual clock from 09:00 on 1 April to the end of 2 April.)

const chambers = [
  { name: '永嘉县桥头纽扣商会', email: 'qiaotou@chamber.example' },
  { name: '乐清市电器商会', email: 'yueqing@chamber.example' },
];

test('chambers reply from their portal and staff keep one sign-in sheet with the minutes', async ({ page, browser, request }) => {
  const api = await adminApi(request);
  await api.post('/api/users', { email: 'meeting-staff@fic.example', displayName: '周干事', password: userPassword, roles: ['staff'] });
  await api.upload('/api/chambers/import', {
    file: { name: 'chambers.csv', mimeType: 'text/csv', buffer: Buffer.from(`名称,邮箱\n${chambers.map((c) => `${c.name},${c.email}`).join('\n')}\n`) },
  });
  const ids: string[] = [];
  for (const chamber of chambers) {
    const found = await (await request.get(`/api/chambers?search=${encodeURIComponent(chamber.name)}`)).json();
    ids.push(found.items.find((c: { name: string }) => c.name === chamber.name).id);
  }

  // A template whose meeting is this morning, invited at once (the clock stands at 09:00 Beijing, 1 April).
  const literal = (value: string, typeName = 'String') => ({ typeName, expression: { type: 'Literal', value } });
  await api.post('/api/workflow-definitions/import', {
    definitionId: 'e2e-campaign-meeting', name: '四月工作例会演练', isPublished: true,
    customProperties: { rubric: 'four-good', participantWorkflow: 'four-good-chamber' },
    root: {
      type: 'Elsa.Flowchart', id: 'flow',
      activities: [
        { id: 'start', type: 'Elsa.Start', metadata: { designer: { position: { x: 0, y: 0 } } } },
        { id: 'fork', type: 'Elsa.FlowFork', branches: { typeName: 'String[]', expression: { type: 'Object', value: '["Participants","Meeting"]' } },
          metadata: { designer: { position: { x: 200, y: 0 } } } },
        { id: 'participants', type: 'Chamber.ForEachParticipant', workflowDefinitionId: literal('four-good-chamber'), untilStage: literal('review'),
          metadata: { designer: { position: { x: 420, y: -100 } } } },
        { id: 'april-meeting', type: 'Chamber.CampaignMeeting', title: literal('四月工作例会'), meetingDate: literal('2026-04-01'),
          meetingTime: literal('10:00'), durationMinutes: literal('60', 'Int32'), location: literal('温州市工商联三楼会议室'),
          description: literal('各商会交流创建工作开局情况。'), noticeDays: literal('1', 'Int32'), recorders: literal('role:staff', 'Object'),
          metadata: { designer: { position: { x: 420, y: 100 } } } },
        { id: 'draft', type: 'Chamber.DraftNotice', kind: literal('circular'), title: literal('关于四月工作例会情况的通报'), number: literal('温工商联〔2026〕3号'),
          issuer: literal('温州市工商业联合会'), honour: literal('2026年度“四好”商会'), metadata: { designer: { position: { x: 640, y: 100 } } } },
        { id: 'publicity', type: 'Chamber.PublicityPeriod', kind: literal('circular'), workingDays: literal('1', 'Int32'),
          metadata: { designer: { position: { x: 750, y: 250 } } } },
        { id: 'sign', type: 'Chamber.SignOff', title: literal('签发：关于四月工作例会情况的通报'), approvers: literal('meeting-staff@fic.example', 'Object'),
          metadata: { designer: { position: { x: 860, y: 100 } } } },
        { id: 'publish', type: 'Chamber.PublishNotice', kind: literal('circular'), metadata: { designer: { position: { x: 1080, y: 100 } } } },
      ],
      connections: [
        { source: { activity: 'start', port: 'Done' }, target: { activity: 'fork', port: 'In' } },
        { source: { activity: 'fork', port: 'Participants' }, target: { activity: 'participants', port: 'In' } },
        { source: { activity: 'fork', port: 'Meeting' }, target: { activity: 'april-meeting', port: 'In' } },
        { source: { activity: 'april-meeting', port: 'Done' }, target: { activity: 'draft', port: 'In' } },
        { source: { activity: 'draft', port: 'Done' }, target: { activity: 'publicity', port: 'In' } },
        { source: { activity: 'publicity', port: 'Done' }, target: { activity: 'sign', port: 'In' } },
        { source: { activity: 'sign', port: 'Approved' }, target: { activity: 'publish', port: 'In' } },
      ],
    },
  });
  const campaign = await api.post('/api/campaigns', { name: '2026年四月工作例会演练', year: 2026, templateId: 'e2e-campaign-meeting', participantIds: ids }) as { id: string };
  await api.post(`/api/campaigns/${campaign.id}/launch`, {});

  // The chamber's portal: the invitation with its reply date; attending needs who comes.
  await expect.poll(() => portalLinkFor(chambers[0].email), { timeout: 30_000 }).not.toBeNull();
  const chamberPage = await browser.newPage();
  await chamberPage.goto(new URL(portalLinkFor(chambers[0].email)!).pathname);
  const invitation = chamberPage.getByTestId('portal-meeting').filter({ hasText: '四月工作例会' });
  await expect(invitation).toContainText('请于 2026年4月1日 前回执');
  await expect(invitation).toContainText('温州市工商联三楼会议室');
  await invitation.getByText('参加', { exact: true }).click();
  await expect(invitation.getByTestId('send-reply')).toBeDisabled();
  await invitation.getByLabel('参会人员').fill('陈会长、林秘书长');
  await invitation.getByTestId('send-reply').click();
  await expect(invitation.getByText('回执已提交，截止前可修改。')).toBeVisible();
  await expect(invitation.getByTestId('meeting-reply')).toHaveText('参加');
  await keep(chamberPage, 'meeting-portal-reply');
  await chamberPage.close();

  // The meeting is over: staff find the sheet through their task.
  await api.post('/api/clock/advance', { to: '2026-04-01T03:01:00Z' });
  await signIn(page, 'meeting-staff@fic.example', userPassword);
  await page.goto('/inbox');
  await page.getByRole('row', { name: /签到与纪要：四月工作例会/ }).getByRole('button', { name: /办\s?理/ }).click();
  await page.getByTestId('open-meeting-sheet').click();
  const sheet = page.getByTestId('meeting-sheet');
  await expect(sheet).toContainText('参加 1 · 不参加 0 · 未回执 1');
  await expect(sheet.getByRole('row', { name: /永嘉县桥头纽扣商会/ })).toContainText('陈会长、林秘书长');

  // Both came: ticked together.
  await expect(sheet.locator('tbody tr.ant-table-row')).toHaveCount(2);
  await sheet.locator('thead .ant-checkbox-wrapper').click();
  await expect(sheet.getByTestId('mark-present')).toHaveText(/（2）/);
  await sheet.getByTestId('mark-present').click();
  await expect(sheet.getByTestId('sheet-attendance')).toHaveText('实到 2 / 应到 2 · 缺席 0');
  await expect(sheet.getByTestId('attended')).toHaveCount(2);
  await sheet.getByLabel('会议纪要').fill('各商会交流了开局情况；议定五月底前完成理事会换届准备。');
  await keep(page, 'meeting-sheet');
  await sheet.getByTestId('complete-meeting').click();
  await page.getByRole('button', { name: /^是$/ }).click();
  await expect(sheet.getByTestId('meeting-minutes')).toHaveText('各商会交流了开局情况；议定五月底前完成理事会换届准备。');
  await expect(sheet.getByTestId('mark-present')).toHaveCount(0);

  // The campaign page's card says it was recorded; the task has left the inbox.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('campaign-meetings').getByTestId('meeting-status')).toHaveText('已记录');
  await expect(page.getByTestId('campaign-meetings').getByTestId('meeting-attendance')).toHaveText('实到 2 / 应到 2 · 缺席 0');
  await page.goto('/inbox');
  await expect(page.getByText('签到与纪要：四月工作例会')).toHaveCount(0);

  // Then the circular, drafted as a Word document, is on public notice for a working day: a chamber objects, staff answer.
  const objecting = await browser.newPage();
  await objecting.goto(new URL(portalLinkFor(chambers[1].email)!).pathname);
  const shown = objecting.getByTestId('portal-notice');
  await expect(shown.getByTestId('publicity')).toHaveText('公示至 2026年4月2日');
  await shown.getByLabel('异议').fill('本会四月例会实际出席两人，请更正');
  await shown.getByTestId('send-objection').click();
  await expect(shown.getByTestId('my-objection')).toContainText('已收到，待答复');
  await page.goto(`/campaigns/${campaign.id}`);
  await expect(page.getByTestId('campaign-notice').getByTestId('notice-status')).toHaveText('公示中');
  const objections = page.getByTestId('objections');
  await objections.getByRole('button', { name: '答复异议' }).click();
  await page.getByRole('dialog').getByLabel('答复').fill('已核实，按实际出席情况更正');
  await page.getByRole('dialog').getByRole('button', { name: /提\s?交/ }).click();
  await expect(objections.getByTestId('objection')).toContainText('已答复');
  await objecting.reload();
  await expect(objecting.getByTestId('my-objection')).toContainText('已核实，按实际出席情况更正');
  await keep(objecting, 'notice-objection');
  await objecting.close();

  // When the day is over, the circular is signed in the inbox and reaches the chamber's page.
  await api.post('/api/clock/advance', { to: '2026-04-02T16:01:00Z' });
  await page.goto('/inbox');
  await page.getByRole('row', { name: /签发：关于四月工作例会情况的通报/ }).getByRole('button', { name: /办\s?理/ }).click();
  await expect(page.getByTestId('task-files')).toContainText('关于四月工作例会情况的通报.docx');
  await page.getByTestId('answer-task').click();
  await expect(page.getByText('签发：关于四月工作例会情况的通报')).toHaveCount(0);
  const chamberAgain = await browser.newPage();
  await chamberAgain.goto(new URL(portalLinkFor(chambers[1].email)!).pathname);
  const notice = chamberAgain.getByTestId('portal-notice');
  await expect(notice).toContainText('通报');
  await expect(notice).toContainText('温工商联〔2026〕3号');
  const download = chamberAgain.waitForEvent('download');
  await notice.getByRole('link', { name: /关于四月工作例会情况的通报/ }).click();
  expect((await download).suggestedFilename()).toBe('关于四月工作例会情况的通报.docx');
  await keep(chamberAgain, 'notice-portal');
  await chamberAgain.close();
  await page.goto(`/campaigns/${campaign.id}`);
  await expect(page.getByTestId('campaign-notice').getByTestId('notice-status')).toHaveText('已印发');
  await expect(page.getByTestId('campaign-notice')).toContainText('异议 1 条');
});
