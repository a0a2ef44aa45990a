/**
 * The parts of undici igsql uses (Agent, buildConnector, Dispatcher#request), loaded on their own.
 * `import 'undici'` loads all of it (fetch, WebSocket, caches, mocks, interceptors, and Node's own
 * bundled undici through them): ~10 MB of RSS and 3 MB of live heap for code a query never runs,
 * and V8 lets the heap grow to a multiple of what stays live (docs/performance.md, W7). undici
 * has no `exports` map, so its files can be required directly; if its layout ever changes, the
 * whole package is loaded instead.
 */
import { createRequire } from 'node:module';
import type * as Undici from 'undici';

const require = createRequire(import.meta.url);

function load(): Pick<typeof Undici, 'Agent' | 'buildConnector'> {
  try {
    const Agent = require('undici/lib/dispatcher/agent.js') as typeof Undici.Agent;
    const buildConnector = require('undici/lib/core/connect.js') as typeof Undici.buildConnector;
    const Dispatcher = require('undici/lib/dispatcher/dispatcher.js') as { prototype: Record<string, unknown> };
    // what undici's index does for every API method; igsql only calls `request`
    Dispatcher.prototype['request'] ??= require('undici/lib/api/api-request.js') as unknown;
    if (typeof Agent !== 'function' || typeof buildConnector !== 'function' || typeof Dispatcher.prototype['request'] !== 'function') {
      throw new Error('unexpected undici layout');
    }
    return { Agent, buildConnector };
  } catch {
    const undici = require('undici') as typeof Undici;
    return { Agent: undici.Agent, buildConnector: undici.buildConnector };
  }
}

export const { Agent, buildConnector } = load();
