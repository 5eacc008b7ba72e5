// Material for MkDocs' inline content script (partials/javascripts/content.html, MIT
// licence), served as a file for the site's Content-Security-Policy: a link to a tab
// opens that tab.
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
