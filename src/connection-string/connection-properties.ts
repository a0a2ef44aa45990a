import type { PropertyType } from './property-types.js';

/**
 * The typed connection properties: one field per catalog entry, named by its canonical
 * (PascalCase, CData) name, holding the resolved value (the user's value, coerced, or the default).
 * Network, auth, logging and SQL code read these; the catalog (./catalog/) says what each means.
 * Field names and types are stable: add fields, never rename them.
 */
export interface ConnectionProperties {
  // Authentication
  AuthScheme: 'OAuth' | 'SystemUser' | 'AccessToken';
  BusinessAccountId: string;
  AuthenticateAsPage: string;
  /** Graph API version, canonical form `vNN.0`. */
  Version: string;
  AppSecretProof: boolean;

  // OAuth
  InitiateOAuth: 'OFF' | 'GETANDREFRESH' | 'REFRESH';
  OAuthClientId: string;
  OAuthClientSecret: string;
  OAuthAccessToken: string;
  OAuthRefreshToken: string;
  /** A file path (may start with `%APPDATA%` or `~`, expanded by the token store) or `memory://name`. */
  OAuthSettingsLocation: string;
  CallbackURL: string;
  OAuthVerifier: string;
  /** Seconds the access token lives; undefined when unknown. */
  OAuthExpiresIn: number | undefined;
  /** When the access token was issued, epoch milliseconds; undefined when unknown. */
  OAuthTokenTimestamp: number | undefined;
  /** Comma-separated OAuth scopes. */
  Scope: string;

  // SSL
  SSLServerCert: string;

  // Firewall
  FirewallType: 'NONE' | 'TUNNEL' | 'SOCKS4' | 'SOCKS5';
  /** Host only: a `host:port` value is split into FirewallServer and FirewallPort. */
  FirewallServer: string;
  /** Resolved: 80 for TUNNEL and 1080 for SOCKS4/SOCKS5 unless set; 0 when FirewallType is NONE. */
  FirewallPort: number;
  FirewallUser: string;
  FirewallPassword: string;

  // Proxy
  ProxyAutoDetect: boolean;
  /** Host only: a `host:port` value is split into ProxyServer and ProxyPort. */
  ProxyServer: string;
  ProxyPort: number;
  ProxyAuthScheme: 'BASIC' | 'DIGEST' | 'NONE' | 'NEGOTIATE' | 'NTLM' | 'PROPRIETARY';
  ProxyUser: string;
  ProxyPassword: string;
  ProxySSLType: 'AUTO' | 'ALWAYS' | 'NEVER' | 'TUNNEL';
  ProxyExceptions: readonly string[];

  // Logging
  Logfile: string;
  /** 1–5. */
  Verbosity: number;
  LogModules: readonly string[];
  /** Bytes (at least 102400). */
  MaxLogFileSize: number;
  /** 2 or more; 0 or negative = unlimited. */
  MaxLogFileCount: number;

  // Schema
  Location: string;
  BrowsableSchemas: readonly string[];
  Tables: readonly string[];
  Views: readonly string[];

  // Miscellaneous
  /** No trailing slash. */
  BaseURL: string;
  /** -1 = unlimited. */
  MaxRows: number;
  Other: string;
  Pagesize: number;
  /** Seconds; 0 = no timeout. */
  Timeout: number;
  PseudoColumns: string;
  UserDefinedViews: string;
  MaxConcurrentRequests: number;
  /** Seconds; 0 = no response cache. */
  ResponseCacheTTL: number;
  MaxRetries: number;
  UseConnectionPooling: boolean;
  PoolIdleTimeout: number;
  PoolMaxSize: number;
  PoolMinSize: number;
  PoolWaitTime: number;
  ConnectionLifeTime: number;

  // Caching (CData's local cache database: not supported)
  AutoCache: boolean;
  CacheConnection: string;
  CacheLocation: string;
  CacheMetadata: boolean;
  CacheProvider: string;
  CacheTolerance: number;
  Offline: boolean;
}

/** A canonical property name. */
export type PropertyName = keyof ConnectionProperties;

export type PropertyCategory =
  | 'Authentication'
  | 'OAuth'
  | 'SSL'
  | 'Firewall'
  | 'Proxy'
  | 'Logging'
  | 'Schema'
  | 'Miscellaneous'
  | 'Caching';

export const CATEGORIES: readonly PropertyCategory[] = [
  'Authentication',
  'OAuth',
  'SSL',
  'Firewall',
  'Proxy',
  'Logging',
  'Schema',
  'Miscellaneous',
  'Caching',
];

/**
 * How igsql treats a property:
 * - `honoured`: igsql does what the property says;
 * - `ignored`: accepted for CData compatibility, has no effect (a non-default value gives a warning);
 * - `unsupported`: a non-default value is refused with an `unsupported` error (ignoring it would
 *   change results behind the user's back).
 */
export type PropertySupport = 'honoured' | 'ignored' | 'unsupported';

/** One catalog entry, as written in ./catalog/. */
export interface PropertySpec<T> {
  readonly category: PropertyCategory;
  /** Other names accepted for the property (matched like names: case and spaces ignored). */
  readonly aliases: readonly string[];
  readonly type: PropertyType<NonNullable<T>>;
  /** The value when the connection string does not set it (or sets it empty). */
  readonly default: T;
  /** The docs' text for a default that depends on other properties. */
  readonly defaultText?: string;
  /** Secrets: masked everywhere, never echoed in messages. */
  readonly sensitive?: true;
  readonly support: PropertySupport;
  /** One line: what the property does. */
  readonly description: string;
  /** For `ignored` and `unsupported`: why, and what to use instead (one sentence). */
  readonly note?: string;
}

/** The catalog's shape: one entry per field of {@link ConnectionProperties}, types matching. */
export type CatalogShape = { readonly [K in PropertyName]: PropertySpec<ConnectionProperties[K]> };

/** A catalog entry with its canonical name. */
export interface PropertyDefinition extends PropertySpec<unknown> {
  readonly name: PropertyName;
  readonly sensitive?: true;
}
