// Start-up and navigation: #/ (files), #/edit/NAME (editor), #/check (check a DOCX).

import { api, ApiError } from "./api.js";
import { announce, clear, h } from "./dom.js";
import { translator } from "./i18n.js";
import { filesScreen } from "./screen-files.js";
import { editorScreen } from "./screen-editor.js";
import { checkScreen } from "./screen-check.js";

const lang = document.documentElement.lang === "en" ? "en" : "vi";
const strings = JSON.parse(document.getElementById("server-messages")?.textContent || "{}");
const t = translator(strings && typeof strings === "object" ? strings : {});

const app = {
  api,
  t,
  lang,
  info: null,
  schemas: {},
  leaveGuard: null, // a function returning true when leaving would lose edits
  saveShortcut: null, // the open editor's save (Ctrl+S)
  go(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  },
  async schema(kind) {
    if (!this.schemas[kind]) this.schemas[kind] = await api.schema(kind);
    return this.schemas[kind];
  },
  /** Show an API error in the status bar; returns the error for callers that need it. */
  fail(error) {
    const message = error instanceof ApiError ? error.message : t("error.network");
    announce(t("status.error", { message }), "error");
    return error;
  },
};

let current = location.hash;

async function route() {
  if (app.leaveGuard?.() && !confirm(t("editor.leave"))) {
    history.replaceState(null, "", current);
    return;
  }
  app.leaveGuard = null;
  app.saveShortcut = null;
  current = location.hash;
  const main = clear(document.getElementById("main"));
  const [path, query] = (location.hash.slice(1) || "/").split("?");
  const params = new URLSearchParams(query ?? "");
  for (const link of document.querySelectorAll("nav a")) {
    link.toggleAttribute("aria-current", link.getAttribute("href") === `#${path}`);
  }
  try {
    if (!app.info) app.info = await api.info();
    if (path.startsWith("/edit/")) {
      await editorScreen(app, main, decodeURIComponent(path.slice("/edit/".length)), params);
    } else if (path === "/check") {
      await checkScreen(app, main);
    } else {
      await filesScreen(app, main);
    }
  } catch (error) {
    app.fail(error);
    main.appendChild(h("p", { class: "msg error", role: "alert" }, app.t("status.error", { message: error.message })));
  }
  main.focus({ preventScroll: true });
}

function chrome() {
  document.title = t("app.title");
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
}

window.addEventListener("hashchange", route);
window.addEventListener("beforeunload", (event) => {
  if (app.leaveGuard?.()) event.preventDefault();
});
document.addEventListener("keydown", (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === "s" && app.saveShortcut) {
    event.preventDefault();
    app.saveShortcut();
  }
});
chrome();
announce(t("status.ready"));
route();
