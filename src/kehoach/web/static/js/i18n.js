// The page's words come from the server: templates/messages.json ({"vi": {…}, "en": {…}}),
// the table for the page's language, rendered into index.html as #server-messages.

/** t(key, params, fallback): the string for the page's language, {name} filled in. */
export function translator(table) {
  return (key, params = {}, fallback = key) => {
    const text = table[key];
    if (typeof text !== "string") return fallback;
    return text.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
  };
}
