// Set-up of the frame that stands in for a Web Worker (iframe-worker, MIT licence, see
// iframe-worker-LICENSE.txt): what the original shim wrote as an inline script.
"use strict";
(() => {
  var url = document.currentScript.getAttribute("data-worker");
  self.postMessage = (data, origin) => parent.postMessage(data, origin || "*");
  self.importScripts = (...urls) =>
    urls.reduce(
      (done, src) =>
        done.then(
          () =>
            new Promise((resolve) => {
              var script = document.createElement("script");
              script.src = src;
              script.onload = resolve;
              document.body.appendChild(script);
            }),
        ),
      Promise.resolve(),
    );
  addEventListener("error", ({ error }) => {
    parent.dispatchEvent(new ErrorEvent("error", { filename: url, error }));
  });
})();
