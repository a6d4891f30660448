// nlpkit serve page: plain JavaScript, no build step, no network beyond this server.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const MAX_LINES = 1000;
  const COLOURS = ["#b3261e", "#0b57d0", "#1b6e20", "#6a1b9a", "#8a4b00", "#00695c"];
  let labels = [];
  let lastBatch = null;
  let typed = 0;

  function headers(json) {
    const h = {};
    if (json) h["Content-Type"] = "application/json";
    const key = $("key").value.trim();
    if (key) h["Authorization"] = "Bearer " + key;
    return h;
  }

  async function api(path, body) {
    const response = await fetch(path, body === undefined ? { headers: headers(false) }
      : { method: "POST", headers: headers(true), body: JSON.stringify(body) });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (!response.ok) {
      const why = data && data.error ? data.error : ("HTTP " + response.status);
      throw new Error(response.status === 401 ? why + " (open 'API key' below)" : why);
    }
    return data;
  }

  function showError(message) { $("error").textContent = message || ""; }

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function pct(p) { return (100 * p).toFixed(1) + "%"; }

  function renderBar(result) {
    const bar = $("bar"), legend = $("bar-legend");
    bar.replaceChildren(); legend.replaceChildren();
    const parts = [];
    labels.forEach((label, k) => {
      const p = result.probabilities[label];
      const seg = el("span", { "data-label": label, title: label + " " + pct(p) }, p >= 0.12 ? label + " " + pct(p) : "");
      seg.style.width = (100 * p) + "%";
      seg.style.background = COLOURS[k % COLOURS.length];
      bar.appendChild(seg);
      const item = el("li"); const swatch = el("i", { "aria-hidden": "true" });
      swatch.style.background = COLOURS[k % COLOURS.length];
      item.appendChild(swatch); item.appendChild(document.createTextNode(label + ": " + pct(p)));
      legend.appendChild(item);
      parts.push(label + " " + pct(p));
    });
    bar.setAttribute("aria-label", "probabilities: " + parts.join(", "));
  }

  function tokenColour(c, scale) {
    const a = Math.min(1, Math.abs(c) / scale) * 0.55;
    return c >= 0 ? "rgba(11, 87, 208, " + a.toFixed(3) + ")" : "rgba(230, 120, 0, " + a.toFixed(3) + ")";
  }

  function renderTokens(result) {
    const box = $("tokens");
    box.replaceChildren();
    const scale = Math.max(1e-6, ...result.tokens.map((t) => Math.abs(t.contribution)));
    result.tokens.forEach((t) => {
      const sign = t.contribution >= 0 ? "+" : "";
      const b = el("button", {
        type: "button", class: "token", "aria-pressed": "false", "data-token": t.token,
        "data-contribution": String(t.contribution),
        "aria-label": t.text + ", contribution " + sign + t.contribution.toFixed(3) + (t.known ? "" : ", unknown word"),
        title: sign + t.contribution.toFixed(3) + (t.known ? "" : " (not in the vocabulary)")
      }, t.text);
      b.style.background = tokenColour(t.contribution, scale);
      if (!t.known) b.style.borderStyle = "dashed";
      b.addEventListener("click", () => neighbours(b, t));
      box.appendChild(b);
    });
  }

  async function neighbours(button, token) {
    document.querySelectorAll(".token").forEach((b) => b.setAttribute("aria-pressed", "false"));
    button.setAttribute("aria-pressed", "true");
    const box = $("neighbours");
    box.replaceChildren(el("p", { class: "muted" }, "nearest words to \u201c" + token.text + "\u201d..."));
    try {
      const data = await api("v1/neighbours?k=10&word=" + encodeURIComponent(token.token));
      const list = el("ol", { id: "neighbour-list" });
      data.neighbours.forEach((n) => list.appendChild(el("li", {}, n.word + " (" + n.similarity.toFixed(3) + ")")));
      box.replaceChildren(el("h3", {}, "Nearest words to \u201c" + data.token + "\u201d"), list);
    } catch (e) {
      box.replaceChildren(el("p", { class: "muted" }, e.message));
    }
  }

  async function predictTyped() {
    const text = $("text").value;
    const mine = ++typed;
    if (!text.trim()) {
      $("label").innerHTML = "&nbsp;"; $("bar").replaceChildren(); $("bar-legend").replaceChildren();
      $("tokens").replaceChildren(); $("neighbours").replaceChildren(); showError("");
      return;
    }
    try {
      const data = await api("v1/predict", { texts: [text], explain: true });
      if (mine !== typed) return;  // a newer keystroke has its own request
      labels = data.labels;
      const r = data.results[0];
      $("label").textContent = r.label + " (" + pct(r.probabilities[r.label]) + ")";
      renderBar(r);
      renderTokens(r);
      $("neighbours").replaceChildren();
      showError("");
    } catch (e) {
      if (mine === typed) showError(e.message);
    }
  }

  function debounce(fn, ms) {
    let timer = null;
    return () => { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }

  function csvCell(v) {
    const s = String(v);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  async function runBatch() {
    const lines = $("batch").value.split(/\r?\n/).filter((l) => l.trim() !== "");
    const status = $("batch-status");
    if (lines.length === 0) { status.textContent = "no lines to classify"; return; }
    if (lines.length > MAX_LINES) {
      status.textContent = lines.length + " lines: at most " + MAX_LINES + " per batch"; return;
    }
    status.textContent = "classifying " + lines.length + " lines...";
    try {
      const data = await api("v1/predict", { texts: lines });
      labels = data.labels;
      const table = $("batch-table");
      const head = el("tr");
      ["text", "label", ...labels.map((l) => "P(" + l + ")")].forEach((h) => head.appendChild(el("th", { scope: "col" }, h)));
      table.tHead.replaceChildren(head);
      const body = table.tBodies[0];
      body.replaceChildren();
      data.results.forEach((r, i) => {
        const tr = el("tr");
        tr.appendChild(el("td", {}, lines[i]));
        tr.appendChild(el("td", {}, r.label));
        labels.forEach((l) => tr.appendChild(el("td", { class: "num" }, r.probabilities[l].toFixed(4))));
        body.appendChild(tr);
      });
      table.hidden = false;
      lastBatch = { lines, data };
      $("download").disabled = false;
      status.textContent = lines.length + " lines classified";
    } catch (e) {
      status.textContent = e.message;
    }
  }

  function download() {
    if (!lastBatch) return;
    const rows = [["text", "label", ...labels.map((l) => "p_" + l)].map(csvCell).join(",")];
    lastBatch.data.results.forEach((r, i) => {
      rows.push([lastBatch.lines[i], r.label, ...labels.map((l) => r.probabilities[l])].map(csvCell).join(","));
    });
    const blob = new Blob([rows.join("\n") + "\n"], { type: "text/csv" });
    const a = el("a", { href: URL.createObjectURL(blob), download: "predictions.csv" });
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  function upload(event) {
    const file = event.target.files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => { $("batch").value = String(reader.result); $("batch-status").textContent = file.name + " loaded"; };
    reader.readAsText(file);
  }

  async function loadCard() {
    try {
      const card = await api("v1/model");
      labels = card.labels;
      $("model-line").textContent = card.file + " \u00b7 labels " + card.labels.join(", ") + " \u00b7 nlpkit " + card.nlpkit_version;
      const dl = $("card");
      dl.replaceChildren();
      const add = (k, v, pre) => {
        dl.appendChild(el("dt", {}, k));
        const dd = el("dd");
        if (pre) dd.appendChild(el("pre", {}, v)); else dd.textContent = v;
        dl.appendChild(dd);
      };
      add("file", card.file + " (" + card.bytes + " bytes)");
      add("sha-256", card.sha256);
      add("labels", card.labels.join(", "));
      add("vocabulary", card.vocabulary_size + " words, " + card.embedding_dimensions + " dimensions");
      add("parameters", String(card.parameters));
      const epochs = card.history.epochs;
      if (epochs.length) {
        const e = epochs[epochs.length - 1];
        add("training", epochs.length + " epochs; last: loss " + (e.loss == null ? "-" : e.loss.toFixed(4))
          + ", accuracy " + (e.accuracy == null ? "-" : e.accuracy.toFixed(4))
          + (e.validation_accuracy == null ? "" : ", validation accuracy " + e.validation_accuracy.toFixed(4)));
      }
      if (card.created) add("created", card.created + (card.trained_by_nlpkit ? " (nlpkit " + card.trained_by_nlpkit + ")" : ""));
      const n = card.examples || {};
      if (n.training != null) add("examples", "training " + n.training + (n.validation != null ? ", validation " + n.validation : "")
        + (n.test != null ? ", test " + n.test : ""));
      const m = card.test_metrics;
      if (m) add("test metrics", ["accuracy", "precision", "recall", "f1", "roc_auc"]
        .map(k => k + " " + (m[k] == null ? "-" : m[k].toFixed(4))).join(", "));
      add("recipe", Object.entries(card.recipe).map(([k, v]) => k + ": " + v).join("\n"), true);
      add("file modified", card.file_modified);
      add("not recorded in the bundle", card.not_recorded.join(", "));
    } catch (e) {
      $("model-line").textContent = "model card: " + e.message;
    }
  }

  $("text").addEventListener("input", debounce(predictTyped, 250));
  $("run-batch").addEventListener("click", runBatch);
  $("download").addEventListener("click", download);
  $("upload").addEventListener("change", upload);
  $("key").addEventListener("change", () => { loadCard(); predictTyped(); });
  loadCard();
})();
