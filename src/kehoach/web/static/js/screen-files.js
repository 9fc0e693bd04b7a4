// The file list: plans and progress files of the folder, a new plan from a plan type,
// and last year's Word plan imported.

import { h, uid, announce } from "./dom.js";

export async function filesScreen(app, main) {
  const { t, api } = app;
  const { files } = await api.files();
  main.appendChild(h("h1", {}, t("files.heading", { folder: app.info.folder_name ?? "" })));
  const groups = [
    ["plan", t("files.plans")],
    ["progress", t("files.progress")],
    ["other", t("files.other")],
  ];
  const lists = h("div", { class: "file-lists" });
  for (const [kind, title] of groups) {
    const mine = files.filter((f) => f.kind === kind);
    if (!mine.length && kind === "other") continue;
    lists.appendChild(
      h("section", { class: "panel", "aria-label": title },
        h("h2", {}, title),
        mine.length ? fileTable(app, mine) : h("p", { class: "muted" }, t("files.none"))),
    );
  }
  main.appendChild(lists);
  main.appendChild(h("div", { class: "forms" }, newPlanForm(app), importForm(app)));
}

function fileTable(app, files) {
  const { t } = app;
  return h(
    "ul",
    { class: "files" },
    files.map((file) =>
      h(
        "li",
        {},
        file.kind === "other"
          ? h("span", { class: "file-name" }, file.name)
          : h("a", { href: `#/edit/${encodeURIComponent(file.name)}`, class: "file-name" }, file.name),
        file.title ? h("span", { class: "file-title" }, file.title) : null,
        file.year ? h("span", { class: "file-year" }, t("files.year", { year: file.year })) : null,
      ),
    ),
  );
}

function labelled(text, control, hint) {
  control.id = control.id || uid("in");
  return h("div", { class: "field" }, h("label", { for: control.id }, text), control,
    hint ? h("div", { class: "hint" }, hint) : null);
}

function newPlanForm(app) {
  const { t, api } = app;
  const type = h("select", { name: "plan_type", required: true },
    (app.info.plan_types ?? []).map((p) => h("option", { value: p.id }, `${p.title} (${p.id})`)));
  const year = h("input", { type: "number", name: "year", min: 1930, max: 2200, value: new Date().getFullYear() + 1, required: true });
  const name = h("input", { type: "text", name: "name", pattern: "[A-Za-z0-9._\\-]+\\.ya?ml", required: true });
  const suggest = () => (name.value = `${type.value}-${year.value}.yaml`);
  type.addEventListener("change", suggest);
  year.addEventListener("input", suggest);
  suggest();
  const errors = h("div", { class: "msgs", role: "alert" });
  const form = h("form", { class: "panel", "aria-labelledby": "new-heading" },
    h("h2", { id: "new-heading" }, t("new.heading")),
    labelled(t("new.type"), type), labelled(t("new.year"), year),
    labelled(t("new.name"), name, t("new.nameHint")), errors,
    h("button", { type: "submit", class: "primary" }, t("new.submit")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    errors.textContent = "";
    try {
      const created = await api.create({ name: name.value, plan_type: type.value, year: Number(year.value) });
      app.go(`#/edit/${encodeURIComponent(created.name)}`);
    } catch (error) {
      errors.textContent = app.fail(error).message;
    }
  });
  return form;
}

function importForm(app) {
  const { t, api } = app;
  const file = h("input", { type: "file", name: "file", accept: ".docx,.doc,.odt", required: true });
  const errors = h("div", { class: "msgs", role: "alert" });
  const form = h("form", { class: "panel", "aria-labelledby": "import-heading" },
    h("h2", { id: "import-heading" }, t("import.heading")),
    labelled(t("import.file"), file), errors,
    h("button", { type: "submit", class: "primary" }, t("import.submit")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    errors.textContent = "";
    if (!file.files.length) return;
    announce(t("status.loading"));
    try {
      const imported = await api.importWord(file.files[0]);
      announce(t("import.done", { name: imported.name, count: imported.review?.length ?? 0 }));
      app.go(`#/edit/${encodeURIComponent(imported.name)}`);
    } catch (error) {
      errors.textContent = app.fail(error).message;
    }
  });
  return form;
}
