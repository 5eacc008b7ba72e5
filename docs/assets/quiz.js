/* Quizzes, module progress and completion records.  Plain JS, no framework.
   Answers are checked here, in the browser; results are kept in localStorage only. */
(function () {
  "use strict";
  var PREFIX = "tg-quiz:";
  function load(id) {
    try { return JSON.parse(localStorage.getItem(PREFIX + id)) || null; } catch (e) { return null; }
  }
  function save(id, data) {
    try { localStorage.setItem(PREFIX + id, JSON.stringify(data)); } catch (e) { /* private mode */ }
  }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function pct(s, t) { return t ? Math.round(100 * s / t) : 0; }

  function grade(form) {
    var score = 0, total = 0, answers = {};
    each(form.querySelectorAll(".quiz-q"), function (q) {
      total++;
      var ok = true, chosen = [], any = false;
      each(q.querySelectorAll("input"), function (input) {
        var li = input.closest(".option"), fb = li.querySelector(".fb");
        var right = input.hasAttribute("data-ok");
        li.classList.remove("is-right", "is-wrong");
        if (input.checked) { chosen.push(+input.value); any = true; }
        if (input.checked !== right) ok = false;
        var show = input.checked || (right && q.querySelector("input[type=checkbox]"));
        if (fb) {
          fb.hidden = !show;
          fb.setAttribute("data-verdict", right ? "Correct answer." : "Not correct.");
        }
        if (show) li.classList.add(right ? "is-right" : "is-wrong");
      });
      if (!any) ok = false;
      answers[q.getAttribute("data-q")] = chosen;
      q.classList.toggle("q-right", ok);
      q.classList.toggle("q-wrong", !ok);
      var status = q.querySelector(".q-status");
      if (!status) {
        status = document.createElement("p");
        status.className = "q-status";
        q.insertBefore(status, q.querySelector(".options"));
      }
      status.textContent = ok ? "✓ Right." : (any ? "✗ Not quite: see the feedback below." : "✗ Not answered.");
      var ex = q.querySelector(".q-explain");
      if (ex) ex.hidden = false;
      if (ok) score++;
    });
    var pass = +form.getAttribute("data-pass") || 0, p = pct(score, total);
    var passed = p >= pass;
    var out = form.querySelector(".quiz-result");
    var text = "Score: " + score + " of " + total + " (" + p + "%). Pass mark " + pass + "%: " +
      (passed ? "passed." : "not yet passed. Read the feedback under each question and try again.");
    out.textContent = text;
    form.querySelector("[data-retry]").hidden = false;
    return { a: answers, s: score, t: total, p: passed, d: new Date().toISOString().slice(0, 10) };
  }

  function reset(form) {
    each(form.querySelectorAll("input"), function (i) { i.checked = false; });
    each(form.querySelectorAll(".fb, .q-explain"), function (e) { e.hidden = true; });
    each(form.querySelectorAll(".q-status"), function (e) { e.remove(); });
    each(form.querySelectorAll(".is-right, .is-wrong, .q-right, .q-wrong"), function (e) {
      e.classList.remove("is-right", "is-wrong", "q-right", "q-wrong");
    });
    form.querySelector(".quiz-result").textContent = "Answers cleared. Choose again and check.";
    form.querySelector("[data-retry]").hidden = true;
    var first = form.querySelector("input");
    if (first) first.focus();
  }

  function setup(form) {
    var id = form.getAttribute("data-quiz");
    var actions = form.querySelector(".quiz-actions");
    if (form.classList.contains("answer-key")) return;
    actions.hidden = false;
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var result = grade(form);
      save(id, result);
      form.dispatchEvent(new CustomEvent("quiz:scored", { detail: { quiz: id, score: result.s, total: result.t, passed: result.p } }));
      progress();
    });
    form.querySelector("[data-retry]").addEventListener("click", function () {
      try { localStorage.removeItem(PREFIX + id); } catch (e) { /* ignore */ }
      reset(form);
      progress();
    });
    var stored = load(id);
    if (stored && stored.a) {
      each(form.querySelectorAll(".quiz-q"), function (q) {
        var chosen = stored.a[q.getAttribute("data-q")] || [];
        each(q.querySelectorAll("input"), function (i) { i.checked = chosen.indexOf(+i.value) >= 0; });
      });
      grade(form);
    }
  }

  /* Module progress bars and the completion record read the stored results. */
  function progress() {
    each(document.querySelectorAll("[data-progress]"), function (box) {
      var ids = box.getAttribute("data-progress").split(" "), done = 0;
      ids.forEach(function (id) { if (load(id)) done++; });
      var bar = box.querySelector("progress"), label = box.querySelector(".progress-label");
      if (bar) { bar.max = ids.length; bar.value = done; }
      if (label) label.textContent = done + " of " + ids.length + " quizzes done";
    });
    each(document.querySelectorAll("[data-record]"), function (table) {
      var pass = +table.getAttribute("data-pass"), sum = 0, tot = 0, all = true, latest = "";
      each(table.querySelectorAll("tr[data-quiz]"), function (row) {
        var r = load(row.getAttribute("data-quiz")), cells = row.querySelectorAll("td");
        if (r) {
          sum += r.s; tot += r.t;
          if (r.d > latest) latest = r.d;
          cells[0].textContent = r.s + " of " + r.t + " (" + pct(r.s, r.t) + "%)";
          cells[1].textContent = pct(r.s, r.t) >= pass ? "Passed" : "Not passed";
          if (pct(r.s, r.t) < pass) all = false;
        } else {
          cells[0].textContent = "Not taken";
          cells[1].textContent = "Not passed";
          all = false;
        }
      });
      var sumEl = document.querySelector("[data-record-summary]");
      var dateEl = document.querySelector("[data-record-date]");
      if (dateEl) dateEl.textContent = latest || new Date().toISOString().slice(0, 10);
      if (sumEl) sumEl.textContent = "Overall: " + sum + " of " + tot + " (" + pct(sum, tot) +
        "%). Result: " + (all ? "PASSED" : "NOT YET PASSED") + " (pass mark " + pass + "% in every quiz).";
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
