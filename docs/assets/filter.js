/* Indicator catalogue: narrow the list by agreement, session and theme. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-filter-target]");
  if (!form) return;
  var list = document.querySelector(form.getAttribute("data-filter-target"));
  var count = form.querySelector(".filter-count");
  var items = list.querySelectorAll("[data-agreement]");
  function apply() {
    var shown = 0, want = {};
    Array.prototype.forEach.call(form.querySelectorAll("select[data-facet]"), function (s) {
      if (s.value) want[s.getAttribute("data-facet")] = s.value;
    });
    Array.prototype.forEach.call(items, function (item) {
      var ok = Object.keys(want).every(function (k) {
        return item.getAttribute("data-" + k).split("|").indexOf(want[k]) >= 0;
      });
      item.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + (shown === 1 ? " indicator" : " indicators") + " shown of " + items.length;
  }
  form.hidden = false;
  form.addEventListener("change", apply);
})();
