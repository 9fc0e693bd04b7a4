// Server messages (validation errors, warnings, review items) shown at the field their
// path points at. A field inside a folded item that is not built yet gets its messages
// counted on the item's summary instead, and placed at the field once the item is
// unfolded (form-array.js sends "form-built"). A path deeper than the form goes (or a key
// the form does not show) lands on the nearest field above.

import { h } from "./dom.js";

const keyOf = (path) => JSON.stringify(path);
const KINDS = ["error", "warning", "review"];

const find = (root, path) => root.querySelector(`[data-path="${CSS.escape(keyOf(path))}"]`);

/** The field element of a path (or its nearest ancestor), unfolding folded items. */
export function reveal(root, path) {
  let found = null;
  for (let depth = 0; depth <= path.length; depth += 1) {
    const el = find(root, path.slice(0, depth));
    if (!el) continue;
    found = el;
    if (el.tagName === "DETAILS") {
      el.ensure?.();
      el.open = true;
    }
  }
  return found;
}

/** The deepest element of a path (or of its nearest ancestor path), nothing unfolded. */
function nearest(root, path) {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const all = root.querySelectorAll(`[data-path="${CSS.escape(keyOf(path.slice(0, depth)))}"]`);
    if (all.length) return all[all.length - 1];
  }
  return null;
}

/**
 * Show messages [{path, message, where?}] of one kind ("error", "warning", "review") at
 * their fields, replacing that kind's earlier ones. `unfold` opens folded items to reach
 * the fields (after a save); otherwise folded items show a count. `badge(kind, n)` words
 * the count for screen readers.
 */
export function showMessages(root, messages, kind, { unfold = false, badge = null } = {}) {
  root.messageStore = { ...(root.messageStore ?? {}), [kind]: { messages, badge } };
  if (!root.messageListener) {
    root.messageListener = () => root.placing || KINDS.forEach((k) => place(root, k));
    root.addEventListener("form-built", root.messageListener);
  }
  if (unfold) {
    root.placing = true;
    for (const message of messages) reveal(root, message.path ?? []);
    root.placing = false;
    KINDS.forEach((k) => place(root, k));
  } else {
    place(root, kind);
  }
}

/** Remove the messages of one kind from the form. */
export function clearMessages(root, kind) {
  if (root.messageStore) delete root.messageStore[kind];
  wipe(root, kind);
}

function wipe(root, kind) {
  for (const el of root.querySelectorAll(`.msg.${kind}, .badge.${kind}`)) el.remove();
  for (const el of root.querySelectorAll(`[data-invalid-kind="${kind}"]`)) {
    el.removeAttribute("aria-invalid");
    el.removeAttribute("data-invalid-kind");
  }
}

function place(root, kind) {
  wipe(root, kind);
  const stored = root.messageStore?.[kind];
  if (!stored) return;
  const counts = new Map();
  for (const message of stored.messages) {
    const target = nearest(root, message.path ?? []);
    if (!target) continue;
    // Every folded item on the way counts the message on its summary.
    for (let el = target; el && el !== root; el = el.parentElement) {
      if (el.tagName === "DETAILS" && !el.open) counts.set(el, (counts.get(el) ?? 0) + 1);
    }
    if (target.tagName === "DETAILS") continue; // not built yet: the count is all
    const box = target.querySelector(":scope > .msgs") ?? target;
    const text = message.where ? `${message.message} — ${message.where}` : message.message;
    box.appendChild(h("p", { class: `msg ${kind}`, role: kind === "error" ? "alert" : null }, text));
    const control = target.querySelector(":scope > input, :scope > textarea, :scope > select");
    if (control && kind === "error") {
      control.setAttribute("aria-invalid", "true");
      control.dataset.invalidKind = kind;
    }
  }
  for (const [details, n] of counts) {
    const summary = details.querySelector(":scope > summary");
    const words = stored.badge ? stored.badge(kind, n) : String(n);
    summary.insertBefore(h("span", { class: `badge ${kind}`, title: words, "aria-label": words }, String(n)),
      summary.querySelector(".tools"));
  }
}

/** Bring a message's field into view and focus its first control. */
export function jumpTo(root, path) {
  const target = reveal(root, path);
  if (!target) return;
  target.scrollIntoView({ block: "center" });
  const control = target.matches("input, textarea, select") ? target : target.querySelector("input, textarea, select, summary");
  control?.focus({ preventScroll: true });
}
