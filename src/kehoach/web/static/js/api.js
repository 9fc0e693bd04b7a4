// The server's JSON API (docs: /work/coord/web-api.md, src/kehoach/web/). Every request
// that changes something carries the CSRF token from the page's <meta>.

const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content ?? "";

/** An HTTP error with the server's JSON body (error.code, error.message, errors …). */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body ?? {};
  }
}

// The page's language for the server's messages too (the server reads ?lang=).
const lang = () => (document.documentElement.lang === "en" ? "en" : "vi");
const withLang = (url) => `${url}${url.includes("?") ? "&" : "?"}lang=${lang()}`;

async function request(method, path, body) {
  const url = withLang(path);
  const init = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
  if (method !== "GET") init.headers["X-CSRF-Token"] = csrf();
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  let payload = null;
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) payload = await response.json();
  if (!response.ok) throw new ApiError(response.status, payload);
  return payload;
}

const file = (name) => `/api/files/${encodeURIComponent(name)}`;

export const api = {
  info: () => request("GET", "/api/info"),
  files: () => request("GET", "/api/files"),
  schema: (kind) => request("GET", `/api/schema/${kind}`),
  load: (name) => request("GET", file(name)),
  save: (name, data, version, extra = {}) => request("PUT", file(name), { ...extra, data, version }),
  create: (body) => request("POST", "/api/files", body),
  validate: (kind, data) => request("POST", "/api/validate", { kind, data }),
  preview: (body) => request("POST", "/api/preview", body),
  pages: (data) => request("POST", "/api/pages", { data }),
  importWord: (upload) => request("POST", "/api/import", form(upload)),
  check: (upload) => request("POST", "/api/check", form(upload)),
  progress: (name, period) => request("POST", `${file(name)}/progress`, { period }),
  report: (plan, progress, period) => request("POST", "/api/report", { plan, progress, period }),
  nextYear: (plan, progress) => request("POST", "/api/next-year", { plan, progress }),
  review: (name, done, version) => request("PUT", `${file(name)}/review`, { done, version }),
  docxUrl: (name) => withLang(`${file(name)}/docx`),
  pdfUrl: (name) => withLang(`${file(name)}/pdf`),
  downloadUrl: (name) => withLang(`/api/download/${encodeURIComponent(name)}`),
};

function form(upload) {
  const data = new FormData();
  data.append("file", upload, upload.name);
  return data;
}
