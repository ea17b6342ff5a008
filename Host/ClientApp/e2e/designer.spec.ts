import { expect, test } from '@playwright/test';
import { activityDescriptions, inputDescriptions } from '../src/i18n/designerDescriptions.zh-CN';
import { adminApi, admin, keep, signIn, userPassword } from './helpers';

// The designer: an administrator adds a sign-off to a workflow, fills in its inputs (validated
// before saving), saves a draft and publishes it; a leader approves a pending sign-off on the
// node of the running instance.

const approval = {
  definitionId: 'e2e-approval', name: '商会换届审批', isPublished: true,
  customProperties: { translations: { en: { name: 'Chamber re-election approval' } } },
  root: {
    type: 'Elsa.Flowchart', id: 'flow',
    activities: [
      { id: 'start', type: 'Elsa.Start', metadata: { designer: { position: { x: 0, y: 0 } } } },
      { id: 'sign', name: '分管领导审批', customProperties: { translations: { en: { name: 'Leader sign-off' } } }, type: 'Chamber.SignOff', metadata: { designer: { position: { x: 260, y: 0 } } },
        title: { typeName: 'String', expression: { type: 'Literal', value: '温州市服装商会换届方案' } },
        approvers: { typeName: 'Object', expression: { type: 'Literal', value: 'leader2@fic.example' } } },
      { id: 'end', type: 'Elsa.End', metadata: { designer: { position: { x: 520, y: 0 } } } },
    ],
    connections: [
      { source: { activity: 'start', port: 'Done' }, target: { activity: 'sign', port: 'In' } },
      { source: { activity: 'sign', port: 'Approved' }, target: { activity: 'end', port: 'In' } },
    ],
  },
};

test('a definition is edited, validated, saved and published in the designer', async ({ page, request }) => {
  const api = await adminApi(request);
  await api.post('/api/workflow-definitions/import', approval);
  await signIn(page, admin.email, admin.password);
  await page.getByRole('menuitem', { name: '流程设计' }).click();
  await page.getByRole('link', { name: 'e2e-approval' }).click();
  await expect(page.locator('g[data-cell-id="sign"]')).toBeVisible();

  // Every activity type the Host offers, and each input it describes, has its Chinese description: none is shown in English.
  type Descriptor = { typeName: string; inputs: { name: string; description?: string | null }[] };
  const descriptors = (await (await request.get('/api/activity-descriptors')).json()) as Descriptor[];
  expect(descriptors.length).toBeGreaterThan(30);
  for (const d of descriptors) {
    expect(activityDescriptions[d.typeName], d.typeName).toMatch(/[\u4e00-\u9fff]/);
    for (const input of d.inputs.filter((i) => i.description)) expect(inputDescriptions[`${d.typeName}/${input.name}`], `${d.typeName}/${input.name}`).toBeTruthy();
  }
  await expect(page.getByTestId('palette-Chamber.SignOff')).toHaveAttribute('title', activityDescriptions['Chamber.SignOff']);

  // Drag a second sign-off from the palette onto the canvas.
  const canvas = page.getByTestId('workflow-canvas');
  const box = (await canvas.boundingBox())!;
  await page.getByTestId('palette-Chamber.SignOff').dragTo(canvas, { targetPosition: { x: box.width / 2, y: box.height - 90 } });
  await expect(page.locator('g[data-cell-id="sign-off"]')).toBeVisible();
  // A new activity is selected: its properties are open, the required ones marked.
  await expect(page.getByText('必填').first()).toBeVisible();

  // Its required inputs are empty: saving is refused with the reasons.
  await page.getByTestId('save-draft').click();
  await expect(page.locator('.ant-modal-confirm-title', { hasText: '请先修正以下问题' })).toBeVisible();
  await expect(page.getByText(/sign-off：请填写“(标题|签批人)”/).first()).toBeVisible();
  await keep(page, '11-designer-validation');
  await page.getByRole('button', { name: /知道了|OK/ }).click();

  const panel = page.getByTestId('property-panel');
  await panel.locator('.ant-form-item').filter({ hasText: '标题' }).locator('input').last().fill('会长办公会纪要签批');
  await panel.locator('.ant-form-item').filter({ hasText: '签批人' }).locator('input').last().fill('leader@fic.example');
  await page.getByTestId('save-draft').click();
  await expect(page.getByText(/已保存草稿/)).toBeVisible();
  await page.getByTestId('publish').click();
  await expect(page.getByText(/已发布第 2 版/)).toBeVisible();
  await keep(page, '12-designer-published');

  // The published version has both sign-offs, as Elsa-3 JSON.
  const exported = await (await request.get('/api/workflow-definitions/e2e-approval/export')).json();
  expect(exported.version).toBe(2);
  expect(exported.root.activities.map((a: { id: string }) => a.id)).toContain('sign-off');
});

test('a leader approves a pending sign-off on its node in the running instance', async ({ page, request }) => {
  const api = await adminApi(request);
  await api.post('/api/users', { email: 'leader2@fic.example', displayName: '张副主席', password: userPassword, roles: ['leader'] });
  await api.post('/api/workflow-definitions/import', { ...approval, definitionId: 'e2e-approval-live' });
  const started = await api.post('/api/workflow-instances', { definitionId: 'e2e-approval-live' }) as { id: string };

  await signIn(page, 'leader2@fic.example', userPassword);
  await page.goto(`/instances/${started.id}`);
  // Opened at 100 %, the waiting activity's card names whom it waits for; the whole chart is a button away.
  await expect(page.getByTestId('zoom-level')).toHaveText('100%');
  await expect(page.locator('g[data-cell-id="sign"]')).toContainText('等待：张副主席');
  await expect(page.locator('g[data-cell-id="sign"]')).toContainText('同意');
  await page.getByTestId('zoom-fit').click();
  await expect(page.locator('g[data-cell-id="end"]')).toBeVisible();
  await page.getByTestId('zoom-level').click();
  await expect(page.getByTestId('zoom-level')).toHaveText('100%');
  await page.locator('g[data-cell-id="sign"]').click();
  const task = page.getByTestId('task-on-node');
  await expect(task).toContainText('温州市服装商会换届方案');
  await task.getByRole('textbox').last().fill('同意换届方案');
  await keep(page, '13-instance-sign-off-on-node');
  await task.getByTestId('answer-task').click();
  // Status and timeline in the reader's language, not the engine's names; the journal is the administrators'.
  await expect(page.getByTestId('instance-status')).toHaveText('已完成');
  await expect(page.getByTestId('timeline')).toContainText('张副主席同意：“分管领导审批');
  await expect(page.getByTestId('timeline')).toContainText('流程已完成');
  await expect(page.getByText(/WorkflowFinished|WorkflowStarted|执行记录/)).toHaveCount(0);
  await keep(page, '14-instance-finished');
});

test('the designer says why a file is not imported and will not overwrite a workflow by its id', async ({ page, request }) => {
  const api = await adminApi(request);
  await api.post('/api/workflow-definitions/import', { ...approval, definitionId: 'e2e-existing', name: '已有流程' });
  await signIn(page, admin.email, admin.password);
  await page.getByRole('menuitem', { name: '流程设计' }).click();
  const error = page.getByTestId('definitions-error');

  // Not JSON at all.
  await page.locator('input[type=file]').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('这不是 JSON') });
  await expect(error).toContainText('“notes.json”不是有效的 JSON 文件');
  // JSON, but not a valid definition: the server's reason is shown.
  await page.locator('input[type=file]').setInputFiles({
    name: 'broken.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ definitionId: 'e2e-broken', root: { type: 'Elsa.Flowchart', id: 'f',
      activities: [{ id: 'a', type: 'Elsa.WriteLine' }], connections: [{ source: { activity: 'a', port: 'Done' }, target: { activity: 'ghost', port: 'In' } }] } })),
  });
  await expect(error).toContainText('“broken.json”未能导入');
  await expect(error).toContainText('ghost');

  // A new workflow may not take an existing id.
  await page.getByRole('button', { name: '新建流程' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('流程标识').fill('e2e-existing');
  await dialog.getByLabel('名称').fill('覆盖试验');
  await dialog.getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(dialog.getByText('流程标识“e2e-existing”已存在')).toBeVisible();
  await dialog.getByRole('button', { name: /取\s?消|Cancel/ }).click();
  const existing = await (await request.get('/api/workflow-definitions/e2e-existing')).json();
  expect([existing.summary.version, existing.definition.name]).toEqual([1, '已有流程']);

  // The shipped plan sign-off opens laid out as its file places it, not piled in one spot (seen whole, fitted).
  await page.getByRole('link', { name: 'plan-sign-off' }).click();
  await page.getByTestId('zoom-fit').click();
  const start = (await page.locator('g[data-cell-id="start"]').boundingBox())!;
  const end = (await page.locator('g[data-cell-id="end"]').boundingBox())!;
  expect(end.x - start.x).toBeGreaterThan(300);
});
