/* Indicator catalogue: narrow the cards and the contents list by agreement, session and
   theme; open every card before printing so nothing is left out of the paper copy. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-filter-target]");
  if (!form) return;
  var list = document.querySelector(form.getAttribute("data-filter-target"));
  var count = form.querySelector(".filter-count");
  var items = list.querySelectorAll("[data-agreement]");
  function each(l, f) { Array.prototype.forEach.call(l, f); }
  function apply() {
    var shown = 0, want = {};
    each(form.querySelectorAll("select[data-facet]"), function (s) {
      if (s.value) want[s.getAttribute("data-facet")] = s.value;
    });
    each(items, function (item) {
      var ok = Object.keys(want).every(function (k) {
        return item.getAttribute("data-" + k).split("|").indexOf(want[k]) >= 0;
      });
      item.hidden = !ok;
      var entry = document.querySelector('[data-for="' + item.id + '"]');
      if (entry) entry.hidden = !ok;
      if (ok) shown++;
    });
    // the words come from the page, in its language: data-none, data-one, data-many
    var words = count.getAttribute(shown === 0 ? "data-none" : shown === 1 ? "data-one" : "data-many");
    count.textContent = words.replace("{count}", shown).replace("{total}", items.length);
  }
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  window.addEventListener("beforeprint", function () {
    each(list.querySelectorAll("details"), function (d) { d.open = true; });
  });
})();
