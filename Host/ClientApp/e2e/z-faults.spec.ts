import { expect, test } from '@playwright/test';
import { admin, adminApi, keep, signIn } from './helpers';

// A campaign whose chambers' workflows stop with an error: the dashboard says so, the campaign page
// names the reason on each chamber's row, and staff retry them all at once. Last of the specs (its
// campaign becomes the newest, which the dashboard shows first).

test('stopped chamber workflows are shown with their reason on the dashboard and the campaign page and retried together', async ({ page, request }) => {
  const api = await adminApi(request);
  await api.post('/api/workflow-definitions/import', {
    definitionId: 'e2e-faulty-chamber', name: '出错的商会流程', isPublished: true,
    root: { type: 'Elsa.Flowchart', id: 'f', connections: [], activities: [
      { id: 'boom', type: 'Elsa.WriteLine', text: { typeName: 'String', expression: { type: 'JavaScript', value: "throw new Error('材料目录缺失')" } } }] },
  });
  await api.post('/api/workflow-definitions/import', {
    definitionId: 'e2e-faulty-campaign', name: '商会流程出错的活动', isPublished: true, customProperties: { rubric: 'four-good' },
    root: { type: 'Elsa.Flowchart', id: 'f', connections: [], activities: [
      { id: 'each', type: 'Chamber.ForEachParticipant',
        workflowDefinitionId: { typeName: 'String', expression: { type: 'Literal', value: 'e2e-faulty-chamber' } },
        untilStage: { typeName: 'String', expression: { type: 'Literal', value: 'boom' } } }] },
  });
  const chambers = (await (await request.get('/api/chambers?pageSize=2')).json()).items.map((c: { id: string }) => c.id);
  expect(chambers.length).toBeGreaterThan(0);
  const campaign = await api.post('/api/campaigns', { name: '出错演示活动', year: 2026, templateId: 'e2e-faulty-campaign', participantIds: chambers }) as { id: string };
  await api.post(`/api/campaigns/${campaign.id}/launch`, {});

  await signIn(page, admin.email, admin.password);
  const alert = page.getByTestId('campaign-fault').filter({ hasText: '出错演示活动' });
  await expect(async () => {
    await page.goto('/');
    await expect(alert).toContainText(`有 ${chambers.length} 个商会的流程出错`, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await keep(page, '40-dashboard-fault');

  await alert.getByRole('link', { name: '查看并重试' }).click();
  await expect(page.getByTestId('faulted-participants')).toBeVisible();
  await expect(page.getByTestId('participant-fault').first()).toContainText('材料目录缺失');
  await keep(page, '41-campaign-faults');
  await page.getByTestId('retry-faulted').click();
  // The cause is still there: the retry says so instead of pretending.
  await expect(page.getByTestId('retry-result')).toContainText(`已重试 ${chambers.length} 个流程，其中 ${chambers.length} 个再次出错`);
});
