/* Take-home action note: each session page saves its part in this browser (localStorage);
   the action note page gathers every part on one printable page. Nothing is sent anywhere.
   Every word shown comes from the page (data- attributes), so pages translate alone. */
(function () {
  "use strict";
  var KEY = "tg-action-note";
  function each(selector, fn, root) {
    Array.prototype.forEach.call((root || document).querySelectorAll(selector), fn);
  }
  function load() {
    try {
      var note = JSON.parse(localStorage.getItem(KEY)) || {};
      if (typeof note.entries !== "object" || note.entries === null) note.entries = {};
      return note;
    } catch (e) {
      return { entries: {} };
    }
  }
  function save(note) {
    note.version = 1;
    note.updated = new Date().toISOString();
    try {
      localStorage.setItem(KEY, JSON.stringify(note));
      return true;
    } catch (e) {
      return false;
    }
  }
  function text(value) { return typeof value === "string" ? value : ""; }

  each(".an-nojs", function (n) { n.hidden = true; });

  var form = document.querySelector("form[data-action-note]");
  if (form) {
    var sid = form.getAttribute("data-action-note");
    var status = form.querySelector(".an-status");
    var entry = load().entries[sid] || {};
    each("textarea[name]", function (t) { t.value = text(entry[t.name]); }, form);
    form.addEventListener("input", function (ev) {
      if (!ev.target.name) return;
      var note = load();
      note.entries[sid] = note.entries[sid] || {};
      note.entries[sid][ev.target.name] = ev.target.value;
      var ok = save(note);
      status.textContent = form.getAttribute(ok ? "data-saved" : "data-unsaved");
    });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  }

  var sheet = document.querySelector("[data-action-note-sheet]");
  if (sheet) {
    var note = load();
    each("[data-an-cell]", function (cell) {
      var key = cell.getAttribute("data-an-cell").split(":");
      cell.textContent = text((note.entries[key[0]] || {})[key[1]]);
    }, sheet);
    each("input[name]", function (input) {
      input.value = text(note[input.name]);
      input.addEventListener("input", function () {
        var current = load();
        current[input.name] = input.value;
        save(current);
      });
    }, sheet);
    var actions = document.querySelector("[data-an-actions]");
    if (actions) {
      actions.hidden = false;
      actions.querySelector("[data-an-print]").addEventListener("click", function () {
        window.print();
      });
      var clear = actions.querySelector("[data-an-clear]");
      clear.addEventListener("click", function () {
        if (!window.confirm(clear.getAttribute("data-confirm"))) return;
        try { localStorage.removeItem(KEY); } catch (e) { /* nothing was kept */ }
        each("[data-an-cell]", function (cell) { cell.textContent = ""; }, sheet);
        each("input[name]", function (input) { input.value = ""; }, sheet);
      });
    }
  }
})();
