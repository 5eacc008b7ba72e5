/* Self-assessment checklist: scores per dimension, chart, recommendations, export.
   Everything stays in this browser (localStorage); nothing is sent anywhere. */
(function () {
  "use strict";
  var KEY = "tg-checklist";
  var form = document.querySelector("form[data-checklist]");
  if (!form) return;
  var max = +form.getAttribute("data-scale-max");
  var bands = JSON.parse(form.getAttribute("data-bands"));
  var labels = JSON.parse(form.getAttribute("data-labels"));
  var chart = document.getElementById("checklist-chart");
  var summary = document.getElementById("checklist-summary");
  var country = document.getElementById("checklist-country");
  function each(l, f) { Array.prototype.forEach.call(l, f); }
  // Words and number formats come from the page, in the page's language.
  function subst(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function band(p) {
    for (var i = 0; i < bands.length; i++) if (p >= bands[i].min && p <= bands[i].max) return bands[i];
    return bands[bands.length - 1];
  }
  function answers() {
    var out = {};
    each(form.querySelectorAll("input[type=radio]:checked"), function (i) { out[i.name] = +i.value; });
    return out;
  }
  function scores() {
    var a = answers(), dims = [], total = 0, answered = 0, items = 0;
    each(form.querySelectorAll("fieldset[data-dimension]"), function (d) {
      var sum = 0, n = 0;
      each(d.querySelectorAll("fieldset[data-item]"), function (it) {
        var v = a[it.getAttribute("data-item")];
        n++; items++;
        if (v !== undefined) { sum += v; answered++; }
      });
      var p = n ? Math.round(100 * sum / (max * n)) : 0;
      dims.push({ id: d.getAttribute("data-dimension"), title: d.querySelector("legend").textContent, score: p });
      total += p;
    });
    return { dims: dims, overall: dims.length ? Math.round(total / dims.length) : 0, answered: answered, items: items, answers: a };
  }
  function el(name, cls, text) {
    var e = document.createElement(name);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  // HTML bars, not an SVG: the text keeps the page's size and wraps on a phone.
  function draw(s) {
    var list = el("ul", "score-bars");
    s.dims.concat([{ title: chart.getAttribute("data-overall"), score: s.overall }]).forEach(function (d) {
      var li = el("li", d.id ? "" : "overall"), label = el("span", "bar-label");
      label.appendChild(el("span", "", d.title.replace(/^\d+\.\s*/, "")));
      label.appendChild(el("strong", "", subst(chart.getAttribute("data-score"), { score: d.score }) + " " + band(d.score).label));
      var bar = el("span", "bar"), fill = el("span");
      fill.style.width = d.score + "%";
      bar.appendChild(fill);
      li.appendChild(label);
      li.appendChild(bar);
      list.appendChild(li);
    });
    chart.textContent = "";
    chart.appendChild(list);
  }
  function update(store) {
    var s = scores();
    draw(s);
    summary.textContent = subst(summary.getAttribute("data-text"), {
      score: s.overall, band: band(s.overall).label, answered: s.answered, total: s.items
    });
    s.dims.forEach(function (d) {
      each(document.querySelectorAll('[data-recs="' + d.id + '"] li'), function (li) {
        var on = d.score >= +li.getAttribute("data-min") && d.score <= +li.getAttribute("data-max");
        li.classList.toggle("is-current", on);
      });
    });
    if (store !== false) {
      try { localStorage.setItem(KEY, JSON.stringify({ answers: s.answers, country: country.value })); } catch (e) { /* ignore */ }
    }
    return s;
  }
  function download(name, type, text) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: type }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }
  function exportData(kind) {
    var s = update(false), date = new Date().toISOString().slice(0, 10);
    if (kind === "json") {
      download("self-assessment-" + date + ".json", "application/json", JSON.stringify({
        tool: "WTO trade and gender self-assessment", date: date, country: country.value,
        answers: s.answers, scores: s.dims.reduce(function (o, d) { o[d.id] = d.score; return o; }, {}),
        overall: s.overall, band: band(s.overall).id
      }, null, 2));
    } else {
      var rows = [["dimension", "item", "question", "value", "answer"]];
      each(form.querySelectorAll("fieldset[data-dimension]"), function (d) {
        each(d.querySelectorAll("fieldset[data-item]"), function (it) {
          var id = it.getAttribute("data-item"), v = s.answers[id];
          rows.push([d.getAttribute("data-dimension"), id, it.querySelector("legend").textContent,
            v === undefined ? "" : v, v === undefined ? "" : labels[v]]);
        });
      });
      download("self-assessment-" + date + ".csv", "text/csv", rows.map(function (r) {
        return r.map(function (c) { return '"' + String(c).replace(/"/g, '""') + '"'; }).join(",");
      }).join("\n") + "\n");
    }
  }
  try {
    var saved = JSON.parse(localStorage.getItem(KEY));
    if (saved) {
      country.value = saved.country || "";
      Object.keys(saved.answers || {}).forEach(function (k) {
        var input = document.getElementById(k + "-" + saved.answers[k]);
        if (input) input.checked = true;
      });
    }
  } catch (e) { /* ignore */ }
  form.addEventListener("change", function () { update(); });
  form.addEventListener("input", function () { update(); });
  var actions = document.querySelector("[data-actions]");
  actions.hidden = false;
  each(actions.querySelectorAll("[data-export]"), function (b) {
    b.addEventListener("click", function () { exportData(b.getAttribute("data-export")); });
  });
  actions.querySelector("[data-print-profile]").addEventListener("click", function () {
    document.body.classList.add("print-profile");
    window.print();
    document.body.classList.remove("print-profile");
  });
  actions.querySelector("[data-clear]").addEventListener("click", function () {
    each(form.querySelectorAll("input[type=radio]"), function (i) { i.checked = false; });
    country.value = "";
    update();
  });
  each(document.querySelectorAll(".js-only-note"), function (n) { n.hidden = true; });
  update(false);
})();
