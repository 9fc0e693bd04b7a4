// The review list of an imported plan or of next year's draft: each point ticked when
// checked (ticks saved to the folder), with a button that shows the place it points at.

import { announce, h, uid } from "./dom.js";
import { jumpTo } from "./messages.js";

export function reviewPanel(app, state, items, formBox, showAtFields) {
  const { t } = app;
  if (!items.length) return null;
  const done = new Set(items.filter((item) => item.done).map((item) => item.id));
  const count = h("p", { class: "review-count", "aria-live": "polite" });
  const errors = h("div", { class: "msgs", role: "alert" });
  const update = () => (count.textContent = t("review.progress", { done: done.size, total: items.length }));

  const saveTicks = async () => {
    errors.textContent = "";
    try {
      const saved = await app.api.review(state.name, [...done], state.reviewVersion);
      state.reviewVersion = saved.version;
      announce(t("review.saved"), "ok");
    } catch (error) {
      errors.textContent = app.fail(error).message;
    }
  };

  const list = h("ol", { class: "review-list" }, items.map((item) => {
    const id = uid("rv");
    const box = h("input", { type: "checkbox", id, checked: done.has(item.id), "data-review-id": item.id });
    box.addEventListener("change", () => {
      if (box.checked) done.add(item.id);
      else done.delete(item.id);
      item.done = box.checked;
      update();
      showAtFields(items);
      saveTicks();
    });
    return h("li", { class: "review-item" },
      box,
      h("label", { for: id }, item.message),
      item.where ? h("span", { class: "where" }, item.where) : null,
      item.quote ? h("q", { class: "quote" }, item.quote) : null,
      item.path?.length
        ? h("button", { type: "button", class: "link", onclick: () => jumpTo(formBox, item.path) }, t("review.show"))
        : null);
  }));
  update();
  return h("section", { class: "panel review", "aria-labelledby": "review-heading" },
    h("h2", { id: "review-heading" }, t("review.heading")), count, errors, list);
}
