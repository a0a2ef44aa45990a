/**
 * `appsecret_proof`: proves a call comes from a holder of the app secret (apps with
 * "Require App Secret" refuse calls without it). graph-api.md §8.8.
 */
import { createHmac } from 'node:crypto';

/** Classic form: hex HMAC-SHA256 of the access token, keyed with the app secret. */
export function appSecretProof(accessToken: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

/**
 * Time-stamped form: HMAC-SHA256 of `token|time`, sent with `appsecret_time=<time>`; Facebook
 * accepts it for 5 minutes. `now` in milliseconds (default Date.now()).
 */
export function timedAppSecretProof(accessToken: string, appSecret: string, now = Date.now()): { appsecret_proof: string; appsecret_time: string } {
  const time = String(Math.floor(now / 1000));
  return { appsecret_proof: createHmac('sha256', appSecret).update(`${accessToken}|${time}`).digest('hex'), appsecret_time: time };
}
