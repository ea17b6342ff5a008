import { expect, test } from '@playwright/test';
import { admin, keep, signIn } from './helpers';

// Administration in the browser: the business calendar (a year added from its JSON file), the
// rubrics, and the switch to English.

test('an administrator adds a calendar year, reads the rubrics and switches to English', async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  // The browser tests run a rehearsal (the manual clock): every page says so, with the simulated time.
  const banner = page.getByTestId('rehearsal-banner');
  await expect(banner).toContainText('演练模式');
  await expect(banner).toContainText(/2026年\d{1,2}月\d{1,2}日/);

  await page.getByRole('menuitem', { name: '工作日历' }).click();
  // In April (the rehearsal's date) nobody is asked for next year's holidays yet; from 1 November they are (calendarYears.test.ts).
  await expect(page.getByRole('cell', { name: '2026', exact: true })).toBeVisible();
  await expect(page.getByTestId('calendar-missing')).toHaveCount(0);
  await page.locator('input[type=file]').setInputFiles({
    name: '2099.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ year: 2099, source: '浏览器测试', holidays: [{ date: '2099-01-01', name: '元旦', nameEn: "New Year's Day" }], workdays: [] })),
  });
  // First what the file would change (a new year: its holidays), then the import.
  const preview = page.getByTestId('calendar-preview');
  await expect(preview).toContainText('年度日历 JSON');
  await expect(preview.getByRole('cell', { name: '2099-01-01' })).toBeVisible();
  await expect(preview).toContainText('只有 1 天假日');
  await keep(page, '15-calendar-preview');
  await page.getByRole('button', { name: /^导 ?入$/ }).click();
  await expect(page.getByText('2099 年日历已导入：放假 1 天，调休上班 0 天')).toBeVisible();

  // A phone's holiday subscription (.ics) for a year it does not name: the year is chosen beside the button.
  await page.getByRole('spinbutton', { name: '年份' }).fill('2098');
  await page.locator('input[type=file]').setInputFiles({
    name: 'holidays.ics', mimeType: 'text/calendar',
    buffer: Buffer.from(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//CN', 'BEGIN:VEVENT', 'UID:1', 'DTSTART;VALUE=DATE:20980101', 'DTEND;VALUE=DATE:20980103',
      'SUMMARY:元旦（休）', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:2', 'DTSTART;VALUE=DATE:20980910', 'SUMMARY:教师节', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n')),
  });
  await expect(preview).toContainText('节假日订阅（iCalendar）');
  await expect(preview).toContainText('教师节');
  await page.getByRole('button', { name: /^导 ?入$/ }).click();
  await expect(page.getByText('2098 年日历已导入：放假 2 天，调休上班 0 天')).toBeVisible();
  await expect(page.getByRole('cell', { name: '2099' })).toBeVisible();
  await keep(page, '15-calendar');

  await page.getByRole('menuitem', { name: '考核细则' }).click();
  await page.getByText('“四好”商会建设考核细则').click();
  await expect(page.getByText('否决项').first()).toBeVisible();
  await keep(page, '16-rubrics');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('menuitem', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Business calendar' })).toBeVisible();
  await expect(banner).toContainText('Rehearsal');
  await expect(banner).not.toContainText('演练');
  await keep(page, '17-english');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('menuitem', { name: '工作台' })).toBeVisible();
});

test('an administrator changes an e-mail template, previews it, is stopped by a broken one, and resets it', async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.getByRole('menuitem', { name: '邮件模板' }).click();
  await page.getByTestId('template-submission-chase').click();
  const subject = page.getByLabel('主题');
  await subject.fill('【催办】{{chamber}}：请尽快提交“{{title}}”');
  await page.getByRole('button', { name: '预 览' }).or(page.getByRole('button', { name: '预览' })).click();
  await expect(page.getByTestId('template-preview')).toContainText('【催办】鹿城区五马街道商会：请尽快提交“贯彻落实意见（实施方案）”');
  // The HTML part, in its sandboxed frame.
  await expect(page.frameLocator('iframe[title=html-preview]').getByText('会员部留言：请于本周内提交。')).toBeVisible();
  await keep(page, '18-email-template');

  const html = page.getByLabel('HTML');
  const shippedHtml = await html.inputValue();
  await html.fill('<p>{{{note}}}</p>');
  await page.getByTestId('save-template').click();
  await expect(page.getByText('模板无法使用')).toBeVisible();
  await html.fill(shippedHtml);
  await page.getByTestId('save-template').click();
  await expect(page.getByText('已保存，之后发出的邮件使用新模板')).toBeVisible();
  await expect(page.getByTestId('template-submission-chase')).toContainText('已修改');

  await page.getByRole('button', { name: '恢复默认' }).click();
  await page.getByRole('button', { name: '是' }).click();
  await expect(page.getByTestId('template-submission-chase')).not.toContainText('已修改');
  await expect(subject).toHaveValue(/^【催报】\{\{#if overdueWorkingDays\}\}/);

  // Every message has an English version, for chambers and people who read English: edited on its own.
  await page.getByTestId('template-language').getByText('英文版').click();
  await expect(subject).toHaveValue(/^Chase:/);
  await page.getByRole('button', { name: '预 览' }).or(page.getByRole('button', { name: '预览' })).click();
  await expect(page.getByTestId('template-preview')).toContainText('Member Department');
  await page.getByTestId('template-language').getByText('中文版').click();
  await expect(subject).toHaveValue(/^【催报】/);
});
