// Follow-up actions beside the editor. A plan: enter progress (six-month or year-end),
// draft next year's plan. A progress file: produce the report and download it.

import { announce, h, uid } from "./dom.js";
import { isObject } from "./schema.js";

export function followUpPanel(app, state, save) {
  return state.kind === "plan" ? planActions(app, state, save) : progressActions(app, state, save);
}

function labelled(text, control) {
  control.id = control.id || uid("fu");
  return h("div", { class: "field" }, h("label", { for: control.id }, text), control);
}

function periodSelect(app, value) {
  return h("select", {},
    ["6m", "year"].map((p) => h("option", { value: p, selected: p === value }, app.t(`progress.${p}`))));
}

function planActions(app, state, save) {
  const { t, api } = app;
  const errors = h("div", { class: "msgs", role: "alert" });
  const period = periodSelect(app, "6m");
  const progressFor = h("select", {}, h("option", { value: "" }, t("next.noProgress")));
  api.files().then(({ files }) => {
    for (const f of files.filter((x) => x.kind === "progress")) progressFor.appendChild(h("option", { value: f.name }, f.name));
  }).catch(() => {});

  const run = (action) => async () => {
    errors.textContent = "";
    if (state.dirty && !(await save())) return;
    try {
      await action();
    } catch (error) {
      errors.textContent = app.fail(error).message;
    }
  };
  const enterProgress = run(async () => {
    const created = await api.progress(state.name, period.value);
    const query = new URLSearchParams({ plan: state.name, period: period.value });
    app.go(`#/edit/${encodeURIComponent(created.name)}?${query}`);
  });
  const draftNext = run(async () => {
    const drafted = await api.nextYear(state.name, progressFor.value || null);
    announce(t("next.done", { name: drafted.name, count: drafted.review?.length ?? 0 }), "ok");
    app.go(`#/edit/${encodeURIComponent(drafted.name)}`);
  });
  return h("section", { class: "panel follow-up", "aria-labelledby": "fu-heading" },
    h("h2", { id: "fu-heading" }, t("progress.heading")),
    h("div", { class: "row" }, labelled(t("progress.period"), period),
      h("button", { type: "button", onclick: enterProgress }, t("progress.create"))),
    h("h3", {}, t("next.heading")),
    h("div", { class: "row" }, labelled(t("next.progress"), progressFor),
      h("button", { type: "button", onclick: draftNext }, t("next.create"))),
    errors);
}

function progressActions(app, state, save) {
  const { t, api } = app;
  const errors = h("div", { class: "msgs", role: "alert" });
  const result = h("p", { class: "report-result", "aria-live": "polite" });
  const plan = h("select", { required: true });
  if (state.plan) plan.appendChild(h("option", { value: state.plan, selected: true }, state.plan));
  api.files().then(({ files }) => {
    for (const f of files.filter((x) => x.kind === "plan" && x.name !== state.plan)) {
      plan.appendChild(h("option", { value: f.name }, f.name));
    }
    if (!state.plan && plan.value) state.plan = plan.value;
  }).catch(() => {});
  plan.addEventListener("change", () => (state.plan = plan.value));
  const period = periodSelect(app, state.period);
  period.addEventListener("change", () => (state.period = period.value));

  const produce = async () => {
    errors.textContent = "";
    result.replaceChildren();
    if (state.dirty && !(await save())) return;
    try {
      const made = await api.report(plan.value, state.name, period.value);
      result.append(
        t("progress.reportReady", { name: made.name }), " ",
        h("a", { class: "button", href: made.url ?? api.downloadUrl(made.name), download: made.name },
          t("progress.download", { name: made.name })),
      );
      announce(t("progress.reportReady", { name: made.name }), "ok");
    } catch (error) {
      errors.textContent = app.fail(error).message;
    }
  };
  return h("section", { class: "panel follow-up", "aria-labelledby": "fu-heading" },
    h("h2", { id: "fu-heading" }, t("progress.heading")),
    labelled(t("progress.plan"), plan),
    labelled(t("progress.period"), period),
    h("button", { type: "button", class: "primary", onclick: produce }, t("progress.report")),
    result, errors);
}

/**
 * For a progress file: a hint under each target, task or budget source id with what it is
 * in the plan (the read-only columns of the progress sheet, sent by the server as
 * `context`), so the person filling figures sees what "hn-quan-triet" is.
 */
export function targetHints(app, context) {
  if (!isObject(context)) return null;
  const texts = new Map();
  for (const row of context.targets ?? []) {
    const planned = [row.planned, row.unit].filter((x) => x !== null && x !== undefined).join(" ");
    texts.set(row.id, [row.label, planned && app.t("progress.planned", { planned })].filter(Boolean).join(" — "));
  }
  for (const row of context.tasks ?? []) texts.set(row.id, [row.text, row.lead].filter(Boolean).join(" — "));
  for (const row of context.budget ?? []) texts.set(row.source, row.name);
  return (path, control) => {
    const key = path[path.length - 1];
    if (key !== "id" && key !== "source") return "";
    const text = texts.get(control.value);
    return text ? app.t("progress.of", { text: String(text).slice(0, 200) }) : "";
  };
}
