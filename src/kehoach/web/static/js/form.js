// A form generated from a JSON Schema: objects, arrays (add, remove, move, drag), choices
// between variants (oneOf/anyOf, e.g. block kinds), enums, text, numbers, booleans. The
// form edits the data object it is given in place and calls ctx.onChange(path) after
// every edit. Every field carries data-path (the JSON path of its value) so server
// messages can be shown at the field (see messages.js).

import { h, uid } from "./dom.js";
import { shortLabel } from "./schema.js";
import { arrayField, pathOf } from "./form-array.js";

// A small object (a progress row, a signature) shows all its plain fields at once; a
// larger one shows the fields written and offers the others in "+ Thêm trường…".
const SHOW_ALL_MAX = 4;
const SCALAR = new Set(["string", "integer", "number", "boolean", "enum", "number-or-text"]);
// Fields whose text is long enough to deserve several lines.
const LONG_TEXT = /^(text|bullet|subject|content|paragraphs|purpose|requirements|clause|result|summary|notes|quote|label|title|section)$/;

/**
 * The editor of one value.
 * ctx: {schema, t, onChange, hints}; get(): the current value; set(v): store it
 * (undefined removes an optional key); path: its JSON path; opts: {label, key, required}.
 */
export function field(ctx, schemaNode, get, set, path, opts = {}) {
  const s = ctx.schema.effective(schemaNode);
  const kind = ctx.schema.kind(s);
  const label = opts.label ?? shortLabel(s.description, opts.key);
  if (kind === "object" && s.properties) return objectField(ctx, s, get, set, path, label, opts);
  if (kind === "array") return arrayField(ctx, s, get, set, path, label, opts);
  if (kind === "choice") return choiceField(ctx, s, get, set, path, label, opts);
  if (kind === "enum") return enumField(ctx, s, get, set, path, label, opts);
  if (kind === "boolean") return booleanField(ctx, s, get, set, path, label);
  if (kind === "integer" || kind === "number") return numberField(ctx, s, get, set, path, label, opts);
  if (kind === "number-or-text") return numberOrTextField(ctx, s, get, set, path, label);
  if (kind === "string") return textField(ctx, s, get, set, path, label, opts);
  return jsonField(ctx, s, get, set, path, label);
}

/** The wrapper every leaf field shares: label, control, hint, messages. */
function leaf(ctx, s, path, label, control, { inline = false } = {}) {
  const id = control.id || (control.id = uid("f"));
  const hintId = `${id}-hint`;
  const msgsId = `${id}-msgs`;
  control.setAttribute("aria-describedby", `${hintId} ${msgsId}`);
  const hint = s.description && s.description !== label ? s.description : "";
  const extra = ctx.hints?.(path, control) ?? "";
  return h(
    "div",
    { class: inline ? "field field-inline" : "field", "data-path": JSON.stringify(path) },
    inline ? control : null,
    h("label", { for: id }, label),
    inline ? null : control,
    h("div", { class: "hint", id: hintId }, [hint, extra].filter(Boolean).join(" — ")),
    h("div", { class: "msgs", id: msgsId }),
  );
}

function textField(ctx, s, get, set, path, label, opts) {
  const value = get() ?? "";
  const nullable = ctx.schema.nullable(opts.schemaOuter ?? s);
  const store = (text) => {
    set(text === "" && nullable ? null : text.normalize("NFC"));
    ctx.onChange(path);
  };
  let control;
  if (s.format === "date") {
    control = h("input", { type: "date", value });
    control.addEventListener("change", () => store(control.value));
  } else if (isLong(opts.key, value, s)) {
    control = h("textarea", { rows: Math.min(8, Math.max(2, Math.ceil(value.length / 90))) });
    control.value = value;
    control.addEventListener("input", () => store(control.value));
  } else {
    control = h("input", { type: "text", value, maxlength: s.maxLength ?? null });
    control.addEventListener("input", () => store(control.value));
  }
  if (opts.required) control.required = true;
  return leaf(ctx, s, path, label, control);
}

function isLong(key, value, s) {
  if (s.pattern || (s.maxLength && s.maxLength <= 80)) return false;
  return LONG_TEXT.test(String(key ?? "")) || key === undefined || value.length > 60;
}

function numberField(ctx, s, get, set, path, label, opts) {
  const value = get();
  const control = h("input", {
    type: "number",
    value: value ?? "",
    step: s.type === "integer" ? 1 : "any",
    min: s.minimum ?? null,
    max: s.maximum ?? null,
    inputmode: "numeric",
  });
  control.addEventListener("input", () => {
    const text = control.value.trim();
    if (text === "") set(opts.required ? 0 : null);
    else if (!Number.isNaN(Number(text))) set(Number(text));
    ctx.onChange(path);
  });
  return leaf(ctx, s, path, label, control);
}

/** A figure kept as a number when it reads as one ("3", "12.5"), else as the text typed. */
function numberOrTextField(ctx, s, get, set, path, label) {
  const value = get();
  const control = h("input", { type: "text", value: value ?? "", inputmode: "decimal", class: "short" });
  control.addEventListener("input", () => {
    const text = control.value.trim();
    set(text === "" ? null : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text.normalize("NFC"));
    ctx.onChange(path);
  });
  return leaf(ctx, s, path, label, control);
}

function booleanField(ctx, s, get, set, path, label) {
  const control = h("input", { type: "checkbox", checked: Boolean(get()) });
  control.addEventListener("change", () => {
    set(control.checked);
    ctx.onChange(path);
  });
  return leaf(ctx, s, path, label, control, { inline: true });
}

function enumField(ctx, s, get, set, path, label, opts) {
  const value = get();
  const control = h("select", {});
  if (!opts.required) control.appendChild(h("option", { value: "" }, ctx.t("field.none")));
  for (const choice of s.enum) {
    control.appendChild(
      h("option", { value: JSON.stringify(choice), selected: choice === value }, enumLabel(s.description, choice)),
    );
  }
  control.addEventListener("change", () => {
    set(control.value === "" ? null : JSON.parse(control.value));
    ctx.onChange(path);
  });
  return leaf(ctx, s, path, label, control);
}

/** "done_on_time (Hoàn thành đúng hạn)" in the description names the value in words. */
function enumLabel(description, choice) {
  const code = String(choice);
  const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const words = new RegExp(`(?:^|[\\s:,;])${escaped} \\(([^)]+)\\)`).exec(description ?? "");
  return words ? `${words[1]} (${code})` : code;
}

/** Values the form cannot structure (free maps, a plugin's block): edited as JSON text. */
function jsonField(ctx, s, get, set, path, label) {
  const control = h("textarea", { rows: 3, class: "json", spellcheck: "false" });
  control.value = JSON.stringify(get() ?? {}, null, 1);
  const wrapper = leaf(ctx, s, path, `${label} (JSON)`, control);
  control.addEventListener("input", () => {
    try {
      set(JSON.parse(control.value));
      control.removeAttribute("aria-invalid");
      wrapper.querySelector(".msgs").textContent = "";
      ctx.onChange(path);
    } catch {
      control.setAttribute("aria-invalid", "true");
      wrapper.querySelector(".msgs").textContent = ctx.t("field.badJson");
    }
  });
  return wrapper;
}

function objectField(ctx, s, get, set, path, label, opts) {
  if (get() === null || get() === undefined) set(ctx.schema.initial(s));
  const box = h("fieldset", { class: "group", "data-path": JSON.stringify(path) });
  const render = () => {
    const path = pathOf(box);
    box.replaceChildren();
    if (!opts.bare) box.appendChild(h("legend", {}, label));
    const value = get();
    const required = new Set(s.required ?? []);
    const absent = [];
    const entries = Object.entries(s.properties).filter(([, p]) => !ctx.schema.resolve(p).readOnly);
    const showAll = entries.length <= SHOW_ALL_MAX;
    for (const [key, propSchema] of entries) {
      const present = value[key] !== undefined && value[key] !== null;
      const plain = SCALAR.has(ctx.schema.kind(propSchema));
      if (!present && !required.has(key) && !(showAll && plain)) {
        absent.push(key);
        continue;
      }
      const optional = !required.has(key);
      const child = field(
        ctx,
        propSchema,
        () => value[key],
        // An optional field emptied is left out of the file, as if never written.
        (v) => (v === undefined || (optional && (v === null || v === "")) ? delete value[key] : (value[key] = v)),
        [...path, key],
        { key, required: required.has(key), schemaOuter: propSchema },
      );
      if (optional && present) child.appendChild(removeKeyButton(ctx, propSchema, key, value, path, render));
      box.appendChild(child);
    }
    if (absent.length) box.appendChild(addKeySelect(ctx, s, absent, value, path, render));
    box.appendChild(h("div", { class: "msgs" }));
  };
  render();
  return box;
}

function removeKeyButton(ctx, propSchema, key, value, path, render) {
  const name = shortLabel(ctx.schema.resolve(propSchema).description, key);
  return h(
    "button",
    {
      type: "button",
      class: "link remove-key",
      "aria-label": ctx.t("field.removeKey", { name }),
      onclick: () => {
        delete value[key];
        render();
        ctx.onChange(path);
      },
    },
    ctx.t("field.remove"),
  );
}

function addKeySelect(ctx, s, absent, value, path, render) {
  const id = uid("add");
  const select = h("select", { id }, h("option", { value: "" }, ctx.t("field.addKeyPrompt")));
  for (const key of absent) {
    const name = shortLabel(ctx.schema.resolve(s.properties[key]).description, key);
    select.appendChild(h("option", { value: key }, name));
  }
  select.addEventListener("change", () => {
    const key = select.value;
    if (!key) return;
    value[key] = ctx.schema.initial(s.properties[key]);
    render();
    ctx.onChange([...path, key]);
    const added = document.querySelector(`[data-path="${CSS.escape(JSON.stringify([...path, key]))}"]`);
    added?.querySelector("input, textarea, select, button")?.focus();
  });
  return h("div", { class: "add-key" }, h("label", { for: id, class: "sr-only" }, ctx.t("field.addKey")), select);
}

/** Choice between variants (a block kind, "one line or a list", a date or a partial one). */
function choiceField(ctx, s, get, set, path, label, opts) {
  const variants = ctx.schema.variants(s);
  const box = h("div", { class: "choice", "data-path": JSON.stringify(path) });
  const render = () => {
    const path = pathOf(box);
    let index = ctx.schema.variantOf(s, get());
    if (index < 0) index = variants.length - 1;
    const id = uid("kind");
    const select = h("select", { id, class: "kind" });
    variants.forEach((variant, i) =>
      select.appendChild(h("option", { value: String(i), selected: i === index }, variantName(ctx, variant))),
    );
    select.addEventListener("change", () => {
      set(convert(ctx, get(), variants[Number(select.value)]));
      render();
      ctx.onChange(path);
      box.querySelector("select.kind")?.focus();
    });
    box.replaceChildren(
      h("div", { class: "kind-row" }, h("label", { for: id }, opts.kindLabel ?? ctx.t("field.kind", { label })), select),
      field(ctx, variants[index], get, set, path, { ...opts, label, bare: true }),
    );
  };
  render();
  return box;
}

/** The new value when the kind changes: keep the text the user wrote where it fits. */
function convert(ctx, old, variant) {
  const fresh = ctx.schema.initial(variant);
  const text = typeof old === "string" ? old : Object.values(old ?? {}).find((v) => typeof v === "string");
  if (text === undefined) return fresh;
  if (typeof fresh === "string") return text;
  if (fresh && typeof fresh === "object" && !Array.isArray(fresh)) {
    const key = Object.keys(fresh).find((k) => typeof fresh[k] === "string");
    if (key) fresh[key] = text;
  }
  return fresh;
}

/** A variant's name in the interface: a known kind's word, else its own title. */
export function variantName(ctx, variant) {
  const byTitle = variant.title && ctx.t(`kind.${variant.title}`, {}, null);
  if (byTitle) return byTitle;
  if (variant.title) return variant.title;
  if (variant.format === "date") return ctx.t("kind.date");
  const type = Array.isArray(variant.type) ? variant.type[0] : variant.type;
  return ctx.t(`kind.type.${type ?? "object"}`, {}, type ?? "?");
}
