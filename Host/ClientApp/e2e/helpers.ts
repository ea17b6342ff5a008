import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const admin = { email: process.env.ADMIN_EMAIL ?? 'admin@example.com', password: process.env.ADMIN_PASSWORD ?? '' };
export const userPassword = '测试用户-User-2026';
const artifacts = process.env.E2E_ARTIFACTS ?? 'test-results';

/** Keeps a screenshot of the page as a test artefact (artifacts/ui-screenshots). */
export async function keep(page: Page, name: string): Promise<void> {
  // Settled data makes a better picture, but a screenshot is no assertion: a page that keeps a
  // connection open (a sandboxed preview frame) is taken as it is after a while.
  // The live-update stream stays open, so the network is never idle for long: wait briefly.
  await page.waitForLoadState('networkidle', { timeout: 2_000 }).catch(() => undefined);
  await page.screenshot({ path: join(artifacts, 'screenshots', `${name}.png`), fullPage: true });
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登 录' }).or(page.getByRole('button', { name: '登录' })).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

/** An API session as the administrator (for set-up the pages do not need to show). */
export async function adminApi(request: APIRequestContext): Promise<{
  post(path: string, data: unknown): Promise<unknown>;
  upload(path: string, multipart: Record<string, { name: string; mimeType: string; buffer: Buffer }>): Promise<unknown>;
}> {
  const login = await request.post('/api/auth/login', { data: admin });
  expect(login.ok()).toBeTruthy();
  const token = (await login.json()).antiforgeryToken as string;
  return {
    async post(path, data) {
      const response = await request.post(path, { data, headers: { 'X-XSRF-TOKEN': token } });
      expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
      return response.status() === 204 ? undefined : response.json();
    },
    async upload(path, multipart) {
      const response = await request.post(path, { multipart, headers: { 'X-XSRF-TOKEN': token } });
      expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
      return response.json();
    },
  };
}

/** The delivered e-mails to an address, decoded enough to read (the pickup folder's .eml files). */
export function mailsTo(address: string): string[] {
  const folder = process.env.MAIL_DIR ?? '';
  if (!existsSync(folder)) return []; // nothing delivered yet
  return readdirSync(folder).filter((f) => f.endsWith('.eml'))
    .map((f) => decodeMail(readFileSync(join(folder, f), 'latin1')))
    .filter((text) => text.includes(address));
}

/** The portal link in a delivered e-mail to an address. */
export function portalLinkFor(address: string): string | null {
  for (const text of mailsTo(address)) {
    const match = text.match(/https?:\/\/[^\s"<>]*\/portal\/[A-Za-z0-9_-]+/);
    if (match) return match[0];
  }
  return null;
}

/** Undoes quoted-printable soft breaks and escapes and base64 bodies enough to find a link. */
function decodeMail(raw: string): string {
  const unfolded = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  const base64 = [...raw.matchAll(/\r?\n\r?\n([A-Za-z0-9+/=\r\n]{40,})/g)].map((m) => Buffer.from(m[1].replace(/\s/g, ''), 'base64').toString('utf8'));
  return [unfolded, ...base64].join('\n');
}
