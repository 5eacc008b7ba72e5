/* Share-a-policy form: checks the entry against the JSON Schema the build uses (loaded as
   data/policy-schema.js, so it works from file:// too) and produces the YAML file.
   Problems are listed in plain words, in form order, in a summary that takes the focus and
   links to each field.  Nothing is sent anywhere. */
(function () {
  "use strict";
  var form = document.getElementById("share-form");
  var schema = window.TG_POLICY_SCHEMA;
  if (!form || !schema) return;
  var summary = document.getElementById("share-errors");
  var output = document.querySelector(".share-output");
  var yamlBox = document.getElementById("share-yaml");
  // The model may hold one country or a list of them; the form asks for one.
  var COUNTRY = schema.properties.countries ? "countries" : "country";
  var TEXT = ["id", "title", "member_status", "region", "measure_type", "description",
    "beneficiaries", "status", "source_url"];
  var ORDER = ["id", "title", "country", "member_status", "region", "year", "measure_type",
    "wto_areas", "description", "beneficiaries", "status", "source_url", "shared_in"];

  function each(l, f) { Array.prototype.forEach.call(l, f); }
  // Every message comes from the page (data-msg-*), in the page's language.
  function say(name, values) {
    return form.getAttribute("data-msg-" + name).replace(/\{(\w+)\}/g, function (m, k) {
      return values && k in values ? values[k] : m;
    });
  }
  function field(name) {
    return name === "wto_areas" ? document.getElementById("f-wto_areas") : document.getElementById("f-" + name);
  }
  function label(name) {
    var f = field(name), el = f.tagName === "FIELDSET" ? f.querySelector("legend") : form.querySelector('label[for="' + f.id + '"]');
    return el.textContent.replace(/\s*\*\s*$/, "").trim();
  }
  function rule(key) {
    var r = schema.properties[key];
    if (r && r.$ref) r = (schema.$defs || schema.definitions)[r.$ref.split("/").pop()];
    // An optional value is "anyOf: [its rule, null]": the rule is the first that is not null.
    if (r && r.anyOf) r = r.anyOf.filter(function (x) { return x.type !== "null"; })[0] || r;
    return r || {};
  }
  function isList(key) { return (schema.properties[key] || {}).type === "array"; }

  // One plain sentence per field: what is wrong and how to put it right.
  function problem(name, value) {
    var key = name === "country" ? COUNTRY : name, r = rule(key), what = label(name);
    var empty = value === "" || value === null || (Array.isArray(value) && !value.length);
    var required = (schema.required || []).indexOf(key) >= 0 || field(name).required;
    if (empty) {
      if (!required) return "";
      if (name === "wto_areas") return say("areas");
      return say(field(name).tagName === "SELECT" ? "choose" : "fill", { field: what });
    }
    if (name === "country") {
      var names = r.enum || (r.items && r.items.enum) || [];
      if (names.length && names.indexOf(value) < 0) {
        return say("country", { value: value });
      }
      return "";
    }
    if (name === "year") {
      if (!/^\d{4}$/.test(value) || +value < r.minimum || +value > r.maximum) {
        return say("year", { field: what, min: r.minimum, max: r.maximum });
      }
      return "";
    }
    if (name === "shared_in" || name === "wto_areas") return "";
    if (r.maxLength && value.length > r.maxLength) {
      return say("long", { field: what, length: value.length, max: r.maxLength });
    }
    if (r.pattern && !new RegExp(r.pattern).test(value)) {
      if (name === "source_url") return say("url", { field: what });
      return say("id", { field: what });
    }
    if (r.enum && r.enum.indexOf(value) < 0) return say("list", { field: what });
    return "";
  }

  function collect() {
    var e = {}, data = new FormData(form);
    TEXT.forEach(function (k) { e[k] = (data.get(k) || "").trim(); });
    e.country = (data.get("country") || "").trim();
    e.year = (data.get("year") || "").trim();
    e.wto_areas = data.getAll("wto_areas");
    e.shared_in = data.get("shared_in") || null;
    return e;
  }

  function clearErrors() {
    each(form.querySelectorAll("[aria-invalid]"), function (f) { f.removeAttribute("aria-invalid"); });
    each(form.querySelectorAll(".field-error"), function (m) {
      var f = document.getElementById(m.getAttribute("data-for"));
      if (f) f.setAttribute("aria-describedby", (f.getAttribute("aria-describedby") || "").replace(m.id, "").trim());
      m.remove();
    });
  }

  function showErrors(errors) {
    var list = summary.querySelector("ol");
    list.textContent = "";
    errors.forEach(function (err) {
      var f = field(err.name), target = f.tagName === "FIELDSET" ? f.querySelector("input") : f;
      var msg = document.createElement("span");
      msg.className = "field-error";
      msg.id = "err-" + err.name;
      msg.setAttribute("data-for", target.id);
      msg.textContent = err.text;
      if (f.tagName === "FIELDSET") f.querySelector("legend").after(msg);
      else form.querySelector('label[for="' + f.id + '"]').after(msg);
      f.setAttribute("aria-invalid", "true");
      target.setAttribute("aria-describedby", ((target.getAttribute("aria-describedby") || "") + " " + msg.id).trim());
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = "#" + target.id;
      a.textContent = err.text;
      a.addEventListener("click", function (ev) { ev.preventDefault(); target.focus(); target.scrollIntoView({ block: "center" }); });
      li.appendChild(a);
      list.appendChild(li);
    });
    summary.hidden = false;
    summary.focus();
  }

  function quote(s) { return JSON.stringify(s); }
  function toYaml(e) {
    var lines = ["# " + say("heading")];
    lines.push("id: " + quote(e.id));
    if (COUNTRY === "countries") lines.push("countries:", "  - " + quote(e.country));
    else lines.push("country: " + quote(e.country));
    ["member_status", "region"].forEach(function (k) {
      if (isList(k)) lines.push(k + ":", "  - " + quote(e[k]));
      else lines.push(k + ": " + quote(e[k]));
    });
    if (e.year !== "") lines.push("year: " + Number(e.year));
    lines.push("title: " + quote(e.title), "measure_type: " + quote(e.measure_type));
    lines.push("wto_areas:");
    e.wto_areas.forEach(function (a) { lines.push("  - " + quote(a)); });
    ["description", "beneficiaries", "status", "source_url"].forEach(function (k) { lines.push(k + ": " + quote(e[k])); });
    lines.push("shared_in: " + (e.shared_in ? quote(e.shared_in) : "null"));
    return lines.join("\n") + "\n";
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var entry = collect(), errors = [];
    clearErrors();
    ORDER.forEach(function (name) {
      var text = problem(name, entry[name]);
      if (text) errors.push({ name: name, text: text });
    });
    if (errors.length) {
      output.hidden = true;
      showErrors(errors);
      return;
    }
    summary.hidden = true;
    var text = toYaml(entry), name = entry.id + ".yml";
    yamlBox.value = text;
    output.querySelector("[data-filename]").textContent = name;
    var link = output.querySelector("[data-download]");
    link.download = name;
    link.href = URL.createObjectURL(new Blob([text], { type: "text/yaml" }));
    output.hidden = false;
    output.querySelector("h2").focus();
  });
  output.querySelector("[data-copy]").addEventListener("click", function () {
    var status = output.querySelector(".copy-status");
    yamlBox.select();
    function done() { status.textContent = say("copied"); }
    if (navigator.clipboard) {
      navigator.clipboard.writeText(yamlBox.value).then(done).catch(function () {
        status.textContent = say("select");
      });
    } else status.textContent = say("select");
  });

  var names = rule(COUNTRY).enum || (rule(COUNTRY).items || {}).enum || [];
  var list = document.createElement("datalist");
  list.id = "country-names";
  names.forEach(function (c) { var o = document.createElement("option"); o.value = c; list.appendChild(o); });
  form.appendChild(list);
  document.getElementById("f-country").setAttribute("list", "country-names");
  form.querySelector(".share-actions").hidden = false;
})();
