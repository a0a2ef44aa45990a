/**
 * The errors of `/oauth/access_token`, with the wording Facebook uses (client reports quote them).
 * Code-validation errors carry `WWW-Authenticate: OAuth "Facebook Platform" "invalid_code" "<message>"`
 * as Facebook sends them; the subcodes (36007 expired, 36008 redirect_uri, 36009 used) follow newer
 * client reports (older answers have none).
 */
import { graphError, type GraphError } from '../graph-error.js';

function withAuthenticate(kind: string, message: string): Record<string, string> {
  return { 'WWW-Authenticate': `OAuth "Facebook Platform" "${kind}" "${message.replace(/"/g, "'")}"` };
}

function codeError(message: string, subcode?: number): GraphError {
  return graphError({ code: 100, message, ...(subcode === undefined ? {} : { subcode }), headers: withAuthenticate('invalid_code', message) });
}

export const oauthErrors = {
  missingClientId: () => graphError({ code: 101, message: 'Missing client_id parameter.', headers: withAuthenticate('invalid_request', 'Missing client_id parameter.') }),
  invalidClientId: () => graphError({ code: 101, message: 'Error validating application. Invalid application ID.', headers: withAuthenticate('invalid_request', 'Error validating application. Invalid application ID.') }),
  missingClientSecret: () => graphError({ code: 1, status: 400, message: 'Missing client_secret parameter.', headers: withAuthenticate('invalid_request', 'Missing client_secret parameter.') }),
  invalidClientSecret: () => graphError({ code: 1, status: 400, message: 'Error validating client secret.', headers: withAuthenticate('invalid_client', 'Error validating client secret.') }),
  missingRedirectUri: () => graphError({ code: 191, message: 'Missing redirect_uri parameter.', headers: withAuthenticate('invalid_request', 'Missing redirect_uri parameter.') }),
  relativeRedirectUri: () => graphError({ code: 191, message: "redirect_uri isn't an absolute URI. Check RFC 3986.", headers: withAuthenticate('invalid_request', "redirect_uri isn't an absolute URI. Check RFC 3986.") }),
  missingCode: () => codeError('Missing authorization code'),
  invalidCode: () => codeError('Invalid verification code format.'),
  usedCode: () => codeError('This authorization code has been used.', 36009),
  expiredCode: () => codeError('This authorization code has expired.', 36007),
  redirectMismatch: () => codeError('Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request', 36008),
  missingExchangeToken: () => graphError({ code: 100, message: '(#100) The parameter fb_exchange_token is required' }),
  notExchangeable: () => graphError({ code: 190, message: 'Invalid OAuth access token.' }),
  foreignToken: (appId: string) => graphError({ code: 190, subcode: 458, message: `Error validating access token: The user has not authorized application ${appId}.` }),
  unsupportedGrantType: (grantType: string) => graphError({
    code: 100, message: `(#100) Unsupported grant_type "${grantType}": use fb_exchange_token, client_credentials, or none with a code`,
  }),
};
