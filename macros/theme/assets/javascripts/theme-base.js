// Material for MkDocs' inline head script (partials/javascripts/base.html, MIT licence),
// served as a file so that the site's Content-Security-Policy can forbid inline scripts.
// The scope that Material writes into the script comes from the tag's data-scope.
var __md_scope = new URL(document.currentScript.getAttribute("data-scope") || ".", location),
  __md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0),
  __md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e)),
  __md_set = (e, _, t = localStorage, a = __md_scope) => {
    try {
      t.setItem(a.pathname + "." + e, JSON.stringify(_));
    } catch (e) {}
  };
