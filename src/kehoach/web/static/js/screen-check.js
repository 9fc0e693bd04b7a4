// Check any Word document: upload it, see each finding next to the paragraph it is about.

import { announce, h, uid } from "./dom.js";

export async function checkScreen(app, main) {
  const { t, api } = app;
  const input = h("input", { type: "file", id: uid("check"), accept: ".docx", required: true });
  const errors = h("div", { class: "msgs", role: "alert" });
  const results = h("div", { class: "check-results", "aria-live": "polite" });
  const form = h("form", { class: "panel" },
    h("div", { class: "field" }, h("label", { for: input.id }, t("check.file")), input),
    errors,
    h("button", { type: "submit", class: "primary" }, t("check.submit")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    errors.textContent = "";
    results.replaceChildren();
    if (!input.files.length) return;
    announce(t("status.loading"));
    try {
      showFindings(app, results, await api.check(input.files[0]));
      announce(t("status.ready"));
    } catch (error) {
      errors.textContent = app.fail(error).message;
    }
  });
  main.append(h("h1", {}, t("check.heading")), form, results);
}

function showFindings(app, box, report) {
  const { t } = app;
  const findings = report.findings ?? [];
  const byParagraph = new Map();
  const general = [];
  for (const finding of findings) {
    if (finding.paragraph === null || finding.paragraph === undefined) general.push(finding);
    else byParagraph.set(finding.paragraph, [...(byParagraph.get(finding.paragraph) ?? []), finding]);
  }
  const type = [report.document_class, report.document_type].filter(Boolean).join(" — ");
  box.appendChild(h("p", { class: "check-summary" },
    t("check.result", { type, count: findings.length }),
    findings.some((f) => f.severity === "error") ? "" : ` ${t("check.clean")}`));
  if (general.length) {
    box.appendChild(h("section", { class: "panel" }, h("h2", {}, t("check.general")), findingList(app, general)));
  }
  box.appendChild(h("ol", { class: "paragraphs" }, (report.paragraphs ?? []).map((p) => {
    const mine = byParagraph.get(p.index) ?? [];
    return h("li", { class: mine.length ? "para flagged" : "para", "data-index": p.index },
      h("div", { class: "para-text" },
        h("span", { class: "para-no" }, t("check.paragraph", { n: p.index })), " ", p.text),
      mine.length ? findingList(app, mine) : null);
  })));
}

function findingList(app, findings) {
  return h("ul", { class: "findings" }, findings.map((f) =>
    h("li", { class: `finding ${f.severity}` },
      h("span", { class: "severity" }, app.t(`severity.${f.severity}`, {}, f.severity)), " ",
      h("code", {}, f.rule), " ", f.message,
      f.where ? h("span", { class: "where" }, ` — ${f.where}`) : null)));
}
