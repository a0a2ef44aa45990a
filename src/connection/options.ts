import type { ConnectionProperties } from '../connection-string/index.js';
import type { NetworkOptions } from '../http/network-options.js';
import type { LoggingOptions } from '../logging/logger.js';

/** The network layer's options from the connection properties (same names, list values joined). */
export function networkOptions(props: Readonly<ConnectionProperties>): NetworkOptions {
  return {
    ProxyAutoDetect: props.ProxyAutoDetect,
    ProxyServer: props.ProxyServer,
    ProxyPort: props.ProxyPort,
    ProxyAuthScheme: props.ProxyAuthScheme,
    ProxyUser: props.ProxyUser,
    ProxyPassword: props.ProxyPassword,
    ProxySSLType: props.ProxySSLType,
    ProxyExceptions: props.ProxyExceptions.join(';'),
    FirewallType: props.FirewallType,
    FirewallServer: props.FirewallServer,
    FirewallPort: props.FirewallPort,
    FirewallUser: props.FirewallUser,
    FirewallPassword: props.FirewallPassword,
    SSLServerCert: props.SSLServerCert,
    Timeout: props.Timeout,
    MaxConcurrentRequests: props.MaxConcurrentRequests,
  };
}

/** The logger's options from the connection properties. */
export function loggingOptions(props: Readonly<ConnectionProperties>): LoggingOptions {
  return {
    Logfile: props.Logfile,
    Verbosity: props.Verbosity,
    LogModules: props.LogModules.join(';'),
    MaxLogFileSize: props.MaxLogFileSize,
    MaxLogFileCount: props.MaxLogFileCount,
  };
}
