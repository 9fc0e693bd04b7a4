// The editor of one plan or progress file: the generated form beside a live preview,
// save with the file's version (another tab's save → a clear message and a reload
// offer), downloads, the review list and the follow-up actions.

import { ApiError } from "./api.js";
import { announce, debounce, h, safeFragment } from "./dom.js";
import { field } from "./form.js";
import { clearMessages, jumpTo, showMessages } from "./messages.js";
import { Schema } from "./schema.js";
import { reviewPanel } from "./panel-review.js";
import { placeReviewItems } from "./review-places.js";
import { followUpPanel, targetHints } from "./panel-followup.js";
import { pagesPanel } from "./panel-pages.js";

const PREVIEW_DELAY_MS = 600;

export async function editorScreen(app, main, name, params) {
  const { t, api } = app;
  announce(t("status.loading"));
  const file = await api.load(name);
  if (file.data === null || file.data === undefined) return unreadable(app, main, file);
  const kind = file.kind === "progress" ? "progress" : "plan";
  const schema = new Schema(await app.schema(kind));
  const state = {
    name,
    kind,
    data: file.data,
    version: file.version,
    reviewVersion: file.review_version ?? null,
    dirty: false,
    edits: 0, // edits made so far: a save only clears `dirty` if none came in meanwhile
    plan: file.plan ?? params.get("plan") ?? null,
    period: file.period ?? params.get("period") ?? file.data?.period ?? "6m",
  };
  app.leaveGuard = () => state.dirty;

  const status = h("span", { class: "save-state", "aria-live": "polite" });
  const banner = h("div", { class: "banner", hidden: true, role: "alert" });
  const summary = h("div", { class: "summary" });
  const previewBox = h("div", { class: "page", "aria-live": "off" });
  const previewNote = h("p", { class: "muted preview-note", "aria-live": "polite" });

  const markDirty = () => {
    state.edits += 1;
    state.dirty = true;
    status.textContent = t("status.unsaved");
  };
  const refreshPreview = debounce(() => preview(app, state, previewBox, previewNote, formBox), PREVIEW_DELAY_MS);
  const ctx = {
    schema,
    t,
    announce,
    hints: kind === "progress" ? targetHints(app, file.context) : null,
    onChange: () => {
      markDirty();
      refreshPreview();
    },
  };

  const formBox = h("div", { class: "form-root" });
  const review = placeReviewItems(file.review ?? [], state.data);
  // Review points not ticked yet are shown at the fields they are about.
  const showReview = (items) => showMessages(formBox, items.filter((i) => !i.done), "review", { badge: badge(app) });
  formBox.appendChild(field(ctx, schema.root, () => state.data, (v) => (state.data = v), [], { bare: true, label: "" }));

  const save = async () => {
    announce(t("status.saving"));
    banner.hidden = true;
    clearMessages(formBox, "error");
    summary.replaceChildren();
    const edits = state.edits;
    try {
      const saved = await api.save(name, state.data, state.version, kind === "progress" ? { plan: state.plan } : {});
      state.version = saved.version;
      state.dirty = state.edits !== edits;
      status.textContent = t("status.saved", { name });
      announce(t("status.saved", { name }), "ok");
      showList(app, summary, formBox, saved.warnings ?? [], "warning");
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) conflict(app, banner, name);
      else if (error instanceof ApiError && error.status === 422) showList(app, summary, formBox, error.body.errors ?? [], "error");
      else app.fail(error);
      return false;
    }
  };
  const saveButton = h("button", { type: "button", class: "primary", onclick: save }, t("editor.save"));
  app.saveShortcut = save;
  const saveFirst = async (event) => {
    if (!state.dirty) return;
    event.preventDefault();
    if (await save()) event.target.closest("a").click();
  };

  const downloads = kind === "plan"
    ? [
        h("a", { class: "button", href: api.docxUrl(name), download: "", onclick: saveFirst }, t("editor.docx")),
        app.info.soffice ? h("a", { class: "button", href: api.pdfUrl(name), download: "", onclick: saveFirst }, t("editor.pdf")) : null,
      ]
    : [];

  main.appendChild(
    h("div", { class: "editor" },
      h("div", { class: "toolbar", role: "toolbar", "aria-label": name },
        h("a", { href: "#/", class: "back" }, t("editor.back")),
        h("h1", {}, name),
        saveButton, downloads, status),
      banner,
      summary,
      h("div", { class: "columns" },
        h("section", { class: "form-col", "aria-label": kind === "plan" ? t("editor.form") : t("editor.formProgress") },
          formBox),
        h("aside", { class: "side-col" },
          reviewPanel(app, state, review, formBox, showReview),
          followUpPanel(app, state, save),
          h("section", { class: "preview", "aria-label": t("editor.preview") },
            h("h2", {}, t("editor.preview")), previewNote, previewBox),
          kind === "plan" && app.info.soffice ? pagesPanel(app, state) : null))),
  );
  showList(app, summary, formBox, file.warnings ?? [], "warning");
  showList(app, summary, formBox, file.errors ?? [], "error");
  showReview(review);
  announce(t("status.ready"));
  preview(app, state, previewBox, previewNote, formBox);
}

/** A file that does not parse: its messages (with lines), no form that could overwrite it. */
function unreadable(app, main, file) {
  main.append(
    h("a", { href: "#/", class: "back" }, app.t("editor.back")),
    h("h1", {}, file.name),
    h("p", { class: "msg error" }, app.t("editor.unreadable")),
    h("ul", {}, (file.errors ?? []).map((m) =>
      h("li", {}, [m.line ? app.t("editor.line", { line: m.line }) : "", m.field, m.message].filter(Boolean).join(": ")))),
  );
}

/** Messages listed above the form, each a button that jumps to its field; placed at fields too. */
function showList(app, summary, formBox, messages, kind) {
  clearMessages(formBox, kind);
  if (!messages.length) return;
  showMessages(formBox, messages, kind, { unfold: kind === "error", badge: badge(app) });
  const heading = kind === "error" ? app.t("editor.errors", { count: messages.length }) : app.t("editor.warnings");
  summary.appendChild(
    h("div", { class: `summary-${kind}`, role: kind === "error" ? "alert" : "status" },
      h("p", {}, heading),
      h("ul", {}, messages.map((m) =>
        h("li", {}, h("button", { type: "button", class: "link", onclick: () => jumpTo(formBox, m.path ?? []) },
          m.field ? `${m.field}: ${m.message}` : m.message))))),
  );
}

/** "3 điểm cần rà soát" — the words of a folded item's count of messages. */
const badge = (app) => (kind, n) => app.t(`badge.${kind}`, { n });

function conflict(app, banner, name) {
  banner.replaceChildren(
    h("p", {}, app.t("editor.conflict", { name })),
    h("button", { type: "button", onclick: () => { app.leaveGuard = null; app.go(`#/edit/${encodeURIComponent(name)}`); } },
      app.t("editor.reload")),
  );
  banner.hidden = false;
  banner.querySelector("button").focus();
}

let previewSeq = 0;

/** Ask the server for the composed document; errors in the data go to their fields. */
async function preview(app, state, box, note, formBox) {
  const seq = (previewSeq += 1);
  note.textContent = app.t("editor.previewStale");
  const body = state.kind === "plan"
    ? { kind: "plan", data: state.data }
    : { kind: "report", data: state.data, plan: state.plan, period: state.period };
  try {
    const { html } = await app.api.preview(body);
    if (seq !== previewSeq) return;
    box.replaceChildren(safeFragment(html));
    note.textContent = "";
    clearMessages(formBox, "error");
  } catch (error) {
    if (seq !== previewSeq) return;
    note.textContent = app.t("editor.previewError", { message: error.message });
    if (error instanceof ApiError && error.status === 422) {
      clearMessages(formBox, "error");
      showMessages(formBox, error.body.errors ?? [], "error", { badge: badge(app) });
    }
  }
}
