import type { ConnectionProperties, PropertyName } from './connection-properties.js';
import { crossProblem, shown } from './messages.js';
import type { ConnectionStringPair } from './parsed-connection-string.js';
import type { ConnectionStringProblem } from './problems.js';

/** What resolution knows after coercing each property on its own. */
export interface ResolutionState {
  readonly values: ConnectionProperties;
  /** Properties the user set, in the order written. */
  readonly explicit: Set<PropertyName>;
  /** The pair each property was read from. */
  readonly pairs: ReadonlyMap<PropertyName, ConnectionStringPair>;
  /** Properties whose value was invalid (rules that use them are skipped). */
  readonly failed: Set<PropertyName>;
  readonly problems: ConnectionStringProblem[];
  readonly warnings: string[];
}

interface Rule {
  readonly uses: readonly PropertyName[];
  apply(state: ResolutionState): void;
}

const PROXY_DETAILS: readonly PropertyName[] = ['ProxyPort', 'ProxyAuthScheme', 'ProxyUser', 'ProxyPassword', 'ProxySSLType', 'ProxyExceptions'];
const FIREWALL_DETAILS: readonly PropertyName[] = ['FirewallServer', 'FirewallPort', 'FirewallUser', 'FirewallPassword'];

/** The rules between properties, in order (the host:port split comes first). */
const RULES: readonly Rule[] = [
  { uses: ['ProxyServer', 'ProxyPort'], apply: (s) => splitServer(s, 'ProxyServer', 'ProxyPort') },
  { uses: ['FirewallServer', 'FirewallPort'], apply: (s) => splitServer(s, 'FirewallServer', 'FirewallPort') },
  {
    uses: ['ProxyAutoDetect', 'ProxyServer'],
    apply(s) {
      if (s.values.ProxyAutoDetect && s.values.ProxyServer !== '') {
        s.problems.push(
          crossProblem('ProxyServer', s.pairs.get('ProxyServer')!.keyAt, (where) =>
            `ProxyServer at ${where} cannot be combined with ProxyAutoDetect=true (which takes the proxy from HTTPS_PROXY/HTTP_PROXY): set one of them`,
          ),
        );
      }
    },
  },
  {
    uses: ['ProxyServer', 'ProxyAutoDetect', ...PROXY_DETAILS],
    apply(s) {
      if (s.values.ProxyServer !== '' || s.values.ProxyAutoDetect) return;
      noEffect(s, PROXY_DETAILS, 'no proxy is set (set ProxyServer, or ProxyAutoDetect=true)');
    },
  },
  {
    uses: ['FirewallType', ...FIREWALL_DETAILS],
    apply(s) {
      const type = s.values.FirewallType;
      if (type === 'NONE') {
        noEffect(s, FIREWALL_DETAILS, 'FirewallType is NONE (set FirewallType=TUNNEL, SOCKS4 or SOCKS5)');
        return;
      }
      if (s.values.FirewallServer === '') {
        s.problems.push(
          crossProblem('FirewallType', s.pairs.get('FirewallType')!.keyAt, (where) =>
            `FirewallType=${type} at ${where} needs FirewallServer (the host name of the firewall)`,
          ),
        );
      }
      if (s.values.FirewallPort === 0) s.values.FirewallPort = type === 'TUNNEL' ? 80 : 1080;
    },
  },
  {
    uses: ['AppSecretProof', 'OAuthClientSecret'],
    apply(s) {
      if (s.values.AppSecretProof && s.values.OAuthClientSecret === '') {
        s.problems.push(
          crossProblem('AppSecretProof', s.pairs.get('AppSecretProof')!.keyAt, (where) =>
            `AppSecretProof=true at ${where} needs OAuthClientSecret (the app secret to sign calls with)`,
          ),
        );
      }
    },
  },
];

/** Applies every rule whose properties all have valid values. */
export function applyCrossFieldRules(state: ResolutionState): void {
  for (const rule of RULES) {
    if (rule.uses.some((name) => state.failed.has(name))) continue;
    rule.apply(state);
  }
}

function noEffect(s: ResolutionState, names: readonly PropertyName[], because: string): void {
  const set = names.filter((name) => s.explicit.has(name));
  if (set.length > 0) s.warnings.push(`${set.join(', ')} ${set.length === 1 ? 'has' : 'have'} no effect: ${because}`);
}

/** `host:port` (or `http://host:port`, `[v6]:port`) in a server property sets the port property. */
function splitServer(s: ResolutionState, server: 'ProxyServer' | 'FirewallServer', port: 'ProxyPort' | 'FirewallPort'): void {
  if (!s.explicit.has(server)) return;
  const pair = s.pairs.get(server)!;
  const fail = (reason: string): void => {
    s.failed.add(server);
    s.problems.push(crossProblem(server, pair.valueAt, (where) => `${shown({ name: server }, pair.value)} at ${where}: ${reason}`));
  };
  const parsed = parseHostPort(s.values[server]);
  if (typeof parsed === 'string') return fail(parsed);
  s.values[server] = parsed.host;
  if (parsed.port === undefined) return;
  const current = s.values[port];
  if (s.explicit.has(port) && current !== 0 && current !== parsed.port) {
    return fail(`its port ${parsed.port} contradicts ${port}=${current}: give the port once`);
  }
  s.values[port] = parsed.port;
  s.explicit.add(port);
}

/** Splits a server value; a string is the reason it is invalid. */
export function parseHostPort(raw: string): { host: string; port?: number } | string {
  let rest = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  if (scheme !== null) {
    if (scheme[1]!.toLowerCase() !== 'http') return `expected a host name or host:port, not a ${scheme[1]}:// URL`;
    rest = rest.slice(scheme[0].length).replace(/\/+$/, '');
  }
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(rest);
  const colon = rest.indexOf(':');
  let host = rest;
  let port: string | undefined;
  if (bracketed !== null) {
    host = bracketed[1]!;
    port = bracketed[2];
  } else if (colon >= 0 && colon === rest.lastIndexOf(':')) {
    host = rest.slice(0, colon);
    port = rest.slice(colon + 1);
  }
  if (host === '') return 'the host name is missing';
  if (port === undefined) return { host };
  const number = /^\d{1,5}$/.test(port) ? Number(port) : 0;
  if (number < 1 || number > 65535) return `expected a port from 1 to 65535 after ':', not '${port}'`;
  return { host, port: number };
}
