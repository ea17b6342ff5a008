// UI benchmark (issues 5 and 17): headless chromium against a running Host. Times, from navigation
// to interactive, (1) the designer with definitions of 50 and 300 activities — opened at 100 %
// (the cards in view drawn) and a node click answered by the property panel — (2) the dashboard of
// a campaign with N participants — the stage chart drawn — and (3) the phone pages at 390×844 with
// the CPU throttled 4× — the inbox, a task, the campaign's summary and the chamber portal, to their
// first render. Prints each figure with its conditions.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// playwright-core comes from the web client's packages (run from Host/ClientApp).
const { chromium } = createRequire(`${process.cwd()}/`)('playwright-core');

const base = process.env.BASE_URL;
const admin = { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD };
const participants = Number(process.env.PARTICIPANTS ?? 50000);
const runs = Number(process.env.RUNS ?? 3);

async function api(path, init = {}) {
  const response = await fetch(base + path, { ...init, headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}), cookie: api.cookie ?? '', 'X-XSRF-TOKEN': api.token ?? '' } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.headers.get('content-type')?.includes('json') ? response.json() : response.text();
}

async function signInApi() {
  const response = await fetch(base + '/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(admin) });
  api.cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  api.token = (await response.json()).antiforgeryToken;
}

/**
 * A flowchart of n activities: sign-offs in a chain, with a decision every tenth. Written without
 * positions, as by hand or another tool: the designer lays it out and routes it when it opens.
 */
function definition(n) {
  const activities = [{ id: 'start', type: 'Elsa.Start' }];
  const connections = [];
  for (let i = 1; i < n; i++) {
    const id = `a${i}`;
    const decision = i % 10 === 0;
    activities.push(decision
      ? { id, name: `判断 ${i}`, type: 'Elsa.FlowDecision', condition: { typeName: 'Boolean', expression: { type: 'JavaScript', value: 'true' } } }
      : { id, name: `审批 ${i}`, type: 'Chamber.SignOff', title: { typeName: 'String', expression: { type: 'Literal', value: `第${i}项审批` } },
          approvers: { typeName: 'Object', expression: { type: 'Literal', value: 'role:leader' } } });
    const previous = activities[i - 1];
    connections.push({ source: { activity: previous.id, port: previous.type === 'Elsa.Start' ? 'Done' : previous.type === 'Elsa.FlowDecision' ? 'True' : 'Approved' }, target: { activity: id, port: 'In' } });
  }
  return { definitionId: `bench-${n}`, name: `基准 ${n} 个环节`, isPublished: true, root: { type: 'Elsa.Flowchart', id: 'flow', activities, connections } };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The CPU time (user + system, in clock ticks of 1/100 s) a process has used, from /proc. */
function cpuTicks(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * A Host started seconds before is still compiling and tiering up its code, using about half a
 * core while chromium's renderer needs a whole one of the two. A user meets a server that has been
 * running: the requests the timed pages make are sent a few times first, then the Host is left
 * until it uses under 5 % of a core over a second. Returns what that took, for the conditions.
 */
async function warmUpHost(pid) {
  // The session check, the designer's and the inbox's (the page left before each timed visit).
  const paths = ['/api/auth/me', '/api/auth/antiforgery', '/api/clock', '/api/activity-descriptors',
    '/api/workflow-definitions/bench-300', '/api/workflow-definitions/bench-300/versions',
    '/api/workflow-definitions/bench-50', '/api/workflow-definitions/bench-50/versions',
    '/api/tasks?status=Open&page=1&pageSize=20', '/api/tasks?status=Done&pageSize=50'];
  for (let round = 0; round < 20; round++) await Promise.all(paths.map((path) => api(path).catch(() => null)));
  if (!pid) return 'Host warmed up by 20 rounds of the pages\' requests (its idleness not checked: no HOST_PID)';
  const started = Date.now();
  for (;;) {
    const before = cpuTicks(pid);
    await sleep(1000);
    const used = cpuTicks(pid) - before;
    if (used < 5 || Date.now() - started > 60000) {
      return `Host warmed up by 20 rounds of the pages' requests, then idle (${used} % of a core over 1 s, after ${((Date.now() - started) / 1000).toFixed(0)} s)`;
    }
  }
}

async function main() {
  await signInApi();
  for (const n of [50, 300]) await api('/api/workflow-definitions/import', { method: 'POST', body: JSON.stringify(definition(n)) });
  // A sign-off waiting for the administrator: the task the phone pages open.
  await api('/api/workflow-definitions/import', { method: 'POST', body: JSON.stringify({ definitionId: 'bench-sign-off', name: '基准签批', isPublished: true,
    root: { type: 'Elsa.Flowchart', id: 'flow', connections: [], activities: [{ id: 'sign', name: '方案签批', type: 'Chamber.SignOff',
      title: { typeName: 'String', expression: { type: 'Literal', value: '签批：年度创建实施方案' } },
      approvers: { typeName: 'Object', expression: { type: 'Literal', value: `user:${admin.email}` } } }] } }) });
  await api('/api/workflow-instances', { method: 'POST', body: JSON.stringify({ definitionId: 'bench-sign-off' }) });
  const warmUp = await warmUpHost(process.env.HOST_PID);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('邮箱').fill(admin.email);
  await page.getByLabel('密码').fill(admin.password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('signed-in-as').waitFor();

  console.log(`conditions: chromium ${browser.version()} headless, 1440×900, Host on SQLite with the manual clock; ${warmUp}; ${runs} runs each (median, then all)`);
  const results = [];
  for (const n of [50, 300]) {
    const times = [];
    for (let run = 0; run < runs; run++) {
      await page.goto('/inbox'); // leave the designer, so the next visit builds it anew (code cached, as for a returning user)
      const started = Date.now();
      await page.goto(`/designer/bench-${n}`);
      // Opened at 100 %: the cards in view are drawn (the rest as they are panned into view).
      await page.locator('g[data-cell-id="a1"]').waitFor({ timeout: 60000 });
      await page.getByTestId('zoom-level').filter({ hasText: '100%' }).waitFor();
      await page.locator('g[data-cell-id="a1"]').click({ force: true });
      // The property panel shows the clicked activity's id.
      await page.waitForFunction((id) => [...document.querySelectorAll('input')].some((i) => i.value === id), 'a1', { polling: 16 });
      times.push(Date.now() - started);
    }
    results.push([`designer, ${n} activities: navigation → opened at 100 % and a click answered`, times]);
  }

  if (participants > 0) {
    const campaigns = await api('/api/campaigns');
    const campaign = campaigns.find((c) => c.participantCount >= participants) ?? campaigns[0];
    const times = [];
    for (let run = 0; run < runs; run++) {
      await page.goto('/inbox');
      const started = Date.now();
      await page.goto('/');
      await page.locator('canvas').first().waitFor({ timeout: 60000 });
      await page.getByText(campaign.name).first().waitFor();
      times.push(Date.now() - started);
    }
    results.push([`dashboard, a campaign of ${campaign.participantCount.toLocaleString('en')} participants: navigation → stage chart drawn`, times]);
  }

  if (participants > 0) results.push(...await phonePages(browser, participants));

  for (const [name, times] of results) console.log(`  ${name}: ${(median(times) / 1000).toFixed(2)} s (${times.map((t) => (t / 1000).toFixed(2)).join(', ')})`);
  await browser.close();
}

/**
 * The pages leaders and chambers open on their phones, at 390×844 with chromium's CPU throttled 4×
 * (a mid-range phone), from navigation to their first render: the inbox's task cards, a task's
 * answers, the campaign's summary, the chamber portal's items. The administrator's session stands in
 * for a leader's (the same pages and requests); the portal link is the first chamber's.
 */
async function phonePages(browser, participants) {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto('/signin');
  await page.getByLabel('邮箱').fill(admin.email);
  await page.getByLabel('密码').fill(admin.password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('signed-in-as').waitFor();
  const campaigns = await api('/api/campaigns');
  const campaign = campaigns.find((c) => c.participantCount >= participants) ?? campaigns[0];
  const chambers = await api('/api/chambers?pageSize=1');
  const { link } = await api(`/api/chambers/${chambers.items[0].id}/portal-link`, { method: 'POST' });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const timed = [
    ['inbox: the task cards', '/inbox', () => page.getByTestId('task-list').waitFor({ timeout: 60000 })],
    ['a task: its answers', '/inbox', async () => {
      await page.getByTestId('task-list').getByRole('button').first().click({ timeout: 60000 });
      await page.getByTestId('answer-task').waitFor({ timeout: 60000 });
    }],
    ['the campaign summary: its figures and stages', `/campaigns/${campaign.id}`, () => page.locator('.ant-statistic').first().waitFor({ timeout: 60000 })],
    ['the chamber portal: its items', new URL(link).pathname, () => page.getByRole('button').first().waitFor({ timeout: 60000 })],
  ];
  const results = [];
  for (const [name, path, rendered] of timed) {
    const times = [];
    for (let run = 0; run < runs; run++) {
      await page.goto('about:blank');
      const started = Date.now();
      await page.goto(path);
      await rendered();
      times.push(Date.now() - started);
    }
    results.push([`phone 390×844, CPU 4× slower, ${name}: navigation → first render`, times]);
  }
  await context.close();
  return results;
}

main().catch((e) => { console.error(e); process.exit(1); });
