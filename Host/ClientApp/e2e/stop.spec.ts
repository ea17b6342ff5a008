import { expect, test } from '@playwright/test';
import { admin, adminApi, keep, signIn } from './helpers';

// Staff stop (中止) a running campaign: a reason is required, the page then says when and why, and
// the chamber's portal says the same instead of silently losing its items.

test('a running campaign is stopped with a reason, which the campaign page and the chamber portal show', async ({ page, request }) => {
  const api = await adminApi(request);
  await api.upload('/api/chambers/import', {
    file: { name: 'stop.csv', mimeType: 'text/csv', buffer: Buffer.from('名称,类型,邮箱\n中止演示商会（演练）,行业商会,stop-e2e@chamber.example\n') },
  });
  const chamber = (await (await request.get(`/api/chambers?search=${encodeURIComponent('中止演示商会（演练）')}`)).json()).items[0].id as string;
  const campaign = await api.post('/api/campaigns', {
    name: '中止演示活动', year: 2026, templateId: 'four-good-campaign', participantIds: [chamber],
  }) as { id: string };
  await api.post(`/api/campaigns/${campaign.id}/launch`, {});
  const { link } = await api.post(`/api/chambers/${chamber}/portal-link`, {}) as { link: string };
  await expect(async () => {
    expect((await (await request.get(`/api/campaigns/${campaign.id}`)).json()).status).toBe('Running');
  }).toPass({ timeout: 30_000 });

  await signIn(page, admin.email, admin.password);
  await page.goto(`/campaigns/${campaign.id}`);
  await page.getByTestId('stop-campaign').click();
  const dialog = page.getByRole('dialog').filter({ hasText: '中止“中止演示活动”？' });
  await expect(dialog).toContainText('中止后不能恢复');
  // No reason, no stop.
  await dialog.getByTestId('confirm-stop').click();
  await expect(dialog).toContainText('请填写中止原因');
  await dialog.getByTestId('stop-reason').fill('根据上级统一部署，本年度活动暂停');
  await keep(page, '42-campaign-stop');
  await dialog.getByTestId('confirm-stop').click();
  await expect(dialog).toHaveCount(0);

  const stopped = page.getByTestId('campaign-stopped');
  // When, in Beijing time (the rehearsal clock has moved on by this spec, as earlier specs left it).
  await expect(stopped).toContainText(/本活动已于 2026年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 中止 · 管理员/);
  await expect(stopped).toContainText('根据上级统一部署，本年度活动暂停');
  await expect(page.getByTestId('stop-campaign')).toHaveCount(0);
  // Carried out in the background: the page follows until every workflow is ended.
  await expect(stopped).not.toContainText('正在终止', { timeout: 30_000 });
  // Its chamber's part reads as ended, with nothing left to chase.
  await expect(page.getByRole('row', { name: /中止演示商会（演练）/ })).toContainText('已终止');
  await expect(page.getByRole('button', { name: /催办/ })).toHaveCount(0);
  await keep(page, '43-campaign-stopped');
  await page.goto('/campaigns');
  await expect(page.getByRole('row', { name: /中止演示活动/ })).toContainText('已中止');

  await page.goto(new URL(link).pathname);
  const notice = page.getByTestId('portal-stopped');
  await expect(notice).toContainText('中止演示活动');
  await expect(notice).toContainText('根据上级统一部署，本年度活动暂停');
  await expect(page.getByText('目前没有需要报送的材料')).toBeVisible();
  await keep(page, '44-portal-stopped');
});
