/**
 * Runs views straight against a sandbox (no SQL engine): the real GraphClient and dispatcher, a
 * static token, and the view's own list() with a hand-made FetchContext.
 */
import { GraphClient } from '../../src/http/graph-client.js';
import { createDispatcher } from '../../src/http/dispatcher.js';
import { staticTokenProvider } from '../../src/http/token-provider.js';
import type { PushedPredicate, ViewDefinition } from '../../src/schema/define-view.js';
import { createGraphViewApi, graphRequester } from '../../src/schema/graph-view-api.js';
import type { Row } from '../../src/schema/types.js';
import type { ViewApi } from '../../src/schema/view-api.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

export interface ViewHarness {
  readonly sandbox: Sandbox;
  readonly api: ViewApi;
  readonly warnings: string[];
  rows(view: ViewDefinition<ViewApi>, query?: { columns?: string[]; predicates?: PushedPredicate[]; limit?: number }): Promise<Row[]>;
  close(): Promise<void>;
}

export async function viewHarness(options: SandboxOptions & { token?: (s: Sandbox) => string; businessAccountId?: string; grouping?: boolean } = {}): Promise<ViewHarness> {
  const sandbox = await startSandbox({ port: 0, seed: 7, size: 'small', ...options });
  const dispatcher = createDispatcher({ Timeout: 30 });
  const client = new GraphClient(
    { BaseURL: sandbox.url, Version: 'v25.0', Timeout: 30 },
    { dispatcher, tokenProvider: staticTokenProvider(options.token ? options.token(sandbox) : sandbox.tokens.longLivedUser) },
  );
  const warnings: string[] = [];
  const api = createGraphViewApi({
    graph: graphRequester(client),
    businessAccountId: options.businessAccountId ?? '',
    version: 'v25.0',
    pageSize: 100,
    concurrency: 4,
    grouping: options.grouping ?? true,
    warn: (message) => warnings.push(message),
  });
  return {
    sandbox,
    api,
    warnings,
    async rows(view, query = {}) {
      const columns = new Set(query.columns ?? view.columns.filter((c) => !c.pseudo).map((c) => c.name));
      const out: Row[] = [];
      const ctx = { columns, predicates: query.predicates ?? [], limit: query.limit, signal: new AbortController().signal, api };
      for await (const page of view.list(ctx)) {
        out.push(...page);
        if (query.limit !== undefined && out.length >= query.limit) break;
      }
      return out;
    },
    async close() {
      await dispatcher.close();
      await sandbox.stop();
    },
  };
}
