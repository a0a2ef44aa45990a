import type { CatalogShape } from '../connection-properties.js';
import { boolean, oneOf, text, url, version, integer } from '../property-types.js';

const UNBOUNDED = Number.MAX_SAFE_INTEGER;

/** Authentication and OAuth properties. */
export const AUTHENTICATION = {
  AuthScheme: {
    category: 'Authentication',
    aliases: [],
    type: oneOf(['OAuth', 'SystemUser', 'AccessToken']),
    default: 'OAuth',
    support: 'honoured',
    description:
      'How calls are authenticated: OAuth (a user token from OAuthAccessToken or the flow of InitiateOAuth), SystemUser (a Business Suite System User token in OAuthAccessToken, sent as Authorization: Bearer), AccessToken (the token in OAuthAccessToken used as given, never refreshed).',
  },
  BusinessAccountId: {
    category: 'Authentication',
    aliases: ['InstagramBusinessAccountId'],
    type: text(),
    default: '',
    support: 'honoured',
    description: 'Id of the Instagram business account to query; only needed when the token reaches more than one.',
  },
  AuthenticateAsPage: {
    category: 'Authentication',
    aliases: [],
    type: text(),
    default: '',
    support: 'honoured',
    description: 'Id or name of a Facebook Page: igsql fetches that Page\'s access token and makes its calls with it.',
  },
  Version: {
    category: 'Authentication',
    aliases: ['GraphVersion'],
    type: version(),
    default: 'v25.0',
    support: 'honoured',
    description: 'Graph API version to call, written vNN.0 (v25, 25.0 and V25.0 are read as v25.0).',
  },
  AppSecretProof: {
    category: 'Authentication',
    aliases: [],
    type: boolean(),
    default: false,
    support: 'honoured',
    description:
      'Sign every call with appsecret_proof (HMAC-SHA256 of the token keyed with OAuthClientSecret), for apps that require it; needs OAuthClientSecret.',
  },
  InitiateOAuth: {
    category: 'OAuth',
    aliases: [],
    type: oneOf(['OFF', 'GETANDREFRESH', 'REFRESH']),
    default: 'OFF',
    support: 'honoured',
    description:
      'OFF: use OAuthAccessToken as given; GETANDREFRESH: run the browser flow when no token is stored, then renew it when it expires; REFRESH: only renew the stored token (no browser).',
  },
  OAuthClientId: {
    category: 'OAuth',
    aliases: ['ClientId', 'AppId'],
    type: text(),
    default: '',
    support: 'honoured',
    description: 'App Id of your Facebook app.',
  },
  OAuthClientSecret: {
    category: 'OAuth',
    aliases: ['ClientSecret', 'AppSecret'],
    type: text(),
    default: '',
    sensitive: true,
    support: 'honoured',
    description: 'App Secret of your Facebook app (for the code exchange, token renewal and AppSecretProof).',
  },
  OAuthAccessToken: {
    category: 'OAuth',
    aliases: ['AccessToken'],
    type: text(),
    default: '',
    sensitive: true,
    support: 'honoured',
    description: 'Access token for the calls (with InitiateOAuth=OFF), or the first token to store.',
  },
  OAuthRefreshToken: {
    category: 'OAuth',
    aliases: ['RefreshToken'],
    type: text(),
    default: '',
    sensitive: true,
    support: 'honoured',
    description: 'Token used to get a new access token (for Facebook Login: a long-lived token to exchange).',
  },
  OAuthSettingsLocation: {
    category: 'OAuth',
    aliases: [],
    type: text(),
    default: '%APPDATA%/igsql/OAuthSettings.json',
    support: 'honoured',
    description:
      'Where tokens are stored with InitiateOAuth=GETANDREFRESH or REFRESH: a file path, or memory://name to keep them in process memory, shared by id. %APPDATA% is ~/.config on Linux and ~/Library/Application Support on macOS.',
  },
  CallbackURL: {
    category: 'OAuth',
    aliases: ['RedirectURI', 'RedirectURL'],
    type: url({ base: false }),
    default: '',
    support: 'honoured',
    description:
      'Redirect URI of the OAuth flow, exactly as set in the app; empty: the desktop flow listens on http://localhost:33333.',
  },
  OAuthVerifier: {
    category: 'OAuth',
    aliases: [],
    type: text(),
    default: '',
    sensitive: true,
    support: 'honoured',
    description:
      'The code from the redirect after consent, exchanged for a token (headless servers: open the authorization URL elsewhere).',
  },
  OAuthExpiresIn: {
    category: 'OAuth',
    aliases: [],
    type: integer(0, UNBOUNDED),
    default: undefined,
    defaultText: '(unknown)',
    support: 'honoured',
    description: 'Lifetime of the access token in seconds, as the OAuth flow stores it.',
  },
  OAuthTokenTimestamp: {
    category: 'OAuth',
    aliases: [],
    type: integer(0, UNBOUNDED),
    default: undefined,
    defaultText: '(unknown)',
    support: 'honoured',
    description: 'When the access token was issued, in milliseconds since 1970 (UTC).',
  },
  Scope: {
    category: 'OAuth',
    aliases: ['Scopes'],
    type: text(),
    default:
      'instagram_basic,instagram_manage_insights,instagram_manage_comments,pages_show_list,pages_read_engagement,business_management',
    support: 'honoured',
    description: 'Permissions asked for in the OAuth flow, separated by commas or spaces.',
  },
} satisfies Partial<CatalogShape>;
