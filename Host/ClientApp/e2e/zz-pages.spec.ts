import { expect, test, type Page } from '@playwright/test';
import en from '../src/i18n/en';
import zh from '../src/i18n/zh-CN';
import { admin, adminApi, keep } from './helpers';

// Every page, in both languages and at both sizes (a desk's 1440×900, a phone's 390×844), kept as
// screenshots in the artefacts. Each is read for what people should never see: a string in two
// languages at once, text of the other language's interface, text smaller than 12 px, or a page
// wider than a phone. Last of the specs: the others have filled the pages with campaigns, tasks,
// chambers and mail.

type Messages = { [key: string]: string | Messages };

/** The literal parts of an interface's strings (without {{placeholders}}), long enough to be telling. */
function phrases(messages: Messages, keep: (text: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (node: Messages) => {
    for (const value of Object.values(node)) {
      if (typeof value === 'string') found.push(...value.split(/\{\{[^}]*\}\}/).map((part) => part.trim()).filter(keep));
      else walk(value);
    }
  };
  walk(messages);
  return [...new Set(found)];
}

const han = /[\u3400-\u9fff]/;
// Chinese interface text, found in the English interface, is untranslated: three characters or more.
const chinesePhrases = phrases(zh as unknown as Messages, (p) => (p.match(/[\u3400-\u9fff]/g) ?? []).length >= 3);
// English interface text of three words or more, found in the Chinese interface.
const englishPhrases = phrases(en as unknown as Messages, (p) => !han.test(p) && p.split(/\s+/).filter((w) => /^[A-Za-z]{2,}/.test(w)).length >= 3);
// Words that are names, not language: formats, products, codes.
const technical = /\b(JSON|PDF|Word|Excel|CSV|ICS|iCalendar|JavaScript|Liquid|Cron|Elsa|SMTP|OK|chinese-days|Hangfire|ID|URL|HTML|CC|BCC)\b/g;

type Finding = { text: string; problem: string };

/** Whether the phrase occurs as words of its own, not inside a longer Chinese name (“四好”商会创建活动 contains 创建活动). */
function standsAlone(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (!han.test(text[at - 1] ?? '') && !han.test(text[at + phrase.length] ?? '')) return true;
  }
  return false;
}

/** What the page shows that it should not, read from its rendered text. */
async function findings(page: Page, language: 'zh-CN' | 'en'): Promise<Finding[]> {
  const texts = await page.evaluate(() => {
    const seen: { text: string; size: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      // The signed-in person's own name is theirs, in whatever language it is written.
      if (!text || !element || element.closest('script, style, noscript, [aria-hidden="true"], .ant-select-item-option, textarea, [data-testid="signed-in-as"], [data-user-text]')) continue;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0) continue;
      // An SVG text is drawn at its font size times the canvas's zoom (read at 100 %).
      seen.push({ text, size: parseFloat(style.fontSize) });
    }
    return seen;
  });
  const found: Finding[] = [];
  for (const { text, size } of texts) {
    if (size < 12) found.push({ text, problem: `${size}px text` });
    const plain = text.replace(technical, ' ');
    if (language === 'zh-CN') {
      // Chinese with an English phrase (two words or more) in the same string: "方案签批 Plan sign-off".
      if (han.test(plain) && /\b[A-Za-z]{2,}[\s-]+[A-Za-z]{2,}\b/.test(plain.replace(/\S+@\S+/g, ' '))) found.push({ text, problem: 'two languages in one string' });
      const english = englishPhrases.find((phrase) => text.includes(phrase));
      if (english) found.push({ text, problem: `English interface text "${english}"` });
    } else {
      // A string of the Chinese interface, alone or inside English: untranslated. (Names people
      // gave things — campaigns, chambers — are Chinese in both interfaces and may contain such words.)
      const chinese = chinesePhrases.find((phrase) => text === phrase || (/\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/.test(plain) && standsAlone(text, phrase)));
      if (chinese) found.push({ text, problem: `Chinese interface text "${chinese}"` });
    }
  }
  return found;
}

const sizes = [{ name: 'desk', width: 1440, height: 900 }, { name: 'phone', width: 390, height: 844 }] as const;
const languages = ['zh-CN', 'en'] as const;

test('every page in both languages and at both sizes, with nothing in two languages, nothing too small and nothing wider than a phone', async ({ browser, request }) => {
  test.setTimeout(600_000);
  const api = await adminApi(request);
  const campaigns = (await (await request.get('/api/campaigns')).json()) as { id: string; status: string }[];
  const campaign = campaigns.find((c) => c.status === 'Running') ?? campaigns[0];
  const view = (await (await request.get(`/api/campaigns/${campaign.id}`)).json()) as { instanceId: string };
  const chamber = ((await (await request.get('/api/chambers?pageSize=1')).json()).items as { id: string }[])[0];
  const { link } = await api.post(`/api/chambers/${chamber.id}/portal-link`, {}) as { link: string };
  // The portal of a chamber whose campaign was stopped (stop.spec), with the notice saying so.
  const stoppedCampaign = campaigns.find((c) => c.status === 'Stopped');
  expect(stoppedCampaign, 'a stopped campaign (stop.spec runs first)').toBeTruthy();
  const stoppedChamber = ((await (await request.get(`/api/campaigns/${stoppedCampaign!.id}/participants?pageSize=1`)).json()).items as { chamberId: string }[])[0];
  const { link: stoppedLink } = await api.post(`/api/chambers/${stoppedChamber.chamberId}/portal-link`, {}) as { link: string };
  const pages: [string, string][] = [
    ['dashboard', '/'], ['campaigns', '/campaigns'], ['campaign', `/campaigns/${campaign.id}`], ['inbox', '/inbox'], ['chambers', '/chambers'],
    ['rubrics', '/rubrics'], ['calendar', '/admin/calendar'], ['definitions', '/designer'], ['designer', '/designer/four-good-chamber'],
    ['instance', `/instances/${view.instanceId}`], ['users', '/admin/users'], ['email-templates', '/admin/email-templates'], ['outbox', '/admin/outbox'],
  ];

  const problems: string[] = [];
  for (const language of languages) {
    for (const size of sizes) {
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, locale: language, timezoneId: 'America/New_York',
        isMobile: size.name === 'phone', hasTouch: size.name === 'phone' });
      await context.addInitScript((chosen) => localStorage.setItem('ccw.language', chosen), language);
      const page = await context.newPage();
      // Signed out: the sign-in page and a chamber's portal.
      for (const [name, path] of [['signin', '/signin'], ['portal', new URL(link).pathname], ['portal-stopped', new URL(stoppedLink).pathname]] as const) {
        await page.goto(path);
        await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined);
        if (name === 'portal-stopped') await expect(page.getByTestId('portal-stopped')).toBeVisible();
        problems.push(...await check(page, language, `${language}-${size.name}-${name}`, size.name === 'phone'));
      }
      // Signed in through the API (the sign-in form is in the language being read): the context shares its cookie.
      expect((await context.request.post('/api/auth/login', { data: admin })).ok()).toBeTruthy();
      for (const [name, path] of pages) {
        await page.goto(path);
        await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined);
        await page.locator('.ant-spin-spinning, .ant-skeleton').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
        problems.push(...await check(page, language, `${language}-${size.name}-${name}`, size.name === 'phone'));
      }
      await context.close();
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

/** Keeps the page's picture and says what is wrong with it. */
async function check(page: Page, language: 'zh-CN' | 'en', name: string, phone: boolean): Promise<string[]> {
  await keep(page, `pages/${name}`);
  const wrong = (await findings(page, language)).map((f) => `${name}: ${f.problem}: ${f.text.slice(0, 120)}`);
  if (phone) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) wrong.push(`${name}: ${overflow}px wider than the phone`);
  }
  return wrong;
}
