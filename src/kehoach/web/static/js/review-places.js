// Where in the plan a review point is about. The server gives a JSON path when it knows
// one (next year's draft); points of an imported Word plan name a paragraph of the Word
// file instead, so the page finds the place in the plan data: a target or task whose id
// the message names, else the text the quote comes from, else the header for header
// guesses. A point found nowhere stays in the list only (with its paragraph and quote).

import { isObject } from "./schema.js";

/** Each item with `path` filled in where the plan data shows the place. */
export function placeReviewItems(items, data) {
  const leaves = [];
  const ids = new Map();
  walk(data, [], leaves, ids);
  return items.map((item) => (item.path?.length ? item : { ...item, path: locate(item, leaves, ids) }));
}

function walk(node, path, leaves, ids) {
  if (typeof node === "string") leaves.push({ path, text: flat(node) });
  else if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, i], leaves, ids));
  else if (isObject(node)) {
    if (typeof node.id === "string" && !ids.has(node.id)) ids.set(node.id, path);
    for (const [key, value] of Object.entries(node)) walk(value, [...path, key], leaves, ids);
  }
}

// Inline marks and {target} places do not appear in the Word text.
const flat = (text) => text.replace(/\{[^}]*\}|\*+/g, " ").replace(/\s+/g, " ").trim().toLowerCase();

function locate(item, leaves, ids) {
  // Tokens of the message that are ids of the plan ("Chỉ tiêu ct-hoi-nghi: …").
  for (const token of (item.message ?? "").split(/[\s:;,«»()]+/)) {
    if (ids.has(token)) return ids.get(token);
  }
  const quote = flat((item.quote ?? "").replace(/…$/, ""));
  if (quote.length >= 6) {
    const words = quote.split(" ");
    // The longest run of the quote's first words found in one text of the plan.
    for (let n = Math.min(words.length, 12); n >= 3; n -= 1) {
      const probe = words.slice(0, n).join(" ");
      const hit = leaves.find((leaf) => leaf.text.includes(probe));
      if (hit) return hit.path;
    }
  }
  return HEAD_PARTS[item.group] ?? [];
}

// Guesses about parts outside the body, by their kind.
const HEAD_PARTS = { header: ["header"], date: ["header", "date"], signature: ["signature"] };
