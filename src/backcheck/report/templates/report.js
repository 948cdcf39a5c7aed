/* backcheck report: filters (URL hash), finding <-> span navigation, accept + baseline export.
   Works on the article page and the corpus page (one section.bc-article per article). No network. */
(function () {
  "use strict";
  var doc = document;
  var all = function (sel, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(sel)); };
  var cards = all("li.finding");
  var marks = all("mark[data-findings]");
  var sups = all("sup.fn[data-finding]");
  var toggles = all("button.toggle");
  var KINDS = {sev: "severity", cat: "category", check: "check", state: "state"};
  function nothingOff() { return {sev: {}, cat: {}, check: {}, state: {}}; }
  var off = nothingOff();
  var current = null;
  var storeKey = "backcheck:" + (doc.body.getAttribute("data-key") || doc.title);

  function isOn(card) {
    for (var k in KINDS) {
      if (off[k][card.getAttribute("data-" + KINDS[k])]) { return false; }
    }
    return true;
  }
  function byId(id) { return doc.getElementById(id); }

  /* the URL hash holds the view: "#off=sev:minor,cat:entity&acc=3f2a…,91c0…&rej=…" (filters switched
     off; findings ticked as accepted beyond the default, and baselined findings unticked), by each
     finding's stable key (data-key), so a reload or a shared link shows the same state and a tick
     never moves to another finding when the article changes */
  var ticksFromHash = null;
  function hashParams() {
    var params = {};
    location.hash.slice(1).split("&").forEach(function (p) {
      var i = p.indexOf("=");
      if (i > 0) { params[p.slice(0, i)] = decodeURIComponent(p.slice(i + 1)); }
    });
    return params;
  }
  function readHash() {
    var params = hashParams();
    if (location.hash && !("off" in params) && !("acc" in params) && !("rej" in params)) { return; }  /* an anchor (#f3, #a-id): keep the state */
    off = nothingOff();
    var list = function (v) { return (v || "").split(",").filter(Boolean); };
    ticksFromHash = ("acc" in params || "rej" in params) ? {acc: list(params.acc), rej: list(params.rej)} : null;
    if (!params.off) { return; }
    params.off.split(",").forEach(function (item) {
      var i = item.indexOf(":");
      var k = item.slice(0, i);
      if (off[k]) { off[k][item.slice(i + 1)] = true; }
    });
  }
  function writeHash() {
    var items = [], parts = [];
    for (var k in off) { for (var v in off[k]) { items.push(k + ":" + v); } }
    if (items.length) { parts.push("off=" + encodeURIComponent(items.sort().join(","))); }
    var t = ticks();
    if (t.acc.length) { parts.push("acc=" + encodeURIComponent(t.acc.join(","))); }
    if (t.rej.length) { parts.push("rej=" + encodeURIComponent(t.rej.join(","))); }
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (hash !== location.hash && (hash || location.hash)) {
      history.replaceState(null, "", hash || location.pathname + location.search);
    }
  }

  function apply(save) {
    var shown = 0;
    cards.forEach(function (c) { c.hidden = !isOn(c); if (!c.hidden) { shown++; } });
    marks.forEach(function (m) {
      var lit = m.getAttribute("data-findings").split(" ").some(function (id) {
        var c = byId(id); return c && !c.hidden;
      });
      m.classList.toggle("off", !lit);
    });
    sups.forEach(function (s) { var c = byId(s.getAttribute("data-finding")); s.classList.toggle("off", !c || c.hidden); });
    toggles.forEach(function (t) {
      t.setAttribute("aria-pressed", off[t.getAttribute("data-kind")][t.getAttribute("data-value")] ? "false" : "true");
    });
    var status = byId("bc-shown");
    if (status) { status.textContent = shown + " of " + cards.length + " findings shown"; }
    if (current && current.hidden) { select(null); }
    if (save) { writeHash(); }
  }

  function select(card, scrollTo) {
    all(".current").forEach(function (el) { el.classList.remove("current"); });
    current = card;
    if (!card) { return; }
    card.classList.add("current");
    var spans = marks.filter(function (m) { return m.getAttribute("data-findings").split(" ").indexOf(card.id) >= 0; });
    spans.forEach(function (m) { m.classList.add("current"); });
    if (scrollTo === "span" && spans.length) { spans[0].scrollIntoView({block: "center"}); }
    if (scrollTo === "card") { card.scrollIntoView({block: "center"}); }
  }
  function step(delta) {
    var visible = cards.filter(function (c) { return !c.hidden; });
    if (!visible.length) { return; }
    var i = visible.indexOf(current);
    i = i < 0 ? (delta > 0 ? 0 : visible.length - 1) : (i + delta + visible.length) % visible.length;
    select(visible[i], "span");
    visible[i].focus({preventScroll: true});
  }

  toggles.forEach(function (t) {
    t.addEventListener("click", function () {
      var k = t.getAttribute("data-kind"), v = t.getAttribute("data-value");
      if (off[k][v]) { delete off[k][v]; } else { off[k][v] = true; }
      apply(true);
    });
  });
  function on(id, fn) { var el = byId(id); if (el) { el.addEventListener("click", fn); } }
  on("bc-majors", function () { off = nothingOff(); off.sev.minor = true; apply(true); });
  on("bc-new-only", function () { off = nothingOff(); off.state.baselined = true; apply(true); });
  on("bc-all", function () { off = nothingOff(); apply(true); });
  on("bc-next", function () { step(1); });
  on("bc-prev", function () { step(-1); });
  on("bc-export", function () { download(baseline()); });

  cards.forEach(function (c) {
    c.addEventListener("click", function (ev) {
      var t = ev.target;
      if (t.closest("input,label,button,summary")) { return; }
      if (t.closest("a.num")) { ev.preventDefault(); }
      select(c, "span");
    });
  });
  marks.forEach(function (m) {
    m.addEventListener("click", function () {
      var ids = m.getAttribute("data-findings").split(" ");
      var cand = ids.map(byId).filter(function (c) { return c && !c.hidden; });
      if (!cand.length) { return; }
      var i = cand.indexOf(current);
      select(cand[(i + 1) % cand.length], "card");
    });
  });
  sups.forEach(function (s) {
    s.addEventListener("click", function (ev) { ev.preventDefault(); select(byId(s.getAttribute("data-finding")), "card"); });
  });
  doc.addEventListener("keydown", function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey || (ev.target.closest && ev.target.closest("input,textarea,select"))) { return; }
    if (ev.key === "j" || ev.key === "n") { step(1); ev.preventDefault(); }
    else if (ev.key === "k" || ev.key === "p") { step(-1); ev.preventDefault(); }
    else if (ev.key === "Escape") { select(null); }
  });

  /* copy buttons */
  all("button.copy").forEach(function (b) {
    b.addEventListener("click", function () {
      var text = b.getAttribute("data-copy");
      var done = function () { b.textContent = "copied"; setTimeout(function () { b.textContent = "copy"; }, 1500); };
      var fallback = function () {
        var ta = doc.createElement("textarea");
        ta.value = text; doc.body.appendChild(ta); ta.select();
        try { doc.execCommand("copy"); } catch (e) { /* nothing else to try */ }
        doc.body.removeChild(ta); done();
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else { fallback(); }
    });
  });

  /* accept + baseline export (the format backcheck.baseline reads). A finding in the baseline
     (data-state="baselined") starts ticked, so an export is the complete baseline; what the reviewer
     changed is kept as {acc: keys ticked beyond that, rej: baselined keys unticked}, in the URL hash
     and in this browser's storage (for a later visit without the link) */
  var boxes = all("li.finding input.accept-box");
  function keyOf(b) { return b.closest("li.finding").getAttribute("data-key"); }
  function baselined(b) { return b.closest("li.finding").getAttribute("data-state") === "baselined"; }
  function ticks() {
    var t = {acc: [], rej: []};
    boxes.forEach(function (b) {
      if (b.checked && !baselined(b)) { t.acc.push(keyOf(b)); }
      if (!b.checked && baselined(b)) { t.rej.push(keyOf(b)); }
    });
    return t;
  }
  function loadTicks() {
    try {
      var v = JSON.parse(localStorage.getItem(storeKey) || "null");
      return v && Array.isArray(v.acc) && Array.isArray(v.rej) ? v : null;  /* anything older keyed on positions */
    } catch (e) { return null; }
  }
  function saveTicks() {
    try { localStorage.setItem(storeKey, JSON.stringify(ticks())); } catch (e) { /* storage disabled */ }
  }
  function showAccepted() {
    var n = 0;
    boxes.forEach(function (b) { b.closest("li.finding").classList.toggle("accepted", b.checked); if (b.checked) { n++; } });
    var el = byId("bc-accepted");
    if (el) { el.textContent = n + " accepted"; }
  }
  readHash();
  var saved = ticksFromHash || loadTicks() || {acc: [], rej: []};  /* the link's ticks, else this browser's */
  boxes.forEach(function (b) {
    var k = keyOf(b);
    b.checked = baselined(b) ? saved.rej.indexOf(k) < 0 : saved.acc.indexOf(k) >= 0;
    b.addEventListener("change", function () { saveTicks(); showAccepted(); writeHash(); });
  });

  function baseline() {
    var articles = {}, info = {};
    boxes.forEach(function (b) {
      if (!b.checked) { return; }
      var c = b.closest("li.finding");
      var art = c.closest("section.bc-article").getAttribute("data-article");
      var fp = c.getAttribute("data-fingerprint");
      var counts = articles[art] = articles[art] || {};
      counts[fp] = (counts[fp] || 0) + 1;
      info[fp] = {check: c.getAttribute("data-check"), category: c.getAttribute("data-category"),
                  severity: c.getAttribute("data-severity"), text: c.getAttribute("data-text")};
    });
    var out = {schema_version: "2.0", tool: "backcheck", articles: {}};
    Object.keys(articles).sort().forEach(function (art) {
      out.articles[art] = Object.keys(articles[art]).map(function (fp) {
        return {fingerprint: fp, count: articles[art][fp], check: info[fp].check, category: info[fp].category,
                severity: info[fp].severity, text: info[fp].text};
      }).sort(function (a, b) { return a.text < b.text ? -1 : a.text > b.text ? 1 : (a.fingerprint < b.fingerprint ? -1 : 1); });
    });
    return JSON.stringify(out, null, 2) + "\n";
  }
  function download(text) {
    var a = doc.createElement("a");
    a.href = "data:application/json;charset=utf-8," + encodeURIComponent(text);
    a.download = "backcheck-baseline.json";
    doc.body.appendChild(a); a.click(); doc.body.removeChild(a);
  }
  window.backcheckBaseline = baseline;

  /* sortable tables (corpus page) */
  all("table.sortable").forEach(function (table) {
    all("th", table).forEach(function (th, col) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var asc = th.getAttribute("aria-sort") !== "ascending";
        all("th", table).forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var rows = all("tr", body);
        var key = function (r) { var c = r.cells[col]; return c.getAttribute("data-sort") || c.textContent; };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
          var d = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
          return asc ? d : -d;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  /* printing: evidence sentences open, as on paper nothing can be clicked open */
  window.addEventListener("beforeprint", function () {
    all("details.sentences").forEach(function (d) { d.setAttribute("open", ""); });
  });

  window.addEventListener("hashchange", function () { readHash(); apply(false); });
  readHash();
  showAccepted();
  apply(false);
})();
