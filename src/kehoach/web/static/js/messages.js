// Server messages (validation errors, warnings, review items) shown at the field their
// path points at. Fields inside folded items are built and unfolded first; a path deeper
// than the form goes (or a key the form does not show) lands on the nearest field above.

import { h } from "./dom.js";

const keyOf = (path) => JSON.stringify(path);

/** The field element of a path (or its nearest ancestor), unfolding folded items. */
export function reveal(root, path) {
  let found = null;
  for (let depth = 0; depth <= path.length; depth += 1) {
    const prefix = path.slice(0, depth);
    const el = root.querySelector(`[data-path="${CSS.escape(keyOf(prefix))}"]`);
    if (!el) continue;
    found = el;
    if (el.tagName === "DETAILS") {
      el.ensure?.();
      el.open = true;
    }
  }
  return found;
}

/** Remove the messages of one kind ("error", "warning", "review") from the form. */
export function clearMessages(root, kind) {
  for (const el of root.querySelectorAll(`.msg.${kind}`)) el.remove();
  for (const el of root.querySelectorAll(`[data-invalid-kind="${kind}"]`)) {
    el.removeAttribute("aria-invalid");
    el.removeAttribute("data-invalid-kind");
  }
}

/**
 * Show messages [{path, message, …}] at their fields; returns the ones placed, each with
 * the element it was placed at (for a summary list that jumps to them).
 */
export function showMessages(root, messages, kind, { unfold = true } = {}) {
  const placed = [];
  for (const message of messages) {
    const path = message.path ?? [];
    const target = unfold ? reveal(root, path) : nearest(root, path);
    if (!target) {
      placed.push({ message, element: null });
      continue;
    }
    const box = target.querySelector(":scope > .msgs") ?? target;
    const text = message.where ? `${message.message} — ${message.where}` : message.message;
    box.appendChild(h("p", { class: `msg ${kind}`, role: kind === "error" ? "alert" : null }, text));
    const control = target.querySelector(":scope > input, :scope > textarea, :scope > select");
    if (control && kind === "error") {
      control.setAttribute("aria-invalid", "true");
      control.dataset.invalidKind = kind;
    }
    placed.push({ message, element: target });
  }
  return placed;
}

function nearest(root, path) {
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const el = root.querySelector(`[data-path="${CSS.escape(keyOf(path.slice(0, depth)))}"]`);
    if (el) return el;
  }
  return null;
}

/** Bring a message's field into view and focus its first control. */
export function jumpTo(root, path) {
  const target = reveal(root, path);
  if (!target) return;
  target.scrollIntoView({ block: "center" });
  const control = target.matches("input, textarea, select") ? target : target.querySelector("input, textarea, select, summary");
  control?.focus({ preventScroll: true });
}
