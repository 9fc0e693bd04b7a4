// The real printed pages of the plan as it stands in the form: LibreOffice lays it out on
// the server (POST /api/pages), page breaks and all. Only offered when LibreOffice is there;
// drawn on request, since a layout takes seconds where the HTML preview takes milliseconds.

import { h } from "./dom.js";

export function pagesPanel(app, state) {
  const { t, api } = app;
  const note = h("p", { class: "muted preview-note", "aria-live": "polite" });
  const box = h("div", { class: "printed-pages" });
  const show = async () => {
    note.textContent = t("pages.working");
    box.replaceChildren();
    try {
      const { pages } = await api.pages(state.data);
      const total = pages.length;
      box.replaceChildren(...pages.map((src, index) =>
        h("img", { src, class: "printed-page", alt: t("pages.alt", { page: index + 1, total }) })));
      note.textContent = t("pages.count", { total });
    } catch (error) {
      note.textContent = t("pages.error", { message: error.message });
    }
  };
  return h("section", { class: "printed", "aria-label": t("pages.title") },
    h("h2", {}, t("pages.title")),
    h("button", { type: "button", onclick: show }, t("pages.show")),
    note, box);
}
