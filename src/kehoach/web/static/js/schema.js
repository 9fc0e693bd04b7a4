// Reading a JSON Schema (the one `kehoach schema` prints, from pydantic): follow $ref,
// see through "X or null", pick the oneOf/anyOf variant a value is, make a default value.
// Nothing here knows a plan's fields: a block kind a plugin adds is just another variant.

export class Schema {
  constructor(root) {
    this.root = root;
  }

  /** The schema with $ref followed; sibling keys (description, default) kept. */
  resolve(schema) {
    let current = schema ?? {};
    const seen = new Set();
    while (current.$ref && !seen.has(current.$ref)) {
      seen.add(current.$ref);
      const { $ref, ...siblings } = current;
      current = { ...this.lookup($ref), ...siblings };
    }
    return current;
  }

  lookup(ref) {
    if (!ref.startsWith("#/")) return {};
    let node = this.root;
    for (const part of ref.slice(2).split("/")) node = node?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
    return node ?? {};
  }

  /** The choices of a oneOf/anyOf, resolved, without the {type: null} one. */
  variants(schema) {
    const s = this.resolve(schema);
    const list = s.oneOf ?? s.anyOf ?? [];
    return list.map((v) => this.resolve(v)).filter((v) => v.type !== "null");
  }

  /** True when the schema allows null (pydantic writes anyOf [X, {type: null}]). */
  nullable(schema) {
    const s = this.resolve(schema);
    const list = s.oneOf ?? s.anyOf;
    if (list) return list.some((v) => this.resolve(v).type === "null");
    return Array.isArray(s.type) && s.type.includes("null");
  }

  /**
   * The schema to edit a value with: "X or null" becomes X (keeping the outer description
   * and default); a real choice stays a choice.
   */
  effective(schema) {
    const s = this.resolve(schema);
    if (!(s.oneOf || s.anyOf)) return s;
    const variants = this.variants(s);
    if (variants.length !== 1) return s;
    const { oneOf, anyOf, ...outer } = s;
    return this.effective({ ...variants[0], ...stripType(outer) });
  }

  /** The primary type of a schema: object, array, string, integer, number, boolean, choice. */
  kind(schema) {
    const s = this.effective(schema);
    if (s.oneOf || s.anyOf) return this.numberOrText(s) ? "number-or-text" : "choice";
    if (s.enum) return "enum";
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
    if (type) return type;
    if (s.properties) return "object";
    return "any";
  }

  /** A choice of a number and a plain text (a figure that may be written "12,5"). */
  numberOrText(schema) {
    const types = this.variants(schema).map((v) => (v.format || v.enum ? "?" : v.type)).sort();
    return types.length === 2 && (types[0] === "integer" || types[0] === "number") && types[1] === "string";
  }

  /** Does a value fit a schema well enough to choose it among variants? */
  matches(schema, value) {
    const s = this.resolve(schema);
    if (s.oneOf || s.anyOf) return this.variants(s).some((v) => this.matches(v, value)) ||
      (value === null && this.nullable(s));
    if (s.enum) return s.enum.includes(value);
    const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
    if (types.length && !types.some((t) => typeMatches(t, value))) return false;
    if (!isObject(value)) return types.length > 0;
    const keys = Object.keys(value);
    if ((s.required ?? []).some((k) => !(k in value))) return false;
    if (s.additionalProperties === false && keys.some((k) => !(k in (s.properties ?? {})))) {
      return false;
    }
    if (s.maxProperties !== undefined && keys.length > s.maxProperties) return false;
    const forbidden = s.propertyNames?.not?.enum;
    if (forbidden && keys.some((k) => forbidden.includes(k))) return false;
    return true;
  }

  /** Index of the variant a value is (the most specific match), or -1. */
  variantOf(schema, value) {
    const variants = this.variants(schema);
    let best = -1;
    let bestScore = -1;
    variants.forEach((variant, index) => {
      if (!this.matches(variant, value)) return;
      const score = (variant.required?.length ?? 0) + (variant.additionalProperties === false ? 1 : 0);
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    });
    return best;
  }

  /** A value to start a new item with: required fields filled with their defaults. */
  initial(schema) {
    const s = this.effective(schema);
    if (s.default !== undefined && s.default !== null) return structuredClone(s.default);
    switch (this.kind(s)) {
      case "object": {
        const value = {};
        for (const key of s.required ?? []) value[key] = this.initial(s.properties?.[key] ?? {});
        return value;
      }
      case "array":
        return [];
      case "choice":
        return this.initial(this.variants(s)[0] ?? {});
      case "enum":
        return s.enum[0];
      case "integer":
      case "number":
        return s.minimum ?? 0;
      case "boolean":
        return false;
      case "string":
        return "";
      default:
        return {};
    }
  }
}

function stripType(outer) {
  const { type, title, ...rest } = outer;
  return rest;
}

export function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function typeMatches(type, value) {
  switch (type) {
    case "null":
      return value === null;
    case "string":
      return typeof value === "string";
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return isObject(value);
    default:
      return true;
  }
}

/**
 * A short label from a Vietnamese description: "Thời gian, ghi như người viết: …" →
 * "Thời gian, ghi như người viết". The full description stays as the field's hint.
 */
export function shortLabel(description, fallback) {
  if (!description) return humanize(fallback);
  let text = description.split(/[:;(]| — |, ví dụ|\. /)[0].trim();
  if (text.length > 60) text = `${text.slice(0, 57).trimEnd()}…`;
  return text || humanize(fallback);
}

function humanize(key) {
  if (key === undefined || key === null) return "";
  const text = String(key).replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
