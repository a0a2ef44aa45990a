/** Instagram-scoped ids (IGSIDs) of commenters. */
import { hashKeys } from './rng.js';

/** A stable Instagram-scoped id for a commenter (16 digits, starts with 6). */
export function igsidFor(username: string): string {
  return `6${String(hashKeys(['igsid', username]) % 100_000_000).padStart(8, '0')}${String(hashKeys([username, 'igsid']) % 10_000_000).padStart(7, '0')}`;
}
