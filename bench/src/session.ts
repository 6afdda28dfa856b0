import { dashboardBody, dashboardHeaders, type DashboardDocument } from './documents.js';

export type Answer = { status: number; text: string; json: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } };

export async function post(url: string, body: string, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  let json: Answer['json'];
  try {
    json = JSON.parse(text) as Answer['json'];
  } catch {
    throw new Error(`${url} answered ${res.status} with something that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: res.status, text, json };
}

/** An answer that is not a clean GraphQL result stops the run: a benchmark of error responses measures nothing. */
export function mustSucceed(what: string, a: Answer): Answer {
  if (a.status !== 200 || a.json.errors?.length || !a.json.data) {
    const errors = a.json.errors?.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ');
    throw new Error(`${what}: HTTP ${a.status}${errors ? `: ${errors}` : ''}`);
  }
  return a;
}

/**
 * Signs in as the dashboard does (its SignIn document) and returns the session cookie the browser would keep:
 * the dashboard's requests are then authenticated by the cookie, which is what makes trusted documents apply.
 */
export async function signIn(serverUrl: string, doc: DashboardDocument, username: string, password: string): Promise<string> {
  const res = await fetch(`${serverUrl}/graphql`, {
    method: 'POST',
    headers: dashboardHeaders(null),
    body: dashboardBody(doc, { username, password }),
  });
  const text = await res.text();
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  if (res.status !== 200 || !cookies.length || text.includes('"errors"')) throw new Error(`signing in as ${username}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return cookies.join('; ');
}
