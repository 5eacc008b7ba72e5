/* SCORM 1.2 reporting for the e-learning modules packaged for an LMS.  Plain JS.
   Only pages of a SCORM package load this script; they carry <meta name="tg-scorm">
   with the module's quizzes, the quizzes that decide the result and the pass mark.
   Outside an LMS (no API found) it does nothing and the pages work as on the site.

   One LMS session spans the package's pages: the first page calls LMSInitialize, the
   next ones find the open session (kept on the LMS window) and go on with it.  The session
   ends with LMSFinish when the LMS page goes away (its pagehide), when the learner follows
   a link out of the package, or, if the package runs in its own window, when that window
   leaves the package.  Nothing calls the API after LMSFinish.

   Progress is kept in cmi.suspend_data as compact JSON (at most 4,096 characters): per
   quiz [score, total, date, answers, drawn questions]; answers are dropped first if the
   limit would be passed.  On launch it is copied into the quiz script's storage, so
   progress bars, quizzes and the completion record show the learner's own results. */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="tg-scorm"]');
  if (!meta || !window.JSON) return;
  var MAX_DEPTH = 10, LIMIT = 4096, SESSION = "tgScormSession";
  var quizzes = (meta.getAttribute("data-quizzes") || "").split(" ").filter(Boolean);
  var counted = (meta.getAttribute("data-counted") || "").split(" ").filter(Boolean);
  var mark = +meta.getAttribute("data-pass") || 0;
  var script = document.currentScript;
  var root = script ? script.src.replace(/assets\/scorm\.js(\?.*)?$/, "") : "";

  /* The usual search: this window and its parents, then the opener and its parents. */
  function search(win) {
    for (var depth = 0; win && depth <= MAX_DEPTH; depth++) {
      try { if (win.API) return win; } catch (e) { return null; /* another origin */ }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  var host = search(window);
  var framed = !!host;
  if (!host) {
    try { host = window.top.opener ? search(window.top.opener) : null; } catch (e) { host = null; }
  }
  if (!host) return;
  var api = host.API;

  function session() {
    try { return JSON.parse(host[SESSION] || "null"); } catch (e) { return null; }
  }
  function keep(s) { host[SESSION] = JSON.stringify(s); }
  function open() { var s = session(); return s && !s.done ? s : null; }

  function passes(s, t) { return t > 0 && s * 100 >= mark * t; }

  /* Suspend data: {"r": {quiz: [score, total, date, answers, drawn]}}, shortened to fit. */
  function pack(results) {
    var text = JSON.stringify({ r: results });
    if (text.length <= LIMIT) return text;
    var short = {};
    Object.keys(results).forEach(function (id) { short[id] = results[id].slice(0, 3); });
    text = JSON.stringify({ r: short });
    if (text.length <= LIMIT) return text;
    var only = {};
    counted.forEach(function (id) { if (short[id]) only[id] = short[id]; });
    return JSON.stringify({ r: only });
  }
  function unpack(text) {
    try {
      var data = JSON.parse(text || "{}");
      return data && typeof data.r === "object" && data.r ? data.r : {};
    } catch (e) { return {}; }
  }

  var s = session();
  if (s && s.done) return;
  if (!s) {
    if (String(api.LMSInitialize("")) !== "true") return;
    var status = api.LMSGetValue("cmi.core.lesson_status");
    if (!status || status === "not attempted") api.LMSSetValue("cmi.core.lesson_status", "incomplete");
    s = { t: Date.now(), r: unpack(api.LMSGetValue("cmi.suspend_data")), st: "incomplete" };
    s.st = String(api.LMSGetValue("cmi.core.lesson_status") || "incomplete");
    keep(s);
  }

  /* The quiz script's storage key: "tg-quiz:" + (edition + ":" when pages name one) + id. */
  function storeKey(id) {
    var ed = document.querySelector("[data-edition]");
    return "tg-quiz:" + (ed ? ed.getAttribute("data-edition") + ":" : "") + id;
  }
  function restore() {
    var results = (open() || {}).r || {};
    quizzes.forEach(function (id) {
      var r = results[id];
      try {
        if (r) {
          localStorage.setItem(storeKey(id), JSON.stringify({
            a: r[3] || undefined, q: r[4] || undefined, s: r[0], t: r[1], p: passes(r[0], r[1]), d: r[2]
          }));
        } else {
          localStorage.removeItem(storeKey(id));
        }
      } catch (e) { /* storage blocked: the LMS still has the results */ }
    });
  }

  function report(detail) {
    var cur = open();
    if (!cur || quizzes.indexOf(detail.quiz) < 0) return;
    var stored = null;
    try { stored = JSON.parse(localStorage.getItem(storeKey(detail.quiz))); } catch (e) { stored = null; }
    var entry = [+detail.score || 0, +detail.total || 0, new Date().toISOString().slice(0, 10)];
    if (stored && stored.a) entry.push(stored.a, stored.q || 0);
    cur.r[detail.quiz] = entry;
    var sum = 0, tot = 0, all = true, missing = false;
    counted.forEach(function (id) {
      var r = cur.r[id];
      if (!r) { missing = true; return; }
      sum += r[0]; tot += r[1];
      if (!passes(r[0], r[1])) all = false;
    });
    cur.st = missing ? "incomplete" : (all ? "passed" : "failed");
    keep(cur);
    api.LMSSetValue("cmi.core.lesson_status", cur.st);
    if (tot > 0) {
      api.LMSSetValue("cmi.core.score.min", "0");
      api.LMSSetValue("cmi.core.score.max", "100");
      api.LMSSetValue("cmi.core.score.raw", String(Math.floor(100 * sum / tot)));
    }
    api.LMSSetValue("cmi.suspend_data", pack(cur.r));
    api.LMSCommit("");
  }

  function hms(ms) {
    var t = Math.floor(ms / 1000), h = Math.floor(t / 3600), m = Math.floor(t / 60) % 60;
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return (h < 1000 ? ("000" + h).slice(-4) : "9999") + ":" + two(m) + ":" + two(t % 60);
  }
  function finish() {
    var cur = open();
    if (!cur) return;
    cur.done = true;
    keep(cur);
    api.LMSSetValue("cmi.core.session_time", hms(Date.now() - cur.t));
    api.LMSSetValue("cmi.core.exit", cur.st === "incomplete" ? "suspend" : "");
    api.LMSFinish("");
  }

  /* Where the page is going: "in" for another page of the package, "out" for elsewhere. */
  var leaving = "";
  document.addEventListener("click", function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest("a[href]") : null;
    if (!a || ev.defaultPrevented) return;
    var here = location.href.split("#")[0], there = a.href.split("#")[0];
    if (there === here) return;
    var inside = root && there.indexOf(root) === 0 && /\.html$/.test(there.split("?")[0]) &&
      (!a.target || a.target === "_self");
    leaving = inside ? "in" : (a.target && a.target !== "_self" ? leaving : "out");
  }, true);

  function onLmsLeave() { finish(); }
  if (framed) host.addEventListener("pagehide", onLmsLeave);
  window.addEventListener("pagehide", function () {
    if (framed) {
      host.removeEventListener("pagehide", onLmsLeave);
      if (leaving === "out") finish();
    } else if (leaving !== "in") {
      finish();
    }
  });

  document.addEventListener("quiz:scored", function (ev) { report(ev.detail || {}); }, true);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", restore);
  else restore();
})();
