// The Host's JSON API: cookie sign-in, the anti-forgery token on every state-changing call,
// problem-details errors turned into ApiError with the server's message in the reader's language.
import i18n from '../i18n';

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly errors: string[] = [],
  ) {
    super(message);
  }
}

let antiforgeryToken: string | null = null;

export function setAntiforgeryToken(token: string | null): void {
  antiforgeryToken = token;
}

type Body = { json?: unknown; form?: FormData; text?: string };

async function send(method: string, path: string, body?: Body): Promise<Response> {
  // The reader's language, not the browser's: names the server translates come back in it.
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language };
  if (method !== 'GET' && antiforgeryToken) headers['X-XSRF-TOKEN'] = antiforgeryToken;
  let payload: BodyInit | undefined;
  if (body?.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body?.form) {
    payload = body.form;
  } else if (body?.text !== undefined) {
    headers['Content-Type'] = 'text/plain; charset=utf-8';
    payload = body.text;
  }
  return fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
}

export async function problemOf(response: Response): Promise<ApiError> {
  let title = `${response.status} ${response.statusText}`;
  let errors: string[] = [];
  try {
    const problem = await response.json();
    // The Host answers in the language the client sends (Accept-Language), so the texts are shown as they are.
    title = problem.detail && problem.title && !String(problem.title).includes(problem.detail)
      ? `${problem.title}${i18n.language === 'en' ? ': ' : '：'}${problem.detail}` : String(problem.title ?? problem.detail ?? title);
    if (Array.isArray(problem.errors)) errors = problem.errors.map(String);
    else if (problem.errors && typeof problem.errors === 'object') errors = Object.values(problem.errors).flat().map(String);
  } catch {
    // Not JSON: keep the status line.
  }
  return new ApiError(response.status, title, errors);
}

export async function api<T>(method: string, path: string, body?: Body): Promise<T> {
  let response = await send(method, path, body);
  // A token from before a restart or another sign-in: fetch a fresh one and try once more.
  if (response.status === 400 && method !== 'GET' && (await response.clone().text()).includes('anti-forgery')) {
    const fresh = await send('GET', '/api/auth/antiforgery');
    if (fresh.ok) {
      setAntiforgeryToken((await fresh.json()).token);
      response = await send(method, path, body);
    }
  }
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

/**
 * An API path with every interpolated value encoded as one path segment: ids come from addresses
 * people can edit, and a "/" or "?" in one must not reach another endpoint.
 */
export function path(parts: TemplateStringsArray, ...values: (string | number)[]): string {
  return parts.reduce((built, part, i) => built + encodeURIComponent(values[i - 1]) + part);
}

/** The path with a query string of the values set (undefined and empty ones are left out, as the Host reads them alike). */
export function withQuery(base: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

export const get = <T,>(path: string) => api<T>('GET', path);
export const post = <T,>(path: string, json?: unknown) => api<T>('POST', path, json === undefined ? undefined : { json });
export const put = <T,>(path: string, json?: unknown) => api<T>('PUT', path, { json });
export const upload = <T,>(path: string, form: FormData) => api<T>('POST', path, { form });
export const del = (path: string) => api<void>('DELETE', path);

export type Page<T> = { total: number; page: number; pageSize: number; items: T[] };
