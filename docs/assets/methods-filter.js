// Metodbanken methods index: filter, free text and sort, with the state in the URL query (shareable, back button works).
(function () {
  "use strict";
  var form = document.querySelector("[data-mb-filter]");
  var index = document.querySelector("[data-mb-index=method]");
  if (!form || !index) return;
  var cards = Array.prototype.slice.call(index.querySelectorAll("[data-mb-entry]"));
  var countEl = document.querySelector("[data-mb-count]");
  var fields = Array.prototype.slice.call(form.querySelectorAll("select, input"));
  var texts = cards.map(function (card) { return card.textContent.toLowerCase(); });
  var byTitle = cards.slice().sort(function (a, b) { return a.dataset.title.localeCompare(b.dataset.title, document.documentElement.lang); });
  var byReviewed = cards.slice().sort(function (a, b) { return b.dataset.reviewed.localeCompare(a.dataset.reviewed); });
  var currentOrder = null;  // sorted once on load (the server sorts by Swedish title), then only when the sort changes
  form.hidden = false;

  function stateFromUrl() {
    var params = new URLSearchParams(location.search);
    fields.forEach(function (field) {
      var value = params.get(field.name) || "";
      if (field.tagName === "SELECT" && value && !field.querySelector('option[value="' + CSS.escape(value) + '"]')) value = "";
      field.value = value || (field.name === "sort" ? "title" : "");
    });
  }

  function apply() {
    var wanted = {};
    fields.forEach(function (field) { if (field.value && field.name !== "q" && field.name !== "sort") wanted[field.name] = field.value; });
    var words = form.elements.q.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    cards.forEach(function (card, i) {
      var ok = Object.keys(wanted).every(function (name) {
        return (" " + (card.getAttribute("data-" + name) || "") + " ").indexOf(" " + wanted[name] + " ") !== -1;
      }) && words.every(function (word) { return texts[i].indexOf(word) !== -1; });
      if (card.hidden === ok) card.hidden = !ok;  // touch only the cards that change
      if (ok) shown++;
    });
    var order = form.elements.sort.value === "reviewed" ? byReviewed : byTitle;
    if (order !== currentOrder) {  // moving a thousand cards costs more than filtering them: only when the sort changes
      var fragment = document.createDocumentFragment();
      order.forEach(function (card) { fragment.appendChild(card); });
      index.appendChild(fragment);
      currentOrder = order;
    }
    countEl.textContent = form.dataset.labelCount.replace("{shown}", shown).replace("{total}", cards.length);
  }

  function urlFromState() {
    var params = new URLSearchParams();
    fields.forEach(function (field) {
      if (field.value && !(field.name === "sort" && field.value === "title")) params.set(field.name, field.value);
    });
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "") + location.hash;
  }

  function changed() {
    var url = urlFromState();
    if (url !== location.pathname + location.search + location.hash) history.pushState(null, "", url);
    apply();
  }

  var timer = null;
  form.addEventListener("change", changed);
  form.elements.q.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(changed, 200); });
  form.addEventListener("submit", function (event) { event.preventDefault(); changed(); });
  form.addEventListener("reset", function () { setTimeout(function () { fields.forEach(function (f) { f.value = f.name === "sort" ? "title" : ""; }); changed(); }, 0); });
  window.addEventListener("popstate", function () { stateFromUrl(); apply(); });
  stateFromUrl();
  apply();
  window.metodbankenFilter = { apply: apply };  // the benchmark times apply() on a large bank
})();
