import { renderConnectionStringDoc } from './connection-string.js';
import { viewDocuments } from './views.js';
import { renderProceduresDoc } from './procedures.js';

/** A generated document: its path from the repository root and its renderer. */
export interface GeneratedDocument {
  readonly path: string;
  render(): string;
}

/** Every generated document. Add views/procedures docs here. */
export const DOCUMENTS: readonly GeneratedDocument[] = [
  { path: 'docs/connection-string.md', render: renderConnectionStringDoc },
  ...viewDocuments(),
  { path: 'docs/procedures.md', render: () => renderProceduresDoc() },
];
