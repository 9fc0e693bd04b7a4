// Arrays in the generated form: each item with move up / move down / remove buttons and a
// drag handle; complex items (sections, blocks, tasks) fold into <details> whose summary
// shows the item's text, and are built when first opened (a real plan has hundreds).
// Moving or removing an item moves its element (what is unfolded stays unfolded) and
// renumbers the data-path of everything inside; editors read their path from there.

import { h, uid } from "./dom.js";
import { field, variantName } from "./form.js";
import { isObject, shortLabel } from "./schema.js";

// Keys whose text names an item best, in order of preference.
const NAME_KEYS = ["title", "section", "text", "bullet", "label", "quote", "name", "id", "area", "source"];

export const pathOf = (el) => JSON.parse(el.dataset.path);

export function arrayField(ctx, s, get, set, path, label, opts) {
  const itemSchema = s.items ?? {};
  const simple = isSimple(ctx, itemSchema);
  const box = h("fieldset", { class: "group array", "data-path": JSON.stringify(path) });
  const list = h("ol", { class: "items" });
  const items = () => [...list.children];
  let dragged = null;

  const renumber = () => {
    const depth = pathOf(box).length;
    const all = items();
    all.forEach((li, i) => {
      for (const el of li.querySelectorAll("[data-path]")) {
        const p = pathOf(el);
        if (p.length > depth && p[depth] !== i) {
          p[depth] = i;
          el.dataset.path = JSON.stringify(p);
        }
      }
      li.index = i;
      li.refresh(all.length);
    });
  };

  const move = (li, to, focus) => {
    const data = get();
    const from = li.index;
    if (to < 0 || to >= data.length || to === from) return;
    data.splice(to, 0, data.splice(from, 1)[0]);
    list.insertBefore(li, to < from ? list.children[to] : list.children[to].nextSibling);
    renumber();
    ctx.onChange(pathOf(box));
    ctx.announce?.(ctx.t("array.moved", { n: to + 1 }));
    if (focus) li.querySelector(focus)?.focus();
  };

  const remove = (li) => {
    get().splice(li.index, 1);
    const n = li.index + 1;
    li.remove();
    renumber();
    ctx.onChange(pathOf(box));
    ctx.announce?.(ctx.t("array.removed", { n }));
  };

  const itemView = (index) => {
    const li = h("li", { class: simple ? "item simple" : "item" });
    li.index = index;
    const here = () => [...pathOf(box), li.index];
    const getItem = () => get()[li.index];
    const setItem = (v) => {
      get()[li.index] = v;
    };
    const up = button("↑", "up", () => move(li, li.index - 1, "button.up"));
    const down = button("↓", "down", () => move(li, li.index + 1, "button.down"));
    const drop = button("✕", "remove", () => remove(li));
    const handle = h("span", { class: "handle", title: ctx.t("array.drag"), "aria-hidden": "true" }, "⠿");
    const tools = h("span", { class: "tools" }, handle, up, down, drop);
    let summaryText = null;
    if (simple) {
      li.append(field(ctx, itemSchema, getItem, setItem, here(), { label: ctx.t("array.itemLabel", { label, n: index + 1 }) }), tools);
    } else {
      summaryText = h("span", { class: "summary-text" });
      const details = h("details", { "data-path": JSON.stringify(here()) }, h("summary", {}, summaryText, tools));
      details.ensure = () => {
        if (details.ensure.built) return;
        details.ensure.built = true;
        const itemCtx = {
          ...ctx,
          onChange: (p) => {
            li.refresh(get().length);
            ctx.onChange(p);
          },
        };
        details.appendChild(field(itemCtx, itemSchema, getItem, setItem, pathOf(details), { label: "", bare: true }));
        details.dispatchEvent(new CustomEvent("form-built", { bubbles: true }));
      };
      details.addEventListener("toggle", () => details.open && details.ensure());
      li.append(details);
    }
    li.refresh = (length) => {
      const n = li.index + 1;
      if (summaryText) summaryText.textContent = itemSummary(ctx, itemSchema, getItem(), n);
      label3(up, ctx.t("array.up", { n, label }), li.index === 0);
      label3(down, ctx.t("array.down", { n, label }), li.index === length - 1);
      label3(drop, ctx.t("array.remove", { n, label }), false);
    };
    li.refresh(get().length);
    dragAndDrop(li, handle, () => dragged, (v) => (dragged = v), move);
    return li;
  };

  const add = (value) => {
    if (!Array.isArray(get())) set([]);
    get().push(value);
    const li = itemView(get().length - 1);
    list.appendChild(li);
    renumber();
    li.querySelector("details")?.setAttribute("open", "");
    li.querySelector("details")?.ensure();
    ctx.onChange(pathOf(box));
    li.querySelector("input, textarea, select")?.focus();
  };

  if (!(opts.bare && !label)) box.appendChild(h("legend", {}, label));
  (get() ?? []).forEach((_, i) => list.appendChild(itemView(i)));
  box.append(list, addControls(ctx, itemSchema, label, add), h("div", { class: "msgs" }));
  return box;
}

function button(text, cls, onclick) {
  return h("button", { type: "button", class: `icon ${cls}`, onclick }, text);
}

function label3(el, text, disabled) {
  el.setAttribute("aria-label", text);
  el.title = text;
  el.disabled = disabled;
}

/** Drag an item by its handle onto another item of the same list (buttons do it by keyboard). */
function dragAndDrop(li, handle, dragged, setDragged, move) {
  handle.addEventListener("mousedown", () => (li.draggable = true));
  li.addEventListener("dragstart", (event) => {
    if (!li.draggable) return;
    event.stopPropagation();
    setDragged(li);
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", String(li.index));
  });
  li.addEventListener("dragend", () => {
    li.draggable = false;
    setDragged(null);
  });
  li.addEventListener("dragover", (event) => {
    if (!dragged() || dragged().parentNode !== li.parentNode) return;
    event.preventDefault();
    event.stopPropagation();
  });
  li.addEventListener("drop", (event) => {
    const from = dragged();
    if (!from || from.parentNode !== li.parentNode) return;
    event.preventDefault();
    event.stopPropagation();
    setDragged(null);
    from.draggable = false;
    move(from, li.index);
  });
}

function isSimple(ctx, itemSchema) {
  const kind = ctx.schema.kind(itemSchema);
  return ["string", "integer", "number", "enum", "boolean", "number-or-text"].includes(kind);
}

/** "Add" button; for a choice of kinds, a kind selector beside it. */
function addControls(ctx, itemSchema, label, add) {
  const s = ctx.schema.effective(itemSchema);
  const variants = ctx.schema.kind(s) === "choice" ? ctx.schema.variants(s) : null;
  if (!variants) {
    return h("div", { class: "add" },
      h("button", { type: "button", onclick: () => add(ctx.schema.initial(s)) }, ctx.t("array.add", { label })));
  }
  const id = uid("addkind");
  const select = h("select", { id });
  variants.forEach((v, i) => select.appendChild(h("option", { value: String(i) }, variantName(ctx, v))));
  return h(
    "div",
    { class: "add" },
    h("label", { for: id }, ctx.t("array.addKind")),
    select,
    h("button", { type: "button", onclick: () => add(ctx.schema.initial(variants[Number(select.value)])) },
      ctx.t("array.add", { label })),
  );
}

/** "3. Gạch đầu dòng: Bồi dưỡng lý tưởng cách mạng…" */
export function itemSummary(ctx, itemSchema, value, n) {
  const s = ctx.schema.effective(itemSchema);
  let kind = "";
  if (ctx.schema.kind(s) === "choice") {
    const index = ctx.schema.variantOf(s, value);
    if (index >= 0) kind = variantName(ctx, ctx.schema.variants(s)[index]);
  }
  const text = nameOf(value) || firstPlain(ctx, s, value);
  const parts = [kind, text].filter(Boolean).join(": ");
  return `${n}. ${parts || ctx.t("array.empty")}`;
}

function nameOf(value) {
  if (typeof value === "string") return clip(value);
  if (!isObject(value)) return value === undefined || value === null ? "" : String(value);
  for (const key of NAME_KEYS) if (typeof value[key] === "string" && value[key]) return clip(value[key]);
  const values = Object.values(value);
  if (values.length === 1 && isObject(values[0])) return nameOf(values[0]);
  return "";
}

/** "Quý: 1" for an item named by no text field: its first plain value, with the field's label. */
function firstPlain(ctx, s, value) {
  if (!isObject(value)) return "";
  const index = ctx.schema.kind(s) === "choice" ? ctx.schema.variantOf(s, value) : -1;
  const schema = index >= 0 ? ctx.schema.variants(s)[index] : s;
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== "string" && typeof v !== "number") continue;
    const description = ctx.schema.resolve(schema.properties?.[key] ?? {}).description;
    return `${shortLabel(description, key)}: ${clip(String(v))}`;
  }
  return "";
}

function clip(text) {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 90 ? `${line.slice(0, 88)}…` : line;
}
