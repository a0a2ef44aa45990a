/** RenewalGate: single-flight renewal and what a 190 means for the token a call carried. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RenewalGate } from '../../../src/auth/renewal-gate.js';
import type { StoredTokens } from '../../../src/auth/stored-tokens.js';

const tokens = (accessToken: string): StoredTokens => ({ accessToken, tokenType: 'bearer', kind: 'long-lived', expiresAt: null, issuedAt: 0 });

test('run: concurrent callers share one renewal; the next call after it settles starts a new one', async () => {
  const gate = new RenewalGate(() => 0, 30_000);
  let runs = 0;
  const renew = async () => tokens(`t-${++runs}`);
  const [a, b] = await Promise.all([gate.run(renew), gate.run(renew)]);
  assert.equal(runs, 1);
  assert.equal(a, b);
  assert.equal(gate.running, undefined);
  await gate.run(renew);
  assert.equal(runs, 2);
});

test('verdict: replaced → retry; just obtained → refused; later or unknown → renew; unknown just after a renewal → retry', () => {
  const clock = { now: 1000 };
  const gate = new RenewalGate(() => clock.now, 30_000);
  assert.equal(gate.verdict('a'), 'renew');
  assert.equal(gate.verdict(undefined), 'renew');
  gate.obtained('b');
  gate.replaced('a');
  assert.equal(gate.verdict('a'), 'retry');
  assert.equal(gate.verdict('b'), 'refused');
  assert.equal(gate.verdict(undefined), 'retry');
  clock.now += 30_000;
  assert.equal(gate.verdict('a'), 'retry', 'a replaced token stays replaced');
  assert.equal(gate.verdict('b'), 'renew', 'the current token refused later: renew again');
  assert.equal(gate.verdict(undefined), 'renew');
});

test('replaced remembers a bounded number of tokens and ignores empty values', () => {
  const gate = new RenewalGate(() => 0, 30_000);
  gate.replaced('');
  assert.equal(gate.isReplaced(''), false);
  for (let i = 0; i < 20; i++) gate.replaced(`t${i}`);
  assert.equal(gate.isReplaced('t19'), true);
  assert.equal(gate.isReplaced('t0'), false);
});
