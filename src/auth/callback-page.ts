/** The small HTML pages the callback server answers the browser with. */

export type CallbackOutcome = 'ok' | 'denied' | 'state-mismatch' | 'error' | 'missing-code' | 'done' | 'not-found';

const TITLES: Record<CallbackOutcome, string> = {
  ok: 'igsql is signed in',
  denied: 'Access was not granted',
  'state-mismatch': 'This sign-in answer does not match',
  error: 'The sign-in failed',
  'missing-code': 'No authorization code',
  done: 'This sign-in is already complete',
  'not-found': 'Not the igsql sign-in page',
};

/** A self-contained page (no scripts, no external resources). `detail` is escaped. */
export function callbackPage(outcome: CallbackOutcome, detail: string): string {
  const title = TITLES[outcome];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em;color:#222}h1{font-size:1.4em}</style>
</head><body data-igsql-outcome="${outcome}">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(detail)}</p>
<p>You can close this window.</p>
</body></html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
