/**
 * docs/procedures.md: every stored procedure with its parameters, result columns and examples,
 * rendered from the procedure definitions (src/procedures/), so the page cannot drift from the code.
 */
import { DEFAULT_SCOPES } from '../../src/auth/index.js';
import { CATALOG } from '../../src/connection-string/properties.js';
import type { ProcedureDefinition } from '../../src/procedures/define-procedure.js';
import { OAUTH_PROCEDURES } from '../../src/procedures/index.js';
import { FINDING_SCOPES, VIEW_SCOPES } from '../../src/procedures/view-scopes.js';
import { code, generatedNotice, table } from './markdown.js';

export function renderProceduresDoc(procedures: readonly ProcedureDefinition<unknown>[] = OAUTH_PROCEDURES as readonly ProcedureDefinition<unknown>[]): string {
  const lines = [
    generatedNotice('src/procedures/ and scripts/docs/procedures.ts'),
    '',
    '# Stored procedures',
    '',
    'Run them with `EXEC`, `EXECUTE` or `CALL`; give arguments by name (`EXEC P Name = \'v\'`, `@Name = \'v\'`) or by position',
    '(`CALL P(\'v\')`). Names are case-insensitive. `SELECT * FROM sys_procedures` and `sys_procedureparameters` list them too.',
    'Outputs marked **secret** are tokens: the CLI prints them as `****` unless `--show-secrets` is given.',
    'See [authentication.md](authentication.md) for when to use which.',
    '',
    table(['Procedure', 'What it does'], procedures.map((p) => [`[${p.name}](#${p.name.toLowerCase()})`, firstSentence(p.description)])),
    '',
  ];
  for (const p of procedures) lines.push(...procedureSection(p));
  lines.push(...scopeSection());
  return `${lines.join('\n').trimEnd()}\n`;
}

function procedureSection(p: ProcedureDefinition<unknown>): string[] {
  const lines = [`## ${p.name}`, '', p.description, ''];
  if (p.aliases?.length) lines.push(`Also answers to: ${p.aliases.map(code).join(', ')}.`, '');
  lines.push('### Parameters', '');
  if (p.parameters.length === 0) lines.push('None.', '');
  else {
    const rows = p.parameters.map((param) => [
      code(param.name),
      param.type,
      param.required ? 'yes' : 'no',
      param.default === undefined || param.default === null ? '' : code(String(param.default)),
      `${param.description}${param.values ? ` One of ${param.values.map(code).join(', ')}.` : ''}`,
    ]);
    lines.push(table(['Parameter', 'Type', 'Required', 'Default', 'Description'], rows), '');
  }
  lines.push('### Result columns', '');
  const columns = p.resultColumns.map((c) => [code(c.name), c.type, `${c.sensitive ? '**Secret.** ' : ''}${c.description}`]);
  lines.push(table(['Column', 'Type', 'Description'], columns), '');
  lines.push('### Examples', '');
  for (const example of p.examples) lines.push(`${example.description}:`, '', '```sql', example.sql, '```', '');
  return lines;
}

function scopeSection(): string[] {
  return [
    '## Permissions',
    '',
    `GetOAuthAuthorizationURL and GetOAuthAccessToken ask for the permissions of their Scope argument, else of the \`Scope\` property, whose default is ${String(CATALOG.Scope.default).split(',').map(code).join(', ')}.`,
    `An empty Scope falls back to ${DEFAULT_SCOPES.map(code).join(', ')} (\`instagram_content_publish\` only matters for ContentPublishingLimit).`,
    '',
    'GetTokenInfo reports a view as unavailable when the token lacks a permission it needs:',
    '',
    table(['Views', 'Permissions'], VIEW_SCOPES.map((g) => [g.views.join(', '), g.scopes.map(code).join(', ')])),
    '',
    `Every Instagram view also needs ${FINDING_SCOPES.map(code).join(' and ')} to find the accounts through the Pages, unless \`BusinessAccountId\` is set.`,
    '',
  ];
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}
