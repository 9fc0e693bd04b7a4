// Arrays in the generated form: each item with move up / move down / remove buttons and a
// drag handle; complex items (sections, blocks, tasks) fold into <details> whose summary
// shows the item's text, and are built when first opened (a real plan has hundreds).

import { h, uid } from "./dom.js";
import { field, variantName } from "./form.js";
import { isObject } from "./schema.js";

// Keys whose text names an item best, in order of preference.
const NAME_KEYS = ["title", "section", "text", "bullet", "label", "quote", "name", "id", "area"];

export function arrayField(ctx, s, get, set, path, label, opts) {
  if (!Array.isArray(get())) set([]);
  const itemSchema = s.items ?? {};
  const simple = isSimple(ctx, itemSchema);
  const box = h("fieldset", { class: "group array", "data-path": JSON.stringify(path) });
  let open = [];
  let dragFrom = null;

  const move = (from, to, focusSelector) => {
    const list = get();
    if (to < 0 || to >= list.length) return;
    const [item] = list.splice(from, 1);
    list.splice(to, 0, item);
    const [flag] = open.splice(from, 1);
    open.splice(to, 0, flag);
    render();
    ctx.onChange(path);
    ctx.announce?.(ctx.t("array.moved", { n: to + 1 }));
    if (focusSelector) box.querySelector(`:scope > .items > .item:nth-child(${to + 1}) ${focusSelector}`)?.focus();
  };

  const itemView = (index) => {
    const list = get();
    const itemPath = [...path, index];
    const n = index + 1;
    const tools = h(
      "span",
      { class: "tools" },
      h("span", { class: "handle", title: ctx.t("array.drag"), "aria-hidden": "true" }, "⠿"),
      button("↑", ctx.t("array.up", { n }), "up", index === 0, () => move(index, index - 1, "button.up")),
      button("↓", ctx.t("array.down", { n }), "down", index === list.length - 1, () => move(index, index + 1, "button.down")),
      button("✕", ctx.t("array.remove", { n }), "remove", false, () => {
        list.splice(index, 1);
        open.splice(index, 1);
        render();
        ctx.onChange(path);
        ctx.announce?.(ctx.t("array.removed", { n }));
      }),
    );
    const getItem = () => get()[index];
    const setItem = (v) => {
      get()[index] = v;
    };
    let item;
    if (simple) {
      const editor = field(ctx, itemSchema, getItem, setItem, itemPath, {
        label: ctx.t("array.itemLabel", { label, n }),
      });
      item = h("li", { class: "item simple" }, editor, tools);
    } else {
      const summary = h("summary", {}, h("span", { class: "summary-text" }, summaryText(ctx, itemSchema, getItem(), n)), tools);
      const details = h("details", { "data-path": JSON.stringify(itemPath) }, summary);
      let built = false;
      details.ensure = () => {
        if (built) return;
        built = true;
        const onChange = ctx.onChange;
        const itemCtx = {
          ...ctx,
          onChange: (p) => {
            summary.firstChild.textContent = summaryText(ctx, itemSchema, getItem(), n);
            onChange(p);
          },
        };
        details.appendChild(field(itemCtx, itemSchema, getItem, setItem, itemPath, { label: "", bare: true }));
      };
      details.addEventListener("toggle", () => {
        open[index] = details.open;
        if (details.open) details.ensure();
      });
      if (open[index]) {
        details.open = true;
        details.ensure();
      }
      item = h("li", { class: "item" }, details);
    }
    // Drag and drop reorders too (the buttons are the keyboard way).
    const handle = item.querySelector(".handle");
    item.draggable = false;
    handle.addEventListener("mousedown", () => (item.draggable = true));
    item.addEventListener("dragstart", (event) => {
      dragFrom = index;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", String(index));
      event.stopPropagation();
    });
    item.addEventListener("dragend", () => (item.draggable = false));
    item.addEventListener("dragover", (event) => {
      if (dragFrom === null) return;
      event.preventDefault();
      event.stopPropagation();
    });
    item.addEventListener("drop", (event) => {
      if (dragFrom === null) return;
      event.preventDefault();
      event.stopPropagation();
      const from = dragFrom;
      dragFrom = null;
      if (from !== index) move(from, index);
    });
    return item;
  };

  const render = () => {
    const list = get();
    open.length = list.length;
    box.replaceChildren(
      opts.bare && !label ? null : h("legend", {}, label),
      h("ol", { class: "items" }, list.map((_, i) => itemView(i))),
      addControls(ctx, itemSchema, label, (value) => {
        get().push(value);
        open[get().length - 1] = true;
        render();
        ctx.onChange(path);
        const last = box.querySelector(":scope > .items > .item:last-child");
        last?.querySelector("input, textarea, select")?.focus();
      }),
      h("div", { class: "msgs" }),
    );
  };
  box.rerender = render;
  render();
  return box;
}

function button(text, label, cls, disabled, onclick) {
  return h("button", { type: "button", class: `icon ${cls}`, "aria-label": label, title: label, disabled, onclick }, text);
}

function isSimple(ctx, itemSchema) {
  const kind = ctx.schema.kind(itemSchema);
  return kind === "string" || kind === "integer" || kind === "number" || kind === "enum" || kind === "boolean";
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
export function summaryText(ctx, itemSchema, value, n) {
  const s = ctx.schema.effective(itemSchema);
  let kind = "";
  if (ctx.schema.kind(s) === "choice") {
    const index = ctx.schema.variantOf(s, value);
    if (index >= 0) kind = variantName(ctx, ctx.schema.variants(s)[index]);
  }
  const text = nameOf(value);
  const parts = [kind, text].filter(Boolean).join(": ");
  return `${n}. ${parts || ctx.t("array.empty")}`;
}

function nameOf(value) {
  if (typeof value === "string") return clip(value);
  if (!isObject(value)) return value === undefined || value === null ? "" : String(value);
  for (const key of NAME_KEYS) if (typeof value[key] === "string" && value[key]) return clip(value[key]);
  const only = Object.values(value);
  if (only.length === 1 && isObject(only[0])) return nameOf(only[0]);
  return "";
}

function clip(text) {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 90 ? `${line.slice(0, 88)}…` : line;
}
