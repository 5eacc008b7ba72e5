/* Share-a-policy form: checks the entry against the same JSON Schema the build uses
   (data/policy.schema.json) and produces the YAML file.  Nothing is sent anywhere. */
(function () {
  "use strict";
  var form = document.getElementById("share-form");
  if (!form) return;
  var errorsBox = document.querySelector(".share-errors");
  var output = document.querySelector(".share-output");
  var yamlBox = document.getElementById("share-yaml");
  var schema = null;

  function check(value, rule, path, errors) {
    if (rule.anyOf) {
      var ok = rule.anyOf.some(function (r) { var e = []; check(value, r, path, e); return !e.length; });
      if (!ok) errors.push(path + ": is not valid.");
      return;
    }
    if (rule.$ref) rule = schema.$defs[rule.$ref.split("/").pop()];
    var t = rule.type;
    if (t === "null") { if (value !== null) errors.push(path + ": must be empty."); return; }
    if (t === "string") {
      if (typeof value !== "string") { errors.push(path + ": expected text."); return; }
      if (rule.minLength && value.length < rule.minLength) errors.push(path + ": must not be empty.");
      if (rule.maxLength && value.length > rule.maxLength) errors.push(path + ": at most " + rule.maxLength + " characters.");
      if (rule.pattern && value && !new RegExp(rule.pattern).test(value)) {
        errors.push(path + (/https/.test(rule.pattern) ? ": must be a web address starting with https:// or http://." :
          ": use lower-case letters, digits and hyphens only (e.g. kenya-women-fund)."));
      }
    }
    if (t === "integer" && !(Number.isInteger(value) && value >= rule.minimum && value <= rule.maximum)) {
      errors.push(path + ": a year between " + rule.minimum + " and " + rule.maximum + ".");
    }
    if (t === "array") {
      if (!Array.isArray(value)) { errors.push(path + ": expected a list."); return; }
      if (rule.minItems && value.length < rule.minItems) errors.push(path + ": choose at least " + rule.minItems + ".");
      value.forEach(function (v, i) { check(v, rule.items, path + "[" + (i + 1) + "]", errors); });
    }
    if (rule.enum && value !== "" && rule.enum.indexOf(value) < 0) {
      errors.push(path + ": '" + value + "' is not in the list" + (rule.enum.length < 20 ? " (" + rule.enum.join(", ") + ")." : "; check the spelling used by the WTO."));
    }
  }

  function validate(entry) {
    var errors = [];
    (schema.required || []).forEach(function (k) {
      if (entry[k] === undefined || entry[k] === "" || (Array.isArray(entry[k]) && !entry[k].length)) {
        errors.push(k + ": this field is required.");
      }
    });
    Object.keys(entry).forEach(function (k) {
      if (!schema.properties[k]) errors.push(k + ": unknown field.");
      else if (entry[k] !== "" && entry[k] !== undefined) check(entry[k], schema.properties[k], k, errors);
    });
    return errors.filter(function (e, i, all) { return all.indexOf(e) === i; });
  }

  function collect() {
    var e = {}, data = new FormData(form);
    ["id", "title", "measure_type", "description",
      "beneficiaries", "status", "source_url"].forEach(function (k) { e[k] = (data.get(k) || "").trim(); });
    // One country per shared policy; the database keeps countries, status and region as lists.
    ["countries", "member_status", "region"].forEach(function (k) {
      var v = (data.get(k) || "").trim();
      e[k] = v ? [v] : [];
    });
    var year = (data.get("year") || "").trim();
    e.year = year === "" ? "" : Number(year);
    e.wto_areas = data.getAll("wto_areas");
    e.shared_in = data.get("shared_in") || null;
    return e;
  }

  function toYaml(e) {
    var q = JSON.stringify, lines = ["# Policy shared through the course site; send this file to your trainer."];
    lines.push("id: " + q(e.id));
    ["countries", "member_status", "region"].forEach(function (k) {
      lines.push(k + ": [" + e[k].map(function (v) { return q(v); }).join(", ") + "]");
    });
    if (e.year !== "") lines.push("year: " + e.year);
    ["title", "measure_type"].forEach(function (k) { lines.push(k + ": " + q(e[k])); });
    lines.push("wto_areas:");
    e.wto_areas.forEach(function (a) { lines.push("  - " + q(a)); });
    ["description", "beneficiaries", "status", "source_url"].forEach(function (k) { lines.push(k + ": " + q(e[k])); });
    if (e.shared_in) lines.push("shared_in: " + q(e.shared_in));
    return lines.join("\n") + "\n";
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var entry = collect(), errors = validate(entry);
    errorsBox.textContent = "";
    if (errors.length) {
      var p = document.createElement("p");
      p.textContent = errors.length + (errors.length === 1 ? " problem" : " problems") + " to fix:";
      var ul = document.createElement("ul");
      errors.forEach(function (msg) { var li = document.createElement("li"); li.textContent = msg; ul.appendChild(li); });
      errorsBox.appendChild(p);
      errorsBox.appendChild(ul);
      output.hidden = true;
      return;
    }
    var text = toYaml(entry), name = entry.id + ".yml";
    yamlBox.value = text;
    output.querySelector("[data-filename]").textContent = name;
    var link = output.querySelector("[data-download]");
    link.download = name;
    link.href = URL.createObjectURL(new Blob([text], { type: "text/yaml" }));
    output.hidden = false;
    errorsBox.textContent = "";
    yamlBox.focus();
  });
  output.querySelector("[data-copy]").addEventListener("click", function () {
    yamlBox.select();
    if (navigator.clipboard) navigator.clipboard.writeText(yamlBox.value).catch(function () {});
  });
  fetch(form.getAttribute("data-schema")).then(function (r) { return r.json(); }).then(function (s) {
    schema = s;
    var list = document.createElement("datalist");
    list.id = "country-names";
    s.properties.countries.items.enum.forEach(function (c) { var o = document.createElement("option"); o.value = c; list.appendChild(o); });
    form.appendChild(list);
    form.querySelector("#f-country").setAttribute("list", "country-names");
    form.querySelector(".share-actions").hidden = false;
  });
})();
