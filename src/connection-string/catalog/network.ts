import type { CatalogShape } from '../connection-properties.js';
import { boolean, integer, list, oneOf, text } from '../property-types.js';

/** SSL, Firewall and Proxy properties: everything the network layer (src/http/dispatcher.ts) reads. */
export const NETWORK = {
  SSLServerCert: {
    category: 'SSL',
    aliases: [],
    type: text(),
    default: '',
    support: 'honoured',
    description:
      'Certificate to accept from the server instead of the system trust store: a PEM certificate, the path of a certificate file, a public key, or an MD5, SHA-1 or SHA-256 thumbprint; * accepts any certificate (unsafe).',
  },
  FirewallType: {
    category: 'Firewall',
    aliases: [],
    type: oneOf(['NONE', 'TUNNEL', 'SOCKS4', 'SOCKS5']),
    default: 'NONE',
    support: 'honoured',
    description:
      'Protocol of the proxy-based firewall to tunnel through: TUNNEL (HTTP CONNECT), SOCKS4 or SOCKS5; NONE connects without one. Anything but NONE needs FirewallServer.',
  },
  FirewallServer: {
    category: 'Firewall',
    aliases: [],
    type: text(),
    default: '',
    support: 'honoured',
    description: 'Host name or IP address of the firewall; host:port is also accepted and sets FirewallPort.',
  },
  FirewallPort: {
    category: 'Firewall',
    aliases: [],
    type: integer(0, 65535),
    default: 0,
    defaultText: '80 for TUNNEL, 1080 for SOCKS4 and SOCKS5',
    support: 'honoured',
    description: 'TCP port of the firewall; 0 means the default port of FirewallType.',
  },
  FirewallUser: {
    category: 'Firewall',
    aliases: [],
    type: text(),
    default: '',
    support: 'honoured',
    description: 'User name for the firewall (SOCKS4 sends it as the user id; SOCKS5 and TUNNEL send it with FirewallPassword).',
  },
  FirewallPassword: {
    category: 'Firewall',
    aliases: [],
    type: text(),
    default: '',
    sensitive: true,
    support: 'honoured',
    description: 'Password for the firewall (SOCKS5 user/password or TUNNEL Basic authentication).',
  },
  ProxyAutoDetect: {
    category: 'Proxy',
    aliases: [],
    type: boolean(),
    default: false,
    support: 'honoured',
    description:
      'Use the proxy of the environment (the HTTPS_PROXY, HTTP_PROXY and NO_PROXY variables) instead of ProxyServer; cannot be combined with ProxyServer.',
  },
  ProxyServer: {
    category: 'Proxy',
    aliases: [],
    type: text(),
    default: '',
    support: 'honoured',
    description:
      'Host name or IP address of the HTTP proxy; host:port and http://host:port are also accepted and set ProxyPort.',
  },
  ProxyPort: {
    category: 'Proxy',
    aliases: [],
    type: integer(1, 65535),
    default: 80,
    support: 'honoured',
    description: 'TCP port of the HTTP proxy.',
  },
  ProxyAuthScheme: {
    category: 'Proxy',
    aliases: [],
    type: oneOf(['BASIC', 'DIGEST', 'NONE', 'NEGOTIATE', 'NTLM', 'PROPRIETARY']),
    default: 'BASIC',
    support: 'honoured',
    description:
      'How to authenticate to the proxy: BASIC (ProxyUser and ProxyPassword) or NONE. DIGEST, NEGOTIATE, NTLM and PROPRIETARY are accepted for CData compatibility but refused when connecting: igsql does not implement them.',
  },
  ProxyUser: {
    category: 'Proxy',
    aliases: [],
    type: text(),
    default: '',
    support: 'honoured',
    description: 'User name for the proxy.',
  },
  ProxyPassword: {
    category: 'Proxy',
    aliases: [],
    type: text(),
    default: '',
    sensitive: true,
    support: 'honoured',
    description: 'Password for the proxy.',
  },
  ProxySSLType: {
    category: 'Proxy',
    aliases: [],
    type: oneOf(['AUTO', 'ALWAYS', 'NEVER', 'TUNNEL']),
    default: 'AUTO',
    support: 'honoured',
    description:
      'How requests pass the proxy: AUTO (a CONNECT tunnel for https URLs, plain forwarding for http), ALWAYS (TLS to the proxy itself), NEVER (plain forwarding), TUNNEL (always a CONNECT tunnel).',
  },
  ProxyExceptions: {
    category: 'Proxy',
    aliases: [],
    type: list(),
    default: [],
    support: 'honoured',
    description: 'Hosts reached directly, not through the proxy, separated by commas or semicolons (quote the value when it has semicolons).',
  },
} satisfies Partial<CatalogShape>;
