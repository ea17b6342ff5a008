import { expect, test } from '@playwright/test';
import { admin, keep, signIn } from './helpers';

// A member-department administrator moves a progress meeting from the running instance's view;
// the chamber's update of its invitation goes out with the new day, time and place.

test('a meeting not yet held is moved from its node in the running instance', async ({ page, request }) => {
  const login = await request.post('/api/auth/login', { data: admin });
  const headers = { 'X-XSRF-TOKEN': (await login.json()).antiforgeryToken as string };
  const imported = await request.post('/api/chambers/import', {
    headers,
    multipart: { file: { name: 'chambers.csv', mimeType: 'text/csv', buffer: Buffer.from('名称,邮箱\n瑞安市鞋业商会,ruian-shoes@chamber.example\n') } },
  });
  expect(imported.ok(), await imported.text()).toBeTruthy();
  const chambers = await (await request.get('/api/chambers?search=瑞安市鞋业商会', { headers })).json();
  const chamber = chambers.items.find((c: { name: string }) => c.name === '瑞安市鞋业商会').id as string;
  const definition = {
    definitionId: 'e2e-meeting', name: '季度推进会 Quarterly meeting', isPublished: true,
    root: {
      type: 'Elsa.Flowchart', id: 'flow',
      activities: [{
        id: 'meeting', type: 'Chamber.ProgressMeeting', metadata: { designer: { position: { x: 0, y: 0 } } },
        title: { typeName: 'String', expression: { type: 'Literal', value: '第二季度推进会' } },
        chamber: { typeName: 'String', expression: { type: 'Literal', value: chamber } },
        meetingDate: { typeName: 'String', expression: { type: 'Literal', value: '2026-06-25' } },
        location: { typeName: 'String', expression: { type: 'Literal', value: '瑞安市工商联二楼会议室' } },
      }],
      connections: [],
    },
  };
  expect((await request.post('/api/workflow-definitions/import', { headers, data: definition })).ok()).toBeTruthy();
  const started = await (await request.post('/api/workflow-instances', { headers, data: { definitionId: 'e2e-meeting' } })).json() as { id: string };

  await signIn(page, admin.email, admin.password);
  await page.goto(`/instances/${started.id}`);
  await page.locator('g[data-cell-id="meeting"]').click();
  const form = page.getByTestId('move-meeting');
  await form.getByLabel('新的日期').fill('2026-06-30');
  await form.getByLabel('时间（北京时间）').fill('15:00');
  await form.getByLabel('地点').fill('瑞安市工商联五楼会议室');
  await keep(page, 'meeting-move');
  await form.getByRole('button', { name: '改期并通知' }).click();

  // The update joins the outbox, and the journal (an administrator's tab) says where the meeting went.
  await expect.poll(async () => (await (await request.get('/api/outbox', { headers })).text()).includes('【会议变更】第二季度推进会')).toBe(true);
  await page.getByRole('tab', { name: '执行记录（技术）' }).click();
  await expect(page.getByText(/第二季度推进会 → 2026-06-30 15:00 瑞安市工商联五楼会议室/)).toBeVisible();
});
