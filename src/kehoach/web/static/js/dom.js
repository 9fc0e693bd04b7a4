// Small DOM helpers. User text only ever goes in through textContent or attribute values,
// never through innerHTML: a plan can hold "<", "&" and quotes that must print as typed.

let nextId = 0;

/** A fresh element id, unique on the page (labels and aria-describedby need one). */
export function uid(prefix = "k") {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/**
 * h("button", {class: "x", onclick: fn, "aria-label": "…"}, "text", child…)
 * Strings become text nodes; null/undefined/false children are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "class") {
      el.className = value;
    } else if (key === "dataset") {
      Object.assign(el.dataset, value);
    } else if (key === "value" || key === "checked" || key === "selected") {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Remove every child of an element. */
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** A function that runs `fn` once `ms` after the last call. */
export function debounce(fn, ms) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}

// Elements and attributes the server's preview HTML may use; anything else is dropped.
// The server escapes user text already; this is a second fence, not the first.
const SAFE_TAGS = new Set([
  "DIV", "P", "SPAN", "TABLE", "THEAD", "TBODY", "TR", "TD", "TH", "COLGROUP", "COL",
  "STRONG", "B", "EM", "I", "U", "BR", "H1", "H2", "H3", "H4", "H5", "H6", "UL", "OL",
  "LI", "SECTION", "HEADER", "FOOTER", "ARTICLE", "SUP", "SUB", "SMALL", "HR",
]);
const SAFE_ATTRS = new Set(["class", "colspan", "rowspan", "data-path", "lang", "title"]);

/** Parse preview HTML from the server and keep only plain document markup. */
export function safeFragment(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const walk = (node) => {
    for (const child of [...node.children]) {
      if (!SAFE_TAGS.has(child.tagName)) {
        child.remove();
        continue;
      }
      // The page's policy refuses style attributes; a column width is set through the
      // style object instead (the only style the preview uses).
      const width = /(?:^|;)\s*width\s*:\s*([\d.]+%)/.exec(child.getAttribute("style") ?? "");
      for (const attr of [...child.attributes]) {
        if (!SAFE_ATTRS.has(attr.name.toLowerCase())) child.removeAttribute(attr.name);
      }
      if (width) child.style.width = width[1];
      walk(child);
    }
  };
  walk(template.content);
  return template.content;
}

/** Announce a message to screen readers and show it in the status bar. */
export function announce(text, kind = "info") {
  const bar = document.getElementById("status");
  if (!bar) return;
  bar.dataset.kind = kind;
  bar.textContent = text;
}
