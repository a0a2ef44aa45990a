/**
 * docs/views/<View>.md and docs/views/README.md, rendered from the view definitions, so the docs
 * cannot drift from the code (test/unit/docs checks the committed files).
 */
import type { ViewDefinition } from '../../src/schema/define-view.js';
import { INSTAGRAM_VIEWS } from '../../src/schema/views/index.js';
import type { GeneratedDocument } from './index.js';

export function renderViewDoc(view: ViewDefinition<unknown>): string {
  const lines: string[] = [];
  lines.push(`# ${view.name}`, '', view.description, '');
  if (view.aliases.length > 0) lines.push(`Also answers to: ${view.aliases.map((a) => `\`${a}\``).join(', ')}.`, '');
  lines.push('## Columns', '', '| Column | Type | Description |', '|---|---|---|');
  for (const column of view.columns) {
    const flags = [column.key ? 'key' : '', column.pseudo ? 'input only' : ''].filter(Boolean).join(', ');
    const aliases = column.aliases?.length ? ` Also: ${column.aliases.map((a) => `\`${a}\``).join(', ')}.` : '';
    const graph = column.graphField ? ` Graph field: \`${column.graphField}\`.` : '';
    lines.push(`| ${column.name}${flags ? ` (${flags})` : ''} | ${column.type} | ${escape(column.description)}${aliases}${graph} |`);
  }
  lines.push('');
  lines.push('## Filters the Graph API answers', '');
  if (view.keyColumns.length === 0) {
    lines.push('None: every filter runs in igsql after the rows are read.', '');
  } else {
    lines.push('These WHERE conditions are sent to the API; all others run in igsql.', '', '| Column | Operators | Required |', '|---|---|---|');
    for (const key of view.keyColumns) {
      const required = key.require === 'required' ? 'yes' : key.require === 'any_of' ? 'one of these is required' : 'no';
      lines.push(`| ${key.column} | ${key.operators.map((o) => `\`${o.toUpperCase()}\``).join(', ')} | ${required} |`);
    }
    lines.push('');
  }
  lines.push('## Required filters', '');
  const required = view.keyColumns.filter((k) => k.require === 'required').map((k) => `\`${k.column}\``);
  const anyOf = view.keyColumns.filter((k) => k.require === 'any_of').map((k) => `\`${k.column}\``);
  if (required.length === 0 && anyOf.length === 0) lines.push('None: the view can be read without a WHERE clause.', '');
  if (required.length > 0) lines.push(`The WHERE clause must give ${required.join(' and ')} (with \`=\` or \`IN\`).`, '');
  if (anyOf.length > 0) lines.push(`The WHERE clause must give at least one of ${anyOf.join(', ')}.`, '');
  if (view.orderedBy) lines.push(`Rows come ordered by ${view.orderedBy.column} ${view.orderedBy.direction.toUpperCase()}, so \`ORDER BY ${view.orderedBy.column} ${view.orderedBy.direction.toUpperCase()} LIMIT n\` stops reading early.`, '');
  if (view.notes?.length) {
    lines.push('## Important notes', '');
    for (const note of view.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  lines.push('## Examples', '');
  for (const example of view.examples) lines.push(`${example.description}:`, '', '```sql', example.sql, '```', '');
  return `${lines.join('\n').trimEnd()}\n`;
}

export function renderViewIndex(views: readonly ViewDefinition<unknown>[]): string {
  const lines = ['# Views', '', 'Every view igsql offers. Names are case-insensitive; CData\'s names work as aliases.', '', '| View | Description |', '|---|---|'];
  for (const view of views) lines.push(`| [${view.name}](${view.name}.md) | ${escape(view.description)} |`);
  return `${lines.join('\n')}\n`;
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** One document per Instagram view plus the index (docs/views/). */
export function viewDocuments(): GeneratedDocument[] {
  return [
    ...INSTAGRAM_VIEWS.map((view) => ({ path: `docs/views/${view.name}.md`, render: () => renderViewDoc(view as ViewDefinition<unknown>) })),
    { path: 'docs/views/README.md', render: () => renderViewIndex(INSTAGRAM_VIEWS as readonly ViewDefinition<unknown>[]) },
  ];
}
