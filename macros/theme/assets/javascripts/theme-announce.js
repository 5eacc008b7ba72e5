// Material for MkDocs' inline banner script (partials/javascripts/announce.html, MIT
// licence), served as a file for the site's Content-Security-Policy: a dismissed banner
// stays hidden.
(function () {
  var el = document.querySelector("[data-md-component=announce]");
  if (!el) return;
  var content = el.querySelector(".md-typeset");
  if (__md_hash(content.innerHTML) === __md_get("__announce")) el.hidden = true;
})();
