/** Operations that cost far more than they weigh: what demand control is for. */

// The attack: four levels of `comments(first: 20)` through each comment's author,
// 160000 comments for one anonymous request of under 200 bytes, within the depth limit.
export const ATTACK =
  '{ comments(first: 20) { nodes { author { comments(first: 20) { nodes { author { comments(first: 20) { nodes { author { comments(first: 20) { nodes { id } } } } } } } } } } } }';
export const ATTACK_COST = 1 + 20 * (1 + 1 + 1 + 20 * (1 + 1 + 1 + 20 * (1 + 1 + 1 + 20 * (1 + 1))));

// Fourteen fragments each spreading the one before twice: 2^14 selections from a few hundred bytes.
export const FRAGMENT_BOMB = [
  '{ comments { nodes { ...F14 } } }',
  'fragment F0 on Comment { id }',
  ...Array.from({ length: 14 }, (_, level) => `fragment F${level + 1} on Comment { ...F${level} ...F${level} }`),
].join('\n');
