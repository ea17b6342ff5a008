import { expect, test, type Locator, type Page } from '@playwright/test';
import { adminApi, keep, signIn, userPassword } from './helpers';

// Leaders approve on their phones and chambers open their link there: the inbox, a task with the
// plan to read, the campaign's summary and the chamber portal at 390×844 — nothing scrolls
// sideways and every button is big enough for a finger.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** Nothing wider than the screen: the page never scrolls sideways. */
async function fitsThePhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

/** Every visible button at least 40 px high (antd's large size, the size the phone layout uses). */
async function touchSized(buttons: Locator) {
  const heights = await buttons.evaluateAll((elements) => elements
    .filter((e) => (e as HTMLElement).offsetParent !== null && getComputedStyle(e).visibility !== 'hidden')
    .map((e) => [e.textContent?.trim() || e.getAttribute('aria-label') || e.outerHTML.slice(0, 200), e.getBoundingClientRect().height] as const));
  expect(heights.length).toBeGreaterThan(0);
  for (const [name, height] of heights) expect(height, `the button "${name}"`).toBeGreaterThanOrEqual(40);
}

/** A valid one-page PDF saying a line (offsets computed, so readers need not repair it). */
function onePagePdf(line: string): Buffer {
  const content = `BT /F1 24 Tf 72 720 Td (${line}) Tj ET`;
  const objects = ['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>',
    `<</Length ${content.length}>>stream\n${content}\nendstream`, '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>'];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => { const at = pdf.length; pdf += `${i + 1} 0 obj\n${object}\nendobj\n`; return at; });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

test('a leader signs off the plan on a phone, after reading it there, and chambers submit from theirs', async ({ page, request, browser }) => {
  const api = await adminApi(request);
  await api.post('/api/users', { email: 'phone.leader@fic.example', displayName: '李书记', password: userPassword, roles: ['leader'] });
  const chambers = (await (await request.get('/api/chambers?pageSize=2')).json()).items as { id: string }[];
  const campaign = await api.post('/api/campaigns', {
    name: '2026年度手机签批演示', year: 2026, templateId: 'four-good-campaign', participantIds: chambers.map((c) => c.id),
    leaders: ['phone.leader@fic.example'], planApprovers: ['phone.leader@fic.example'],
  }) as { id: string };
  // The department attaches the plan (a small PDF) before the launch.
  const pdf = onePagePdf('2026 plan');
  await api.upload(`/api/campaigns/${campaign.id}/documents`, { files: { name: '2026年度实施方案.pdf', mimeType: 'application/pdf', buffer: pdf } });
  await api.post(`/api/campaigns/${campaign.id}/launch`, {});

  await signIn(page, 'phone.leader@fic.example', userPassword);
  await page.goto('/inbox');
  const card = page.getByTestId('task-list').getByRole('listitem').filter({ hasText: '签批' }).first();
  await expect(card).toBeVisible();
  await fitsThePhone(page);
  await touchSized(page.locator('button'));
  await keep(page, 'phone-inbox');

  // The task takes the whole screen; the plan is shown in it, and every answer fits.
  await card.getByRole('button').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('task-file')).toContainText('2026年度实施方案.pdf');
  // The plan's page drawn in the task (pdf.js on a canvas: a phone shows no PDF in a frame).
  await expect(drawer.getByTestId('pdf-pages').locator('canvas')).toHaveCount(1);
  for (const answer of ['驳回', '退回', '转交', '加签']) await expect(drawer.getByText(answer, { exact: true })).toBeVisible();
  // The leader adds the signed page from the phone's camera roll.
  await drawer.locator('input[type=file]').setInputFiles({ name: '签批页.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) });
  await expect(drawer.getByTestId('task-file')).toHaveCount(2);
  await fitsThePhone(page);
  await touchSized(drawer.locator('button, label.ant-radio-button-wrapper'));
  await keep(page, 'phone-task');
  await drawer.getByRole('textbox').last().fill('同意印发');
  await drawer.getByTestId('answer-task').click();
  await expect(page.getByTestId('task-list')).not.toContainText('签批');

  // The campaign's summary, read on the phone: the plan signed, the chambers asked.
  await page.goto(`/campaigns/${campaign.id}`);
  await expect(page.getByTestId('campaign-timeline')).toContainText('李书记同意');
  await fitsThePhone(page);
  await keep(page, 'phone-campaign');

  // A chamber opens its link on its phone.
  const link = await api.post(`/api/chambers/${chambers[0].id}/portal-link`, {}) as { link: string };
  const chamber = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await chamber.goto(new URL(link.link).pathname);
  await expect(chamber.getByText('贯彻落实意见').first()).toBeVisible();
  await fitsThePhone(chamber);
  await touchSized(chamber.locator('button'));
  await keep(chamber, 'phone-portal');
  await chamber.close();
});
