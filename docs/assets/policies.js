/* Policy database table: reads data/policies.js (a script, so it also loads from file://),
   then searches, filters, sorts and pages in the browser, so the page itself stays small
   however large the database grows.  Participant text is inserted with textContent only. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-policies]");
  if (!form) return;
  var table = document.querySelector("[data-policy-table]");
  var body = table.querySelector("tbody");
  var count = document.querySelector(".policy-count");
  var pager = document.querySelector("[data-pager]");
  var base = form.getAttribute("data-base");
  var dirUrls = form.getAttribute("data-dir-urls") === "1";
  var rows = [], sortKey = "country", sortDir = 1, limit = 100, PAGE = 100;
  // Every word the script shows comes from the page, in the page's language.
  var LABELS = Array.prototype.map.call(table.querySelectorAll("[data-sort]"), function (b) { return b.textContent; });
  var TYPES = {};
  Array.prototype.forEach.call(form.querySelectorAll('[data-f="measure_type"] option'), function (o) {
    if (o.value) TYPES[o.value] = o.textContent;
  });
  function say(name, values) {
    return count.getAttribute("data-" + name + "-text").replace(/\{(\w+)\}/g, function (m, k) { return values[k]; });
  }
  function status(p) { return table.getAttribute("data-status-" + String(p.status).replace(/ /g, "-")) || p.status; }
  function measure(p) { return TYPES[p.measure_type] || p.measure_title; }
  function href(id) { return base + id + (dirUrls ? "/" : ".html"); }
  function country(p) { return p.countries ? p.countries.join(", ") : p.country; }
  function matches(p, q, f) {
    // countries, member_status and region are lists: a filter matches any item.
    for (var k in f) if (f[k] && [].concat(p[k]).indexOf(f[k]) < 0) return false;
    if (!q) return true;
    var hay = (p.title + " " + country(p) + " " + p.description + " " + p.beneficiaries + " " + p.measure_title + " " + measure(p)).toLowerCase();
    return q.split(/\s+/).every(function (w) { return hay.indexOf(w) >= 0; });
  }
  function render() {
    var q = form.querySelector("[data-q]").value.trim().toLowerCase(), f = {};
    Array.prototype.forEach.call(form.querySelectorAll("[data-f]"), function (s) { f[s.getAttribute("data-f")] = s.value; });
    var hits = rows.filter(function (p) { return matches(p, q, f); });
    hits.sort(function (a, b) {
      var x = sortKey === "country" ? country(a) : sortKey === "year" ? a.year || 0 : a[sortKey];
      var y = sortKey === "country" ? country(b) : sortKey === "year" ? b.year || 0 : b[sortKey];
      return (x < y ? -1 : x > y ? 1 : 0) * sortDir;
    });
    var frag = document.createDocumentFragment();
    hits.slice(0, limit).forEach(function (p) {
      var tr = document.createElement("tr");
      var cells = [country(p), null, p.year == null ? "" : String(p.year), measure(p), status(p)];
      cells.forEach(function (text, i) {
        var td = document.createElement("td");
        if (i !== 1) td.setAttribute("data-label", LABELS[i]);
        if (i === 1) {
          td.className = "policy-title";
          var a = document.createElement("a");
          a.href = href(p.id);
          a.textContent = p.title;
          td.appendChild(a);
        } else td.textContent = text;
        tr.appendChild(td);
      });
      frag.appendChild(tr);
    });
    body.textContent = "";
    body.appendChild(frag);
    count.textContent = say(hits.length > limit ? "first" : "count",
      { shown: hits.length, total: rows.length, limit: limit });
    pager.hidden = hits.length <= limit;
  }
  Array.prototype.forEach.call(table.querySelectorAll("[data-sort]"), function (b) {
    b.addEventListener("click", function () {
      var key = b.getAttribute("data-sort");
      sortDir = key === sortKey ? -sortDir : 1;
      sortKey = key;
      Array.prototype.forEach.call(table.querySelectorAll("th"), function (th) { th.setAttribute("aria-sort", "none"); });
      b.parentNode.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
      render();
    });
  });
  form.addEventListener("input", function () { limit = PAGE; render(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  pager.querySelector("[data-more]").addEventListener("click", function () { limit += PAGE; render(); });
  if (Array.isArray(window.TG_POLICIES)) {
    rows = window.TG_POLICIES;
    render();
  } else {
    count.textContent = say("failed", {});
  }
})();
