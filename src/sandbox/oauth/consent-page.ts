/**
 * The HTML of the Facebook Login dialog: a consent page with a real `<form>` a browser (or a test
 * posting the same fields) submits, and the error pages Facebook shows instead of redirecting.
 *
 * The form (`#consent`, POST to the dialog path) carries hidden `client_id`, `redirect_uri`,
 * `response_type`, `scope` and `state` fields, a `user_id` select (`#user`: which sandbox user
 * consents, Sam Sandbox preselected) and two submit buttons named as on facebook.com:
 * `#allow` (`__CONFIRM__=1`) and `#deny` (`__CANCEL__=1`).
 */
import { SCOPE_DESCRIPTIONS } from './scopes.js';

export interface ConsentView {
  /** Path the form posts to (`/v25.0/dialog/oauth`). */
  readonly action: string;
  readonly appName: string;
  readonly fields: Readonly<Record<string, string | undefined>>;
  readonly granted: readonly string[];
  readonly unknown: readonly string[];
  readonly users: readonly { id: string; name: string }[];
  readonly redirectHost: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `body{font-family:Helvetica,Arial,sans-serif;background:#f0f2f5;margin:0;color:#1c1e21}
main{max-width:460px;margin:48px auto;background:#fff;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.15);padding:24px}
h1{font-size:20px;margin:0 0 8px}ul{padding-left:20px}li{margin:6px 0}.muted{color:#65676b;font-size:13px}
.buttons{display:flex;gap:8px;justify-content:flex-end;margin-top:20px}
button{font-size:15px;padding:8px 20px;border-radius:6px;border:0;cursor:pointer}
#allow{background:#1877f2;color:#fff}#deny{background:#e4e6eb;color:#050505}`;

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function consentPage(view: ConsentView): string {
  const hidden = Object.entries(view.fields)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const scopes = view.granted
    .map((s) => `<li data-scope="${escapeHtml(s)}"><strong>${escapeHtml(s)}</strong>: ${escapeHtml(SCOPE_DESCRIPTIONS[s] ?? s)}</li>`)
    .join('\n');
  const unknown = view.unknown.length === 0 ? ''
    : `<p id="unknown-scopes" class="muted">Not granted (unknown to the sandbox): ${escapeHtml(view.unknown.join(', '))}</p>\n`;
  const users = view.users
    .map((u, i) => `<option value="${escapeHtml(u.id)}"${i === 0 ? ' selected' : ''}>${escapeHtml(u.name)}</option>`)
    .join('');
  return layout(`Log in With Facebook | ${view.appName}`, `<h1 id="app-name">${escapeHtml(view.appName)}</h1>
<p><span id="app-name-text">${escapeHtml(view.appName)}</span> is requesting access to:</p>
<ul id="scopes">
${scopes}
</ul>
${unknown}<form id="consent" method="post" action="${escapeHtml(view.action)}">
${hidden}
<p><label for="user">Continue as</label> <select id="user" name="user_id">${users}</select></p>
<p class="muted">You will be sent back to ${escapeHtml(view.redirectHost)}. This is the igsql sandbox: nothing leaves this machine.</p>
<div class="buttons">
<button type="submit" id="allow" name="__CONFIRM__" value="1">Allow</button>
<button type="submit" id="deny" name="__CANCEL__" value="1">Deny</button>
</div>
</form>`);
}

/** Facebook's dialog error page (no redirect happens): a heading and a sentence. */
export function dialogErrorPage(title: string, message: string): string {
  return layout('Error', `<h1 id="error-title">${escapeHtml(title)}</h1>
<p id="error-message">${escapeHtml(message)}</p>`);
}
