/* The search index is the heaviest file of the site (most of a first visit's bytes), and
   most readers never search.  The theme asks for it as soon as a page opens; this holds
   that one request back until the reader turns to search (the search box gets focus, the
   search button is pressed, or a search shortcut is typed), then sends it.  Loaded before
   the theme's bundle.  From file:// the theme reads the index from a script instead, so
   nothing is held back there. */
(function () {
  "use strict";
  var INDEX = /(^|\/)search(\/search_index)?\.json(\?|#|$)/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var engaged = false;
  function engage() {
    if (engaged) { return; }
    engaged = true;
    held.splice(0).forEach(function (call) { send.apply(call[0], call[1]); });
  }
  XMLHttpRequest.prototype.open = function (method, url) {
    this.tgSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.tgSearchIndex && !engaged) {
      held.push([this, arguments]);
      return undefined;
    }
    return send.apply(this, arguments);
  };
  function inSearch(target) {
    return target && target.closest && target.closest(".md-search, label[for='__search']");
  }
  document.addEventListener("focusin", function (e) { if (inSearch(e.target)) { engage(); } });
  document.addEventListener("pointerdown", function (e) { if (inSearch(e.target)) { engage(); } });
  document.addEventListener("change", function (e) {
    if (e.target && e.target.id === "__search") { engage(); }
  });
  document.addEventListener("keydown", function (e) {
    var field = e.target && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
    if (!field && (e.key === "/" || e.key === "s" || e.key === "f" || e.key === "S" || e.key === "F")) {
      engage();
    }
  });
  /* A page opened from a search result (?q=...) highlights the terms: it needs the index. */
  if (/[?&](q|h)=/.test(location.search) || location.hash.indexOf("q=") !== -1) { engage(); }
})();
