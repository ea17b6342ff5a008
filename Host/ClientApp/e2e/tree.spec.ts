import { expect, test } from '@playwright/test';
import { admin, adminApi, keep, signIn } from './helpers';

// The directory's hierarchy: units imported under their federations (市 → 区县 → 商会), one moved
// under another federation in the editor; the campaign page reads the campaign federation by
// federation and a district's row opens the participants directly under it. (Runs on the clock
// meetings.spec left: it moves nothing.)

test('the city reads a campaign through its federations and opens the chambers under one', async ({ page, request }) => {
  const api = await adminApi(request);
  const rows = [
    '温州市工商联（演练）,市工商联,city@fic.example,',
    '鹿城区工商联（演练）,县级工商联,lc@fic.example,温州市工商联（演练）',
    '瓯海区工商联（演练）,县级工商联,oh@fic.example,温州市工商联（演练）',
    '鹿城区鞋业商会,行业商会,shoe@chamber.example,鹿城区工商联（演练）',
    '鹿城区眼镜商会,行业商会,glasses@chamber.example,鹿城区工商联（演练）',
    '瓯海区五金商会,行业商会,hardware@chamber.example,瓯海区工商联（演练）',
    '瓯海区服装商会,行业商会,clothes@chamber.example,',
  ];
  await api.upload('/api/chambers/import', {
    file: { name: 'tree.csv', mimeType: 'text/csv', buffer: Buffer.from(`名称,类型,邮箱,上级单位\n${rows.join('\n')}\n`) },
  });

  // Staff put the chamber imported without a parent under its district federation.
  await signIn(page, admin.email, admin.password);
  await page.goto('/chambers');
  await page.getByTestId('edit-瓯海区服装商会').click();
  await page.getByTestId('parent-select').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('瓯海区工商联（演练）', { exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: /保\s?存/ }).click();
  await expect(page.getByRole('row', { name: /瓯海区服装商会/ })).toContainText('瓯海区工商联（演练）');

  const chambers = ['鹿城区鞋业商会', '鹿城区眼镜商会', '瓯海区五金商会', '瓯海区服装商会'];
  const ids: string[] = [];
  for (const name of chambers) {
    const found = await (await request.get(`/api/chambers?search=${encodeURIComponent(name)}`)).json();
    ids.push(found.items.find((c: { name: string }) => c.name === name).id);
  }

  const literal = (value: string, typeName = 'String') => ({ typeName, expression: { type: 'Literal', value } });
  const at = (x: number) => ({ designer: { position: { x, y: 0 } } });
  const link = (from: string, port: string, to: string) => ({ source: { activity: from, port }, target: { activity: to, port: 'In' } });
  await api.post('/api/workflow-definitions/import', {
    definitionId: 'e2e-tree-part', name: '分级演练：每个商会', isPublished: true,
    root: { type: 'Elsa.Flowchart', id: 'flow', activities: [
      { id: 'start', type: 'Elsa.Start', metadata: at(0) },
      { id: 'plan', type: 'Chamber.RequestSubmission', title: literal('实施方案'), chamber: { typeName: 'String', expression: { type: 'JavaScript', value: "getInput('chamberId')" } },
        dueDate: literal('2026-04-30<'), metadata: at(200) },
    ], connections: [link('start', 'Done', 'plan')] },
  });
  await api.post('/api/workflow-definitions/import', {
    definitionId: 'e2e-tree', name: '分级演练', isPublished: true,
    customProperties: { rubric: 'four-good', participantWorkflow: 'e2e-tree-part' },
    root: { type: 'Elsa.Flowchart', id: 'flow', activities: [
      { id: 'start', type: 'Elsa.Start', metadata: at(0) },
      { id: 'participants', type: 'Chamber.ForEachParticipant', workflowDefinitionId: literal('e2e-tree-part'), untilStage: literal('plan'), metadata: at(200) },
    ], connections: [link('start', 'Done', 'participants')] },
  });
  const campaign = await api.post('/api/campaigns', { name: '2026年分级演练', year: 2026, templateId: 'e2e-tree', participantIds: ids }) as { id: string };
  await api.post(`/api/campaigns/${campaign.id}/launch`, {});

  const tree = page.getByTestId('campaign-tree');
  await expect.poll(async () => {
    await page.goto(`/campaigns/${campaign.id}`);
    await page.getByTestId('campaign-timeline').waitFor();
    return (await tree.getByTestId('tree-row').count()) === 3 && (await tree.getByTestId('tree-row').first().textContent())?.includes('4');
  }, { timeout: 30_000 }).toBe(true);
  const row = (name: string) => tree.getByTestId('tree-row').filter({ hasText: name });
  await expect(row('温州市工商联（演练）')).toContainText('4');
  // Each district's row: 2 participants, both directly under it, both still owing their plan.
  await expect(row('鹿城区工商联（演练）').locator('td').nth(1)).toHaveText('2');
  await expect(row('瓯海区工商联（演练）').locator('td').nth(2)).toHaveText('2');
  await keep(page, 'campaign-tree');

  await row('鹿城区工商联（演练）').getByText('鹿城区工商联（演练）').click();
  await expect(page.getByTestId('parent-filter')).toHaveText('仅显示鹿城区工商联（演练）直接下属');
  await expect(page.getByRole('row', { name: /鹿城区鞋业商会/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /瓯海区五金商会/ })).toHaveCount(0);
  await page.getByTestId('parent-filter').locator('.ant-tag-close-icon').click();
  await expect(page.getByRole('row', { name: /瓯海区五金商会/ })).toBeVisible();
});
