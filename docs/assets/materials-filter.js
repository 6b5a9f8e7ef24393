// Metodbanken materials index: filter by type, step and language, with the state in the URL query (shareable,
// back button works). Without script the form stays hidden and every material shows.
(function () {
  "use strict";
  var form = document.querySelector("[data-mb-materials-filter]");
  var index = document.querySelector("[data-mb-index=material]");
  if (!form || !index) return;
  var cards = Array.prototype.slice.call(index.querySelectorAll("[data-mb-entry]"));
  var countEl = document.querySelector("[data-mb-count]");
  var noMatch = document.querySelector("[data-mb-no-match]");
  var fields = Array.prototype.slice.call(form.querySelectorAll("select"));
  form.hidden = false;

  function has(element, name, value) {
    return (" " + (element.getAttribute("data-" + name) || "") + " ").indexOf(" " + value + " ") !== -1;
  }

  function stateFromUrl() {
    var params = new URLSearchParams(location.search);
    fields.forEach(function (field) {
      var value = params.get(field.name) || "";
      var known = Array.prototype.some.call(field.options, function (option) { return option.value === value; });
      field.value = known ? value : "";
    });
  }

  function apply() {
    var shown = 0;
    var language = form.elements.language.value;
    cards.forEach(function (card) {
      var ok = fields.every(function (field) { return !field.value || has(card, field.name, field.value); });
      card.hidden = !ok;
      if (ok) shown++;
      // With a language chosen, each card lists only the files in that language.
      Array.prototype.forEach.call(card.querySelectorAll("[data-mb-file-language]"), function (item) {
        item.hidden = Boolean(language) && item.getAttribute("data-mb-file-language") !== language;
      });
    });
    countEl.textContent = form.dataset.labelCount.replace("{shown}", shown).replace("{total}", cards.length);
    noMatch.hidden = shown !== 0;
  }

  function urlFromState() {
    var params = new URLSearchParams();
    fields.forEach(function (field) { if (field.value) params.set(field.name, field.value); });
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "") + location.hash;
  }

  function changed() {
    var url = urlFromState();
    if (url !== location.pathname + location.search + location.hash) history.replaceState(null, "", url);  // a filter change is not a new place: one Back leaves the list
    apply();
  }

  form.addEventListener("change", changed);
  form.addEventListener("submit", function (event) { event.preventDefault(); changed(); });
  form.addEventListener("reset", function () { setTimeout(changed, 0); });  // after the browser has reset the fields
  window.addEventListener("popstate", function () { stateFromUrl(); apply(); });
  stateFromUrl();
  apply();
  window.metodbankenMaterialsFilter = { apply: apply };
}());
