/**
 * Drives the sandbox's Facebook Login dialog the way a browser does: fetch the page, parse its
 * `<form>` (action, method, inputs, the select's chosen option, the buttons), submit it with the
 * clicked button's name=value as `application/x-www-form-urlencoded`, and read the 302 Location.
 */
import assert from 'node:assert/strict';
import type { Sandbox } from '../../../src/sandbox/index.js';

export const REDIRECT = 'http://localhost:8765/callback';

export interface ParsedForm {
  action: string;
  method: string;
  fields: [string, string][];
  buttons: Map<string, { name: string; value: string }>;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z_:-]+)(?:="([^"]*)")?/g)) out[m[1]!] = decode(m[2] ?? '');
  return out;
}

function decode(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The first `<form>` of a page: what a browser would submit. */
export function parseForm(html: string): ParsedForm {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/.exec(html);
  assert.ok(form !== null, 'the page has a <form>');
  const attrs = attributes(form[1]!);
  const body = form[2]!;
  const fields: [string, string][] = [];
  for (const m of body.matchAll(/<input\b([^>]*)>/g)) {
    const a = attributes(m[1]!);
    if (a['name'] !== undefined) fields.push([a['name'], a['value'] ?? '']);
  }
  for (const m of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const options = [...m[2]!.matchAll(/<option\b([^>]*)>/g)].map((o) => attributes(o[1]!));
    const chosen = options.find((o) => 'selected' in o) ?? options[0];
    const name = attributes(m[1]!)['name'];
    if (name !== undefined && chosen !== undefined) fields.push([name, chosen['value'] ?? '']);
  }
  const buttons = new Map<string, { name: string; value: string }>();
  for (const m of body.matchAll(/<button\b([^>]*)>/g)) {
    const a = attributes(m[1]!);
    if (a['id'] !== undefined) buttons.set(a['id'], { name: a['name'] ?? '', value: a['value'] ?? '' });
  }
  return { action: attrs['action'] ?? '', method: (attrs['method'] ?? 'get').toUpperCase(), fields, buttons };
}

export function dialogUrl(sb: Sandbox, params: Record<string, string>, version = 'v25.0'): string {
  return `${sb.url}/${version}/dialog/oauth?${new URLSearchParams({ client_id: sb.app.id, redirect_uri: REDIRECT, ...params })}`;
}

/** Clicks a button (`allow` / `deny`) on a parsed form; returns the Location of the 302. */
export async function submit(sb: Sandbox, form: ParsedForm, buttonId: string, override: Record<string, string> = {}): Promise<string> {
  const button = form.buttons.get(buttonId);
  assert.ok(button !== undefined, `button #${buttonId} exists`);
  const body = new URLSearchParams([...form.fields.map(([k, v]) => [k, override[k] ?? v] as [string, string]), [button.name, button.value]]);
  const response = await fetch(new URL(form.action, sb.url), {
    method: form.method, body, redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(response.status, 302, await response.clone().text());
  return response.headers.get('location')!;
}

/** Full browser-like login: page → Allow → the code from the redirect. */
export async function authorize(sb: Sandbox, params: Record<string, string> = {}, override: Record<string, string> = {}): Promise<string> {
  const page = await fetch(dialogUrl(sb, params));
  assert.equal(page.status, 200);
  const location = await submit(sb, parseForm(await page.text()), 'allow', override);
  const code = new URL(location).searchParams.get('code');
  assert.ok(code !== null, location);
  return code;
}

export async function tokenEndpoint(sb: Sandbox, params: Record<string, string>, method: 'GET' | 'POST' = 'GET'): Promise<{ status: number; headers: Headers; body: any }> {
  const query = new URLSearchParams(params);
  const response = method === 'GET'
    ? await fetch(`${sb.url}/v25.0/oauth/access_token?${query}`)
    : await fetch(`${sb.url}/v25.0/oauth/access_token`, { method: 'POST', body: query });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

export async function exchangeCode(sb: Sandbox, code: string, extra: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: any }> {
  return tokenEndpoint(sb, { client_id: sb.app.id, redirect_uri: REDIRECT, client_secret: sb.app.secret, code, ...extra });
}
