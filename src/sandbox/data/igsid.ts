/** Instagram-scoped ids (IGSIDs) of commenters. */
import { closeKey, fmix32, fnvText, hashKeys, HASH_START, mixKey, openStringKey } from './rng.js';
import { FAN_STEMS } from './text.js';

/** A stable Instagram-scoped id for a commenter (16 digits, starts with 6). */
export function igsidFor(username: string): string {
  return format(hashKeys(['igsid', username]), hashKeys([username, 'igsid']));
}

function format(high: number, low: number): string {
  return `6${String(high % 100_000_000).padStart(8, '0')}${String(low % 10_000_000).padStart(7, '0')}`;
}

// hashKeys(['igsid', name]) and hashKeys([name, 'igsid']) with the states after each stem precomputed.
const AFTER_IGSID = mixKey(HASH_START, 'igsid');
const HIGH_STEM = FAN_STEMS.map((stem) => fnvText(openStringKey(AFTER_IGSID), stem));
const LOW_STEM = FAN_STEMS.map((stem) => fnvText(openStringKey(HASH_START), stem));

/**
 * igsidFor(fanName(code)) without building the name: the generator's commenters. Remembered by
 * code (at most 432,000 of them, ~15 MB when a scan meets them all): a million-comment scan asks
 * for each commenter's id a few times, and hashing and formatting it was ~4% of the sandbox's CPU.
 */
export function fanIgsid(code: number): string {
  return (FAN_IGSIDS[code] ??= computeFanIgsid(code));
}

const FAN_IGSIDS = new Array<string | undefined>(FAN_STEMS.length * 1000); // holey but fast elements, indexed by code

function computeFanIgsid(code: number): string {
  const suffix = code % 1000;
  const stem = (code - suffix) / 1000;
  const digits = suffix === 0 ? '' : String(suffix);
  const high = fmix32(closeKey(fnvText(HIGH_STEM[stem]!, digits)));
  const low = fmix32(mixKey(closeKey(fnvText(LOW_STEM[stem]!, digits)), 'igsid'));
  return format(high, low);
}
