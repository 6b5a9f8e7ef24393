// Metodbanken methods index: facets with counts (OR within a facet, AND across facets), free text and sort,
// with the state in the URL query (shareable, Back works). Without JavaScript the whole list shows.
(function () {
  "use strict";
  var form = document.querySelector("[data-mb-filter]");
  var index = document.querySelector("[data-mb-index=method]");
  if (!form || !index) return;
  var LIST_KEY = "metodbanken:methods-list:" + document.documentElement.lang;
  var finder = document.querySelector("[data-mb-finder]");
  var cards = Array.prototype.slice.call(index.querySelectorAll("[data-mb-entry]"));
  var countEl = document.querySelector("[data-mb-count]");
  var toggle = document.querySelector("[data-mb-filter-toggle]");
  var chips = document.querySelector("[data-mb-chips]");
  var empty = document.querySelector("[data-mb-empty]");
  var waysOut = document.querySelector("[data-mb-ways-out]");
  var facets = Array.prototype.slice.call(form.querySelectorAll("[data-mb-facet]")).map(function (fieldset) {
    var boxes = Array.prototype.slice.call(fieldset.querySelectorAll("input[type=checkbox]"));
    return {
      name: fieldset.dataset.mbFacet,
      label: fieldset.querySelector("legend").textContent,
      boxes: boxes,
      counts: boxes.map(function (box) { return box.parentNode.querySelector("[data-mb-facet-count]"); }),
      shown: boxes.map(function (box) { return box.parentNode.querySelector("[data-mb-facet-count]").textContent; }),
      position: boxes.reduce(function (map, box, i) { map[box.value] = i; return map; }, {})
    };
  });
  // Each card's values as positions in its facet's checkbox list: counting is then array arithmetic only.
  var cardValues = cards.map(function (card) {
    return facets.map(function (facet) {
      return (card.getAttribute("data-" + facet.name) || "").split(" ").filter(function (v) { return v in facet.position; })
        .map(function (v) { return facet.position[v]; });
    });
  });
  var texts = cards.map(function (card) {
    var control = card.querySelector("[data-mb-compare-choose]");  // "Jämför: <title>" is not the method's text
    return card.textContent.replace(control ? control.textContent : "", " ").toLowerCase();
  });
  // The free text finds what site search finds: the methods among its hits (Pagefind, with the synonyms) count as
  // matching too, beside those whose card holds every word. siteHits: card positions hit by siteQuery.
  var cardPaths = cards.map(function (card) {
    var a = card.querySelector("h2 a");
    return a ? new URL(a.getAttribute("href"), location.href).pathname : "";
  });
  var siteQuery = "", siteHits = null, siteTicket = 0;
  var byTitle = cards.slice().sort(function (a, b) { return a.dataset.title.localeCompare(b.dataset.title, document.documentElement.lang); });
  var byReviewed = cards.slice().sort(function (a, b) { return b.dataset.reviewed.localeCompare(a.dataset.reviewed); });
  var currentOrder = null;  // sorted once on load (the server sorts by Swedish title), then only when the sort changes
  form.hidden = false;
  toggle.hidden = false;

  function stateFromUrl() {
    var params = new URLSearchParams(location.search);
    facets.forEach(function (facet) {
      var wanted = params.getAll(facet.name);
      facet.boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) !== -1; });
    });
    form.elements.q.value = params.get("q") || "";
    form.elements.sort.value = params.get("sort") === "reviewed" ? "reviewed" : "title";
  }

  function methodsText(n) {
    return (n === 1 ? waysOut.dataset.labelOne : waysOut.dataset.labelOther).replace("{n}", n);
  }

  function apply() {
    var chosen = facets.map(function (facet) {
      var set = facet.boxes.map(function (box) { return box.checked; });
      return set.indexOf(true) === -1 ? null : set;
    });
    var words = form.elements.q.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    searchSite(form.elements.q.value.trim());
    // counts[f][v]: methods with value v that pass every choice except those in facet f (what ticking v would add)
    var counts = facets.map(function (facet) { return facet.boxes.map(function () { return 0; }); });
    var without = facets.map(function () { return 0; });  // methods that fail only facet f: shown if f's choices go
    var withoutText = 0, shown = 0;
    for (var i = 0; i < cards.length; i++) {
      var values = cardValues[i], failed = -1, fails = 0;
      for (var f = 0; f < facets.length && fails < 2; f++) {
        if (!chosen[f]) continue;
        var hit = false;
        for (var k = 0; k < values[f].length; k++) { if (chosen[f][values[f][k]]) { hit = true; break; } }
        if (!hit) { fails++; failed = f; }
      }
      var textOk = true;
      for (var w = 0; w < words.length; w++) { if (texts[i].indexOf(words[w]) === -1) { textOk = false; break; } }
      if (!textOk && siteHits && siteHits[i]) textOk = true;
      var ok = fails === 0 && textOk;
      if (ok) {
        shown++;
        for (f = 0; f < facets.length; f++) { for (k = 0; k < values[f].length; k++) counts[f][values[f][k]]++; }
      } else if (fails === 1 && textOk) {
        without[failed]++;
        for (k = 0; k < values[failed].length; k++) counts[failed][values[failed][k]]++;
      } else if (fails === 0) {
        withoutText++;
      }
      if (cards[i].hidden === ok) cards[i].hidden = !ok;  // touch only the cards that change
    }
    var active = 0;
    facets.forEach(function (facet, f) {
      facet.boxes.forEach(function (box, v) {
        var text = "(" + counts[f][v] + ")";
        if (facet.shown[v] !== text) { facet.counts[v].textContent = text; facet.shown[v] = text; }
        var off = counts[f][v] === 0 && !box.checked;
        if (box.disabled !== off) box.disabled = off;
        if (box.checked) active++;
      });
    });
    if (words.length) active++;
    var order = form.elements.sort.value === "reviewed" ? byReviewed : byTitle;
    if (order !== currentOrder) {  // moving a thousand cards costs more than filtering them: only when the sort changes
      var fragment = document.createDocumentFragment();
      order.forEach(function (card) { fragment.appendChild(card); });
      index.appendChild(fragment);
      currentOrder = order;
    }
    countEl.textContent = form.dataset.labelCount.replace("{shown}", shown).replace("{total}", cards.length);
    toggle.textContent = active ? form.dataset.labelToggle.replace("{n}", active) : form.dataset.labelToggleNone;
    renderChips(words.length ? form.elements.q.value.trim() : "");
    renderWaysOut(shown, chosen, without, words.length ? withoutText : -1);
  }

  // Ask the site search (search.js, loaded on first use) for the methods it finds; apply again when they arrive.
  function searchSite(query) {
    if (query === siteQuery) return;
    siteQuery = query;
    siteHits = null;
    var ticket = ++siteTicket;
    var search = window.metodbankenSearch;
    if (!search || query.length < 2) return;
    var filters = {};
    filters[form.dataset.searchType] = { any: [form.dataset.searchMethod] };
    search.search(query, filters).then(function (found) {
      return Promise.all(found.results.map(function (r) { return r.data(); }));
    }).then(function (items) {
      if (ticket !== siteTicket) return;
      var paths = {};
      items.forEach(function (item) { paths[new URL(item.url, location.href).pathname] = true; });
      siteHits = cardPaths.map(function (path) { return !!paths[path]; });
      apply();
    }).catch(function () { /* no search index (mkdocs serve, offline): the cards' own text only */ });
  }

  function chip(text, onRemove) {
    var li = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "mb-chip";
    button.textContent = text;
    button.setAttribute("aria-label", chips.dataset.labelRemove.replace("{label}", text));
    button.addEventListener("click", function () { onRemove(); changed(); });
    li.appendChild(button);
    return li;
  }

  function renderChips(query) {
    var items = [];
    facets.forEach(function (facet) {
      facet.boxes.forEach(function (box) {
        if (!box.checked) return;
        var label = box.parentNode.querySelector("label").firstChild.textContent.trim();
        items.push(chip(facet.label + ": " + label, function () { box.checked = false; }));
      });
    });
    if (query) items.push(chip(waysOut.dataset.labelText + ": " + query, function () { form.elements.q.value = ""; }));
    chips.textContent = "";
    items.forEach(function (li) { chips.appendChild(li); });
  }

  // When nothing matches: the nearest ways out, each removing one facet's choices (or the free text).
  function renderWaysOut(shown, chosen, without, withoutText) {
    waysOut.textContent = "";
    empty.hidden = shown !== 0;
    if (shown !== 0) return;
    var ways = [];
    facets.forEach(function (facet, f) {
      if (chosen[f] && without[f]) ways.push({ label: facet.label, n: without[f], clear: function () { facet.boxes.forEach(function (b) { b.checked = false; }); } });
    });
    if (withoutText > 0) ways.push({ label: waysOut.dataset.labelText, n: withoutText, clear: function () { form.elements.q.value = ""; } });
    ways.sort(function (a, b) { return b.n - a.n; });
    ways.forEach(function (way) {
      var li = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "mb-way-out";
      button.textContent = waysOut.dataset.labelWay.replace("{facet}", way.label).replace("{count}", methodsText(way.n));
      button.addEventListener("click", function () { way.clear(); changed(); });
      li.appendChild(button);
      waysOut.appendChild(li);
    });
  }

  function urlFromState() {
    var params = new URLSearchParams();
    if (form.elements.q.value.trim()) params.set("q", form.elements.q.value.trim());
    facets.forEach(function (facet) {
      facet.boxes.forEach(function (box) { if (box.checked) params.append(facet.name, box.value); });
    });
    if (form.elements.sort.value === "reviewed") params.set("sort", "reviewed");
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "") + location.hash;
  }

  function remember() {
    try { sessionStorage.setItem(LIST_KEY, location.pathname + location.search); } catch (e) { /* private mode: no way back */ }
  }

  function changed() {
    var url = urlFromState();
    if (url !== location.pathname + location.search + location.hash) history.replaceState(null, "", url);  // a filter change is not a new place: one Back leaves the list
    apply();
    remember();
  }

  function setOpen(open) {
    finder.classList.toggle("mb-finder--open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }

  var timer = null;
  form.addEventListener("change", function (event) { if (event.target.name !== "q") changed(); });
  form.elements.q.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(changed, 200); });
  form.addEventListener("submit", function (event) { event.preventDefault(); changed(); });
  form.addEventListener("reset", function () { setTimeout(function () { form.elements.sort.value = "title"; changed(); }, 0); });
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    setOpen(open);
    if (open) form.querySelector("input, select").focus();
  });
  form.querySelector("[data-mb-filter-done]").addEventListener("click", function () {
    setOpen(false);
    toggle.focus();
  });
  window.addEventListener("popstate", function () { stateFromUrl(); apply(); remember(); });
  stateFromUrl();
  apply();
  remember();
  window.metodbankenFilter = { apply: apply };  // the benchmark times apply() on a large bank
})();

// On a method page: "Back to the list" returns to the methods list as the reader last left it (its filters kept).
(function () {
  "use strict";
  var back = document.querySelector("[data-mb-back-to-list]");
  if (!back) return;
  var stored = null;
  try { stored = sessionStorage.getItem("metodbanken:methods-list:" + document.documentElement.lang); } catch (e) { /* no storage */ }
  var list = new URL(back.getAttribute("href"), location.href);
  if (stored && stored.indexOf(list.pathname) === 0 && stored.length > list.pathname.length) {
    back.href = stored;
    back.textContent = back.dataset.labelFiltered;
  }
})();
