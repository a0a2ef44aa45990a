/**
 * How many comments (top-level + replies) media i of an account has, in O(1): the account's total is
 * split evenly, then pairs of neighbouring media trade a random amount, so counts vary (some media get
 * none) while the account's sum stays exactly `commentsTotal`.
 */
import type { IgAccountRecord, World } from './world.js';
import { unitFor } from './rng.js';

export function commentTotalFor(world: World, account: IgAccountRecord, index: number): number {
  const n = account.mediaTotal;
  if (n === 0 || index < 0 || index >= n) return 0;
  const base = Math.floor(account.commentsTotal / n);
  const remainder = account.commentsTotal % n;
  let total = base + (index < remainder ? 1 : 0);
  const partner = index ^ 1;
  if (account.commentSpread && partner < n && base > 0) {
    const pair = index >>> 1;
    const delta = Math.floor(unitFor(world.seed, 'comment-spread', account.index, pair) * (base + 1));
    total += index % 2 === 0 ? -delta : delta;
  }
  return total;
}
