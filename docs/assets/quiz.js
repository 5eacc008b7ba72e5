/* Quizzes, module progress and completion records.  Plain JS, no framework.
   Answers are checked here, in the browser; results are kept in localStorage only.
   Scoring is all or nothing per question, as in macros/scoring.py. */
(function () {
  "use strict";
  if (window.tgQuizLoaded) { return; }  // a page with several quizzes names the script once per quiz
  window.tgQuizLoaded = true;
  var PREFIX = "tg-quiz:";
  function load(key) {
    try { return JSON.parse(localStorage.getItem(PREFIX + key)) || null; } catch (e) { return null; }
  }
  function save(key, data) {
    try { localStorage.setItem(PREFIX + key, JSON.stringify(data)); } catch (e) { /* private mode */ }
  }
  function drop(key) {
    try { localStorage.removeItem(PREFIX + key); } catch (e) { /* private mode */ }
  }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function pct(s, t) { return t ? Math.floor(100 * s / t) : 0; }
  function passes(s, t, mark) { return t > 0 && s * 100 >= mark * t; }
  /* Every word shown comes from the page (data-msg-* on the quiz, the progress box or the
     record table), written there in the page's language: {name} marks a number. */
  function msg(el, name, vars) {
    return (el.getAttribute("data-msg-" + name) || "").replace(/\{(\w+)\}/g, function (m, k) {
      return vars && k in vars ? vars[k] : m;
    });
  }
  function shown(form) { return form.querySelectorAll(".quiz-item:not([hidden]) .quiz-q"); }

  /* A per-objective pool shows one question per objective; `keep` restores a stored draw. */
  function draw(form, keep) {
    var groups = {};
    each(form.querySelectorAll(".quiz-item"), function (li) {
      var o = li.getAttribute("data-objective");
      (groups[o] = groups[o] || []).push(li);
    });
    Object.keys(groups).forEach(function (o) {
      var items = groups[o], pick = items[Math.floor(Math.random() * items.length)];
      items.forEach(function (li) {
        if (keep && keep.indexOf(li.querySelector(".quiz-q").getAttribute("data-q")) >= 0) pick = li;
      });
      items.forEach(function (li) {
        li.hidden = li !== pick;
        each(li.querySelectorAll("input"), function (i) { i.disabled = li !== pick; });
      });
    });
    var qs = shown(form);
    each(qs, function (q, n) {
      q.querySelector(".q-num").textContent = msg(form, "number", { number: n + 1, total: qs.length });
    });
  }

  function grade(form) {
    var score = 0, total = 0, answers = {}, drawn = [];
    each(shown(form), function (q) {
      total++;
      var ok = true, chosen = [];
      each(q.querySelectorAll("input"), function (i) {
        if (i.checked) chosen.push(+i.value);
        if (i.checked !== i.hasAttribute("data-ok")) ok = false;
      });
      var any = chosen.length > 0;
      ok = ok && any;
      each(q.querySelectorAll("input"), function (i) {
        var li = i.closest(".option"), fb = li.querySelector(".fb"), right = i.hasAttribute("data-ok");
        var show = any && (i.checked || right);
        li.classList.toggle("is-right", show && right);
        li.classList.toggle("is-wrong", show && !right);
        if (fb) fb.hidden = !show;
      });
      var id = q.getAttribute("data-q");
      answers[id] = chosen;
      drawn.push(id);
      q.classList.toggle("q-right", ok);
      q.classList.toggle("q-wrong", !ok);
      var status = q.querySelector(".q-status");
      if (!status) {
        status = document.createElement("p");
        status.className = "q-status";
        q.insertBefore(status, q.querySelector(".options"));
      }
      status.textContent = msg(form, ok ? "right" : (any ? "wrong" : "unanswered"));
      var ex = q.querySelector(".q-explain");
      if (ex) ex.hidden = !any;
      if (ok) score++;
    });
    var mark = +form.getAttribute("data-pass") || 0, passed = passes(score, total, mark);
    form.querySelector(".quiz-result").textContent = msg(form, passed ? "passed" : "failed",
      { score: score, total: total, percent: pct(score, total), mark: mark });
    form.querySelector("[data-retry]").hidden = false;
    return { a: answers, q: drawn, s: score, t: total, p: passed, d: new Date().toISOString().slice(0, 10) };
  }

  function reset(form) {
    each(form.querySelectorAll("input"), function (i) { i.checked = false; });
    each(form.querySelectorAll(".fb, .q-explain"), function (e) { e.hidden = true; });
    each(form.querySelectorAll(".q-status"), function (e) { e.remove(); });
    each(form.querySelectorAll(".is-right, .is-wrong, .q-right, .q-wrong"), function (e) {
      e.classList.remove("is-right", "is-wrong", "q-right", "q-wrong");
    });
    if (form.hasAttribute("data-draw")) draw(form);
    form.querySelector(".quiz-result").textContent = msg(form, "cleared");
    form.querySelector("[data-retry]").hidden = true;
    var first = form.querySelector(".quiz-item:not([hidden]) input");
    if (first) first.focus();
  }

  function setup(form) {
    var key = form.getAttribute("data-store"), stored = load(key);
    form.querySelector(".quiz-actions").hidden = false;
    if (form.hasAttribute("data-draw")) draw(form, stored && stored.q);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var result = grade(form);
      save(key, result);
      form.dispatchEvent(new CustomEvent("quiz:scored", { detail: { quiz: form.getAttribute("data-quiz"), score: result.s, total: result.t, passed: result.p } }));
      progress();
      var out = form.querySelector(".quiz-result");
      out.focus();
      if (out.scrollIntoView) out.scrollIntoView({ block: "center" });
    });
    form.querySelector("[data-retry]").addEventListener("click", function () {
      drop(key);
      reset(form);
      progress();
    });
    if (stored && stored.a) {
      each(shown(form), function (q) {
        var chosen = stored.a[q.getAttribute("data-q")] || [];
        each(q.querySelectorAll("input"), function (i) { i.checked = chosen.indexOf(+i.value) >= 0; });
      });
      grade(form);
    }
  }

  /* Module progress bars and the completion record read the stored results. */
  function progress() {
    each(document.querySelectorAll("[data-progress]"), function (box) {
      var ed = box.getAttribute("data-edition") + ":", ids = box.getAttribute("data-progress").split(" ");
      var done = ids.filter(function (id) { return load(ed + id); }).length;
      var bar = box.querySelector("progress"), label = box.querySelector(".progress-label");
      if (bar) { bar.max = ids.length; bar.value = done; }
      if (label) label.textContent = msg(box, "done", { done: done, total: ids.length });
    });
    each(document.querySelectorAll("[data-record]"), function (table) {
      var mark = +table.getAttribute("data-pass"), ed = table.getAttribute("data-edition") + ":";
      var sum = 0, tot = 0, all = true, latest = "";
      each(table.querySelectorAll("tr[data-quiz]"), function (row) {
        var r = load(ed + row.getAttribute("data-quiz")), cells = row.querySelectorAll("td");
        var ok = !!r && passes(r.s, r.t, mark);
        if (r) {
          sum += r.s; tot += r.t;
          if (r.d > latest) latest = r.d;
          cells[0].textContent = msg(table, "score", { score: r.s, total: r.t, percent: pct(r.s, r.t) });
        } else {
          cells[0].textContent = msg(table, "none");
        }
        cells[1].textContent = msg(table, ok ? "pass" : "fail");
        if (row.hasAttribute("data-counts") && !ok) all = false;
      });
      var sumEl = document.querySelector("[data-record-summary]");
      var dateEl = document.querySelector("[data-record-date]");
      var rule = document.querySelector("[data-record-rule]");
      if (dateEl) dateEl.textContent = latest || new Date().toISOString().slice(0, 10);
      if (sumEl) sumEl.textContent = msg(table, all ? "overall-pass" : "overall-fail",
        { score: sum, total: tot, percent: pct(sum, tot) }) + " " + (rule ? rule.textContent : "");
    });
    each(document.querySelectorAll("[data-print]"), function (b) {
      b.hidden = false;
      b.onclick = function () { window.print(); };
    });
  }

  function init() {
    each(document.querySelectorAll("form.quiz"), setup);
    progress();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
