/**
 * The TokenProvider of InitiateOAuth=GETANDREFRESH and REFRESH: tokens live in the token store,
 * are seeded from OAuthAccessToken or OAuthVerifier, obtained by the desktop flow
 * (GETANDREFRESH only), renewed before they expire and after a 190 error.
 *
 * Every change happens inside `store.update` (the lock): the tokens are re-read there, so a
 * process that waited for another one's renewal uses its result instead of renewing again.
 * Within the process, RenewalGate makes renewals single-flight and tells a 190 for a replaced
 * token (retry with the current one) from a 190 for the one just obtained (a real auth error).
 */
import { GraphApiError } from '../errors.js';
import { DEAD_TOKEN_SUBCODES, type ModeFacts, appMismatchError, missingAppCredentialsError, mustPropagate, reason, tokenRejectedError } from './auth-errors.js';
import { grantContext, signInWithFlow } from './flow-sign-in.js';
import type { OAuthApi } from './oauth-client.js';
import { dropPage, pageTokenVia, storedPageToken } from './page-tokens.js';
import type { AccessToken, AuthDeps, AuthLog, AuthProperties, TokenProvider } from './provider-types.js';
import { type RefreshPolicy, isExpired, refreshNeed } from './refresh-policy.js';
import { RenewalGate } from './renewal-gate.js';
import { renewTokens } from './sign-in.js';
import type { StoredTokens } from './stored-tokens.js';
import type { TokenStore } from './token-store.js';
import { newSeed, seedOrKeep } from './seed-tokens.js';

type Resolved = Required<Pick<AuthDeps, 'runFlow' | 'now' | 'log'>> & Pick<AuthDeps, 'flow'> & { oauth: OAuthApi; store: TokenStore; policy: RefreshPolicy };

export class OAuthSession implements TokenProvider {
  readonly mode = 'oauth' as const;
  readonly #props: AuthProperties;
  readonly #d: Resolved;
  #user: StoredTokens | undefined;
  #page: string | undefined;
  readonly #gate: RenewalGate;

  constructor(props: AuthProperties, deps: Resolved) {
    this.#props = props;
    this.#d = deps;
    this.#gate = new RenewalGate(deps.now, deps.policy.recentRenewalMs);
  }

  get location(): string {
    return this.#d.store.location;
  }

  async token(signal?: AbortSignal): Promise<AccessToken> {
    let user = this.#user;
    if (!user || this.#need(user) !== 'none') user = await this.#gate.run(() => this.#obtain(signal));
    const value = this.#props.AuthenticateAsPage ? await this.#pageToken(user, signal) : user.accessToken;
    return { value, scheme: 'query', ...(this.#props.OAuthClientSecret ? { appSecret: this.#props.OAuthClientSecret } : {}) };
  }

  /** `used`: the token the failed call carried, when the caller knows it (see RenewalGate). */
  async onAuthError(err: GraphApiError, used?: AccessToken | string): Promise<boolean> {
    if (err.graphCode !== 190 && err.graphCode !== 102) return false;
    const value = typeof used === 'string' ? used : used?.value;
    const running = this.#gate.running;
    if (running) {
      await running; // a renewal started by a concurrent call: share it
      if (value === undefined || this.#gate.isReplaced(value)) return true;
    }
    const verdict = this.#gate.verdict(value);
    if (verdict !== 'renew') return verdict === 'retry';
    let failure = err;
    if (this.#page !== undefined) {
      // A Page token can die alone (role removed, Page token reset): fetch it again first.
      const page = this.#props.AuthenticateAsPage;
      this.#page = undefined;
      if (this.#user) {
        const old = storedPageToken(this.#user, page, this.#d.now());
        if (old) this.#gate.replaced(old.accessToken);
        this.#user = dropPage(this.#user, page);
      }
      await this.#d.store.update((current) => ({ next: current && dropPage(current, page), result: undefined }));
      if (this.#user && err.subcode !== 463 && !isExpired(this.#user, this.#d.now())) {
        try {
          await this.#pageToken(this.#user);
          return true;
        } catch (e) {
          if (!(e instanceof GraphApiError) || (e.graphCode !== 190 && e.graphCode !== 102)) throw e;
          failure = e; // The user token is refused too.
        }
      }
    }
    await this.#gate.run(() => this.#obtain(undefined, failure));
    return true;
  }

  /** Drops the tokens held in memory: the next call re-reads the store (after a procedure stored new ones). */
  forget(): void {
    this.#user = undefined;
    this.#page = undefined;
  }

  /** The stored tokens (for GetTokenInfo and sys_connection_props; the caller masks them). */
  async stored(): Promise<StoredTokens | undefined> {
    return this.#d.store.read();
  }

  async #obtain(signal: AbortSignal | undefined, failure?: GraphApiError): Promise<StoredTokens> {
    if (!failure) {
      // Fast path: a stored token that needs nothing is used without taking the lock.
      const stored = await this.#d.store.read();
      if (stored && newSeed(this.#props, stored) === undefined && this.#checkApp(stored) && this.#need(stored) === 'none') {
        return (this.#user = stored);
      }
    }
    const tokens = await this.#d.store.update(
      async (current) => {
        this.#checkApp(current);
        const seed = newSeed(this.#props, current);
        if (seed) return this.#renewIfNeeded(await seedOrKeep(this.#props, seed, current, { ...this.#d, location: this.location }, signal), true, signal);
        if (!current) return this.#renewIfNeeded(await this.#signIn(signal), true, signal);
        if (!failure) return this.#renewIfNeeded(current, false, signal);
        if (this.#user && current.accessToken !== this.#user.accessToken) return { next: undefined, result: current }; // renewed elsewhere
        return this.#recover(current, failure, signal);
      },
      { ...(signal ? { signal } : {}), onWait: (h) => this.#log(2, `Waiting for igsql process ${h.pid ?? '?'} that is updating the tokens in ${this.location}.`) },
    );
    if (this.#user && this.#user.accessToken !== tokens.accessToken) this.#gate.replaced(this.#user.accessToken);
    this.#user = tokens;
    return tokens;
  }

  /** Renews when the policy says so; a failed early renewal keeps the current token. */
  async #renewIfNeeded(tokens: StoredTokens, changed: boolean, signal?: AbortSignal): Promise<{ next: StoredTokens | undefined; result: StoredTokens }> {
    const now = this.#d.now();
    const need = this.#need(tokens);
    if (need === 'none') return { next: changed ? tokens : undefined, result: tokens };
    if (!this.#hasApp()) return this.#recover(tokens, undefined, signal, missingAppCredentialsError('Renewing the expired access token'));
    try {
      const renewed = await this.#renew(tokens, signal);
      return { next: renewed, result: renewed };
    } catch (err) {
      if (mustPropagate(err)) throw err;
      if (need === 'required' && isExpired(tokens, now)) return this.#recover(tokens, err instanceof GraphApiError ? err : undefined, signal, err);
      this.#log(1, `Could not renew the access token (${reason(err)}); using the current one, which ${tokens.expiresAt ? `expires ${new Date(tokens.expiresAt).toISOString()}` : 'has an unknown expiry'}.`);
      const next = { ...tokens, renewalFailedAt: now };
      return { next, result: next };
    }
  }

  /**
   * The token was refused or expired: renew it, else sign in again (GETANDREFRESH), else say what
   * to do. An expired token is renewed too: the stored refresh token may still be valid, and a
   * call in flight across the expiry brings its 190 here (test/unit/auth/renewal-race.test.ts).
   */
  async #recover(tokens: StoredTokens, failure: GraphApiError | undefined, signal?: AbortSignal, renewError?: unknown): Promise<{ next: StoredTokens; result: StoredTokens }> {
    let why = renewError === undefined ? undefined : reason(renewError);
    const dead = failure?.subcode !== undefined && DEAD_TOKEN_SUBCODES.has(failure.subcode);
    if (renewError === undefined && !dead) {
      try {
        const renewed = await this.#renew(tokens, signal);
        return { next: renewed, result: renewed };
      } catch (err) {
        if (mustPropagate(err)) throw err;
        why = reason(err);
      }
    }
    if (this.#props.InitiateOAuth === 'GETANDREFRESH' && this.#hasApp()) {
      this.#log(1, `The stored access token no longer works (${failure ? `error ${failure.graphCode}/${failure.subcode ?? '-'}` : 'expired'}); signing in again.`);
      const fresh = await this.#signIn(signal);
      return { next: fresh, result: fresh };
    }
    throw tokenRejectedError(this.#facts(), failure, why ?? (this.#hasApp() ? undefined : 'renewing needs OAuthClientId and OAuthClientSecret'));
  }

  async #renew(tokens: StoredTokens, signal?: AbortSignal): Promise<StoredTokens> {
    if (!this.#hasApp()) throw missingAppCredentialsError('Renewing the access token');
    const renewed = await renewTokens(this.#d.oauth, tokens, grantContext(this.#props, this.#d.now(), signal));
    this.#gate.obtained(renewed.accessToken);
    this.#log(2, `Renewed the access token; it expires ${renewed.expiresAt ? new Date(renewed.expiresAt).toISOString() : 'never'}.`);
    return renewed;
  }

  async #signIn(signal?: AbortSignal): Promise<StoredTokens> {
    const tokens = await signInWithFlow(this.#props, this.#facts(), this.#d, signal);
    this.#gate.obtained(tokens.accessToken);
    this.#log(2, `Signed in; the token is stored in ${this.location}.`);
    return tokens;
  }

  async #pageToken(user: StoredTokens, signal?: AbortSignal): Promise<string> {
    const token = await pageTokenVia(this.#d.store, this.#d.oauth, user, this.#props.AuthenticateAsPage, this.#d.now(), signal);
    if (token.tokens) this.#user = token.tokens;
    this.#page = token.id;
    return token.accessToken;
  }

  #checkApp(tokens: StoredTokens | undefined): true {
    const appId = this.#props.OAuthClientId;
    if (tokens?.appId && appId && tokens.appId !== appId) throw appMismatchError(this.location, tokens.appId, appId);
    return true;
  }

  #need(tokens: StoredTokens) {
    return refreshNeed(tokens, this.#d.now(), this.#d.policy, this.#hasApp());
  }

  #hasApp(): boolean {
    return this.#props.OAuthClientId !== '' && this.#props.OAuthClientSecret !== '';
  }

  #facts(): ModeFacts {
    return { AuthScheme: this.#props.AuthScheme, InitiateOAuth: this.#props.InitiateOAuth, location: this.location, hasAppCredentials: this.#hasApp() };
  }

  #log: AuthLog = (level, message) => this.#d.log(level, message);
}
