/**
 * Word lists for the generator: captions, comment texts, fan usernames, hashtags. Plain data plus a
 * few pure helpers; every choice is drawn from an {@link Rng} so output depends only on the seed.
 */
import type { Rng } from './rng.js';

/** Hashtags that appear in captions and can be searched with `ig_hashtag_search`. */
export const HASHTAG_VOCABULARY: readonly string[] = [
  'coffee', 'espresso', 'latteart', 'coffeetime', 'specialtycoffee', 'barista', 'pourover', 'coldbrew',
  'roastery', 'singleorigin', 'morningroutine', 'cafe', 'brunch', 'bakery', 'croissant', 'breakfast',
  'foodie', 'instafood', 'homebrew', 'v60', 'aeropress', 'chemex', 'beans', 'sustainability',
  'fairtrade', 'smallbusiness', 'shoplocal', 'design', 'studio', 'behindthescenes', 'newrelease',
  'giveaway', 'reels', 'tutorial', 'recipe', 'weekend', 'travel', 'city', 'photography', 'love',
  'developers', 'facebook', 'tea', 'matcha', 'cycling', 'plants', 'interior', 'minimal', 'summer', 'autumn',
];

const CAPTION_OPENERS = [
  'New on the bar this week:', 'Meet our latest roast.', 'Behind the scenes at the roastery.',
  'Saturday mornings look like this.', 'Three ways to brew it at home.', 'Fresh out of the oven!',
  'We asked our baristas for their favourite cup.', 'Limited batch, while it lasts.',
  'Thank you for 10 years of coffee together.', 'Our studio, in the golden hour.',
  'Swipe for the recipe →', 'Sound on for this one.', 'Pour-over, step by step.',
  'Café au lait et croissant ☕🥐', 'Cold brew season is back 🧊', 'Tasting notes: cherry, cocoa, honey.',
];

const CAPTION_CLOSERS = [
  'Link in bio.', 'Tag a friend who needs this.', 'Which one is your favourite?', 'See you at the bar!',
  'Open 7am–4pm daily.', 'Available online and in store.', '', 'Thoughts? Tell us below 👇',
];

const COMMENT_TEXTS = [
  'Beautiful!', 'This is awesome!', 'Need this right now ☕', 'Where is this?', 'Love it 😍',
  'What grinder do you use?', 'Best coffee in town.', 'Can you ship to Canada?', 'So good!!',
  'Is this available in decaf?', '🔥🔥🔥', 'Great shot 📸', 'Recipe please!', 'Looks delicious',
  'Visited last week, amazing staff.', 'When do you open on Sundays?', 'Yes please 🙌', 'Wow',
  'My favourite place ❤️', 'How long do you steep it?', 'Going tomorrow!', 'Perfect latte art',
];

const REPLY_TEXTS = [
  'Thank you so much! 🙏', 'Glad you like it!', 'We ship worldwide, check the link in bio.',
  'Yes! Every day from 8.', 'Send us a DM and we will help.', 'Agreed 😄', 'Same here!', 'Haha true',
];

const FAN_FIRST = ['coffee', 'latte', 'sunny', 'urban', 'little', 'wild', 'quiet', 'happy', 'north', 'city', 'slow', 'golden'];
const FAN_SECOND = ['lover', 'walker', 'baker', 'nomad', 'reader', 'fox', 'bean', 'cyclist', 'cook', 'pixel', 'garden', 'traveler'];

export const PAGE_CATEGORIES: readonly { id: string; name: string }[] = [
  { id: '2252', name: 'Coffee Shop' },
  { id: '2208', name: 'Camera/Photo' },
  { id: '2201', name: 'Product/Service' },
  { id: '2202', name: 'Website' },
  { id: '2301', name: 'App Page' },
  { id: '2265', name: 'Phone/Tablet' },
];

export function captionFor(rng: Rng, extraTag?: string): string {
  const tags: string[] = [];
  const tagCount = rng.int(4);
  for (let i = 0; i < tagCount; i++) tags.push(`#${rng.pick(HASHTAG_VOCABULARY)}`);
  if (extraTag !== undefined) tags.push(`#${extraTag}`);
  const mention = rng.chance(0.15) ? ` @${fanUsername(rng)}` : '';
  return [rng.pick(CAPTION_OPENERS), rng.pick(CAPTION_CLOSERS) + mention, [...new Set(tags)].join(' ')]
    .filter((part) => part.trim() !== '')
    .join(' ');
}

export function commentText(rng: Rng, mentionOwner?: string): string {
  const text = rng.pick(COMMENT_TEXTS);
  return mentionOwner !== undefined && rng.chance(0.2) ? `@${mentionOwner} ${text}` : text;
}

export function replyText(rng: Rng, replyTo: string): string {
  return `@${replyTo} ${rng.pick(REPLY_TEXTS)}`;
}

const FAN_SEPARATORS = ['_', '.', ''];

/**
 * A fan username as a number (first word, separator, second word, suffix 1..999 or 0 for none),
 * drawn exactly as {@link fanUsername} draws the name: the generator names ~a million commenters
 * and names them through this code and the caches below.
 */
export function fanCode(rng: Rng): number {
  const suffix = rng.chance(0.5) ? rng.between(1, 999) : 0;
  const first = rng.int(FAN_FIRST.length);
  const separator = rng.int(FAN_SEPARATORS.length);
  const second = rng.int(FAN_SECOND.length);
  return ((first * FAN_SEPARATORS.length + separator) * FAN_SECOND.length + second) * 1000 + suffix;
}

/** Fan names without the numeric suffix, by `Math.floor(code / 1000)` (432 of them). */
export const FAN_STEMS: readonly string[] = FAN_FIRST.flatMap((first) => FAN_SEPARATORS.flatMap((sep) => FAN_SECOND.map((second) => `${first}${sep}${second}`)));

/** The username of a {@link fanCode}. */
export function fanName(code: number): string {
  const suffix = code % 1000;
  const stem = FAN_STEMS[(code - suffix) / 1000]!;
  return suffix === 0 ? stem : stem + String(suffix);
}

export function fanUsername(rng: Rng): string {
  return fanName(fanCode(rng));
}

/** Instagram shortcodes are the media pk written in base64url (A-Z a-z 0-9 - _). */
export function shortcodeOf(pk: bigint): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let value = pk;
  let out = '';
  while (value > 0n) {
    out = alphabet[Number(value % 64n)]! + out;
    value /= 64n;
  }
  return out || 'A';
}
