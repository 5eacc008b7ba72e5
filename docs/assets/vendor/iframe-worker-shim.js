// iframe-worker shim (npm iframe-worker, MIT licence, see iframe-worker-LICENSE.txt),
// changed so that it runs under the site's Content-Security-Policy, which forbids inline
// scripts: the frame's set-up code is the file iframe-worker-inner.js beside this one
// instead of an inline <script>.  From file:// it stands in for Web Workers, so that
// Material's search works in the offline bundle.
"use strict";
(() => {
  var inner = new URL("iframe-worker-inner.js", document.currentScript.src).href;
  var IFrameWorker = class extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.m = (ev) => {
        if (ev.source === this.w) {
          this.dispatchEvent(new MessageEvent("message", { data: ev.data }));
          if (this.onmessage) this.onmessage(ev);
        }
      };
      this.e = (message, filename, lineno, colno, error) => {
        if (filename === `${this.url}`) {
          var ev = new ErrorEvent("error", { message, filename, lineno, colno, error });
          this.dispatchEvent(ev);
          if (this.onerror) this.onerror(ev);
        }
      };
      var frame = document.createElement("iframe");
      frame.hidden = true;
      document.body.appendChild((this.iframe = frame));
      var doc = this.w.document;
      doc.open();
      doc.write("<html><body></body></html>");
      doc.close();
      // The set-up script first, then the worker script, each loaded in turn.
      var setup = doc.createElement("script");
      setup.src = inner;
      setup.setAttribute("data-worker", `${url}`);
      this.r = new Promise((resolve, reject) => {
        setup.onload = () => {
          var worker = doc.createElement("script");
          worker.src = `${url}?${+Date.now()}`;
          worker.onload = resolve;
          worker.onerror = reject;
          doc.body.appendChild(worker);
        };
        setup.onerror = reject;
      });
      doc.body.appendChild(setup);
      onmessage = this.m;
      onerror = this.e;
    }
    terminate() {
      this.iframe.remove();
      onmessage = onerror = null;
    }
    postMessage(data) {
      this.r.catch().then(() => {
        this.w.dispatchEvent(new MessageEvent("message", structuredClone({ data })));
      });
    }
    get w() {
      return this.iframe.contentWindow;
    }
  };
  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
