import { expect, test } from '@playwright/test';
import { adminApi, admin, keep, signIn } from './helpers';

// Live updates: a sign-off given to the signed-in person appears in their inbox and in the menu's
// count while they look at it, without a reload (server-sent events on /api/live).

const signOff = {
  definitionId: 'e2e-live-sign-off', name: '实时待办 Live task', isPublished: true,
  root: {
    type: 'Elsa.Flowchart', id: 'flow',
    activities: [
      { id: 'sign', type: 'Chamber.SignOff',
        title: { typeName: 'String', expression: { type: 'Literal', value: '实时送达的审批' } },
        approvers: { typeName: 'Object', expression: { type: 'Literal', value: admin.email } } },
    ],
    connections: [],
  },
};

test('a task given to the reader appears in the inbox and the menu count without a reload', async ({ page, request }) => {
  const api = await adminApi(request);
  await api.post('/api/workflow-definitions/import', signOff);
  await signIn(page, admin.email, admin.password);
  await page.getByRole('menuitem', { name: /我的待办/ }).click();
  const before = await page.getByText('实时送达的审批').count();
  let reloaded = false;
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) reloaded = true; });

  await api.post('/api/workflow-instances', { definitionId: 'e2e-live-sign-off' });

  await expect(page.getByText('实时送达的审批')).toHaveCount(before + 1);
  await expect(page.getByRole('menuitem', { name: /我的待办/ }).locator('.ant-badge-count')).toBeVisible();
  expect(reloaded).toBe(false);
  await keep(page, 'live-inbox');
});
