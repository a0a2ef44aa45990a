/**
 * The 190 errors of an unusable token, with Meta's wording. Times in the expiry message are Pacific,
 * as Meta writes them: `Session has expired on Tuesday, 19-May-26 16:00:00 PDT. The current time is …`.
 */
import { graphError, type GraphError } from '../graph-error.js';

/** Made on first use: a formatter with a time zone costs ~25 ms of ICU loading, at every start. */
let pacific: Intl.DateTimeFormat | undefined;

/** `Tuesday, 19-May-26 16:00:00 PDT` */
export function pacificTime(epochMs: number): string {
  pacific ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles', weekday: 'long', day: '2-digit', month: 'short', year: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
  });
  const parts = Object.fromEntries(pacific.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  return `${parts['weekday']}, ${parts['day']}-${parts['month']}-${parts['year']} ${parts['hour']}:${parts['minute']}:${parts['second']} ${parts['timeZoneName']}`;
}

export function expiredToken(expiredAtMs: number, nowMs: number): GraphError {
  return graphError({
    code: 190, subcode: 463,
    message: `Error validating access token: Session has expired on ${pacificTime(expiredAtMs)}. The current time is ${pacificTime(nowMs)}.`,
  });
}

/** Why a token was invalidated early; each maps to Meta's subcode and message. */
export type InvalidationReason = 'password-changed' | 'logged-out' | 'app-not-authorized' | 'data-access-expired' | 'invalid';

export function invalidatedToken(reason: InvalidationReason, appId: string): GraphError {
  switch (reason) {
    case 'password-changed':
      return graphError({ code: 190, subcode: 460, message: 'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.' });
    case 'logged-out':
      return graphError({ code: 190, subcode: 467, message: 'Error validating access token: The session is invalid because the user logged out.' });
    case 'app-not-authorized':
      return graphError({ code: 190, subcode: 458, message: `Error validating access token: The user has not authorized application ${appId}.` });
    case 'data-access-expired':
      return graphError({ code: 190, subcode: 493, message: "The access token is invalid since the user hasn't engaged the app in longer than 90 days." });
    case 'invalid':
      return graphError({ code: 190, message: 'Invalid OAuth access token.' });
  }
}
