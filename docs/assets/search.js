// Metodbanken search: Pagefind, loaded on the reader's first search only (nothing is fetched before).
// The header box shows the first results as you type; Enter opens the search page (/sok/?q=) with every result.
(function () {
  "use strict";
  var box = document.querySelector("[data-mb-search]");
  if (!box) return;
  var input = box.querySelector("input");
  var results = box.querySelector(".mb-search__results");
  var status = box.querySelector("[role=status]");
  var searchPage = new URL(box.dataset.searchPage, location.href);
  var pagefind = null, synonyms = null;
  var latest = 0;

  function load() {
    if (!pagefind) {
      var bundle = new URL(box.dataset.bundle, document.baseURI || location.href).href;
      pagefind = import(bundle + "pagefind.js").then(function (module) {
        // pageLength 0.3 (Pagefind's default 0.75): a method's page is long, and its length should not put it below a
        // short case that names it (measured with benchmarks/search_ranks.py)
        var options = { baseUrl: new URL(bundle + "../").pathname, ranking: { pageLength: 0.3 } };
        return module.options(options).then(function () {
          // the search page's filter counts come with results only once the filter index is loaded
          return document.querySelector("[data-mb-search-page]") ? module.filters() : null;
        }).then(function () { return module; });
      });
    }
    return pagefind;
  }

  // Words staff use that the bank does not (synonyms.yml): {word: [the bank's words]}, fetched with the first search.
  function loadSynonyms() {
    if (!synonyms) {
      synonyms = fetch(new URL("synonymer.json", searchPage).href).then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; });
    }
    return synonyms;
  }

  // The query and, for each word with synonyms, the query with that word replaced: searched separately, merged.
  function variants(query, table) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    var out = [query], also = [];
    Object.keys(table).forEach(function (word) {
      var at = (" " + words.join(" ") + " ").indexOf(" " + word + " ");
      if (at === -1) return;
      table[word].forEach(function (other) {
        out.push((" " + words.join(" ") + " ").replace(" " + word + " ", " " + other + " ").trim());
        also.push(other);
      });
    });
    return { queries: out, also: also };
  }

  // Every result of the query and its synonym variants, best first, each page once.
  function searchAll(query, filters) {
    return Promise.all([load(), loadSynonyms()]).then(function (loaded) {
      var module = loaded[0], v = variants(query, loaded[1]);
      return Promise.all(v.queries.map(function (q) { return module.search(q, { filters: filters || {} }); })).then(function (founds) {
        var byId = {}, merged = [];
        founds.forEach(function (found) {
          if (!found) return;
          found.results.forEach(function (r) {
            if (!byId[r.id]) { byId[r.id] = r; merged.push(r); } else if (r.score > byId[r.id].score) { byId[r.id].score = r.score; }
          });
        });
        merged.sort(function (a, b) { return b.score - a.score; });
        return { results: merged, also: v.also, totalFilters: founds[0] ? founds[0].totalFilters : {} };
      });
    });
  }

  // Pagefind's excerpt is HTML with <mark> around matches: keep the text and the marks only, nothing else.
  function excerptInto(element, html) {
    var doc = new DOMParser().parseFromString("<p>" + (html || "") + "</p>", "text/html");
    Array.prototype.forEach.call(doc.body.firstChild.childNodes, function (node) {
      if (node.nodeType === 1 && node.tagName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        element.appendChild(mark);
      } else {
        element.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function resultItem(item, typeKey) {
    var li = document.createElement("li");
    var type = item.filters && item.filters[typeKey] && item.filters[typeKey][0];
    if (type) {
      var label = document.createElement("span");
      label.className = "mb-result-type";
      label.textContent = type;
      li.appendChild(label);
    }
    var link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.meta.title || item.url;
    li.appendChild(link);
    var excerpt = document.createElement("p");
    excerpt.className = "mb-search__excerpt";
    excerptInto(excerpt, item.excerpt);
    li.appendChild(excerpt);
    return li;
  }

  // "Did you mean …?" (search-suggest.js): when a word of the query is not the bank's, or little is found, the query
  // with the bank's closest words, offered with its number of results when it finds more. into: where it goes.
  function offerSuggestion(query, found, into, labels, choose, isCurrent) {
    var suggest = window.MetodbankenSuggest;
    into.textContent = "";
    into.hidden = true;
    if (!suggest) return;
    suggest.words(new URL("ord.json", searchPage).href).then(function (table) {
      var better = suggest.suggestion(query, table);
      if (!better || better === query.toLowerCase() || !isCurrent()) return null;
      return searchAll(better).then(function (result) {
        var n = result.results.length;
        if (!isCurrent() || n <= found) return;
        var parts = (n === 1 ? labels.one : labels.other).replace("{n}", n).split("{q}");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "mb-search-suggest__query";
        button.textContent = better;
        button.addEventListener("click", function () { choose(better); });
        into.appendChild(document.createTextNode(parts[0]));
        into.appendChild(button);
        into.appendChild(document.createTextNode(parts.slice(1).join(better)));
        into.hidden = false;
      });
    });
  }

  function count(n) {
    if (n === 0) return box.dataset.labelNone;
    if (n === 1) return box.dataset.labelOne;
    return box.dataset.labelOther.replace("#", n);
  }

  function render(items, total) {
    results.textContent = "";
    var list = document.createElement("ul");
    list.className = "mb-search__list";
    items.forEach(function (item) { list.appendChild(resultItem(item, box.dataset.filterType)); });
    var summary = document.createElement("p");
    summary.className = "mb-search__count";
    summary.textContent = count(total);
    results.appendChild(summary);
    results.appendChild(list);
    if (total > items.length) {
      var all = document.createElement("a");
      all.className = "mb-search__all";
      all.href = searchPage.pathname + "?q=" + encodeURIComponent(input.value.trim());
      all.textContent = box.dataset.labelAll.replace("#", total);
      results.appendChild(all);
    }
    var suggestion = document.createElement("p");
    suggestion.className = "mb-search-suggest";
    results.insertBefore(suggestion, list);
    var ticket = latest, query = input.value.trim();
    offerSuggestion(query, total, suggestion, { one: box.dataset.labelSuggestOne, other: box.dataset.labelSuggest },
      function (better) { input.value = better; input.focus(); search(); },
      function () { return ticket === latest && input.value.trim() === query; });
    results.hidden = false;
    status.textContent = count(total);
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (query.length < 2) {
      results.hidden = true;
      status.textContent = query ? box.dataset.labelPlaceholder : "";
      return;
    }
    setTimeout(function () {
      if (ticket !== latest) return;
      searchAll(query).then(function (found) {
        if (ticket !== latest) return null;
        return Promise.all(found.results.slice(0, 8).map(function (r) { return r.data(); })).then(function (items) {
          if (ticket === latest) render(items, found.results.length);
        });
      });
    }, 150);
  }

  input.addEventListener("input", search);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; search(); }
    if (event.key === "Enter" && input.value.trim()) {
      event.preventDefault();
      location.href = searchPage.pathname + "?q=" + encodeURIComponent(input.value.trim());
    }
  });
  document.addEventListener("click", function (event) {
    if (!box.contains(event.target)) results.hidden = true;
  });
  // The keyboard shortcuts of Material sites: / , s or f focus the search field.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      input.focus();
    }
  });

  // The methods list's free text searches what this search searches (methods-filter.js).
  window.metodbankenSearch = { search: searchAll };

  // -- the search page (/sok/?q=): every result, paged, with filters by type and step --------------------------
  var form = document.querySelector("[data-mb-search-page]");
  if (!form) return;
  var PAGE = 20;
  var field = form.elements.q;
  var pageStatus = document.querySelector("[data-mb-search-page-status]");
  var list = document.querySelector("[data-mb-search-page-list]");
  var more = document.querySelector("[data-mb-search-page-more]");
  var pageSuggestion = document.querySelector("[data-mb-search-page-suggest]");
  var facets = Array.prototype.slice.call(form.querySelectorAll("[data-mb-search-facet]")).map(function (fieldset) {
    return { key: fieldset.dataset.mbSearchFacet, boxes: Array.prototype.slice.call(fieldset.querySelectorAll("input")) };
  });
  var shown = [], pageTicket = 0;
  pageStatus.textContent = "";

  function fromUrl() {
    var params = new URLSearchParams(location.search);
    field.value = params.get("q") || "";
    facets.forEach(function (facet) {
      var wanted = params.getAll(facet.boxes[0].name);
      facet.boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) !== -1; });
    });
  }

  function toUrl() {
    var params = new URLSearchParams();
    if (field.value.trim()) params.set("q", field.value.trim());
    facets.forEach(function (facet) { facet.boxes.forEach(function (b) { if (b.checked) params.append(b.name, b.value); }); });
    var url = location.pathname + (params.toString() ? "?" + params.toString() : "");
    if (url !== location.pathname + location.search) history.pushState(null, "", url);
  }

  function filters() {
    var chosen = {};
    facets.forEach(function (facet) {
      var values = facet.boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      if (values.length) chosen[facet.key] = { any: values };
    });
    return chosen;
  }

  function label(template, n, q) { return template.replace("{n}", n).replace("{q}", q); }

  function showMore() {
    var ticket = pageTicket, start = list.children.length;
    var next = shown.slice(start, start + PAGE);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (items) {
      if (ticket !== pageTicket) return;
      items.forEach(function (item) { list.appendChild(resultItem(item, form.dataset.filterType)); });
      var left = shown.length - list.children.length;
      more.hidden = left <= 0;
      more.textContent = label(form.dataset.labelMore, left, "");
      if (start > 0 && list.children[start]) list.children[start].querySelector("a").focus();
    });
  }

  function runPage() {
    var query = field.value.trim();
    var ticket = ++pageTicket;
    list.textContent = "";
    more.hidden = true;
    pageSuggestion.textContent = "";
    pageSuggestion.hidden = true;
    if (query.length < 2) { pageStatus.textContent = query ? form.dataset.labelShort : ""; return; }
    searchAll(query, filters()).then(function (found) {
      if (ticket !== pageTicket) return;
      shown = found.results;
      var n = shown.length;
      var text = n === 0 ? label(form.dataset.labelNone, n, query) : label(n === 1 ? form.dataset.labelCountOne : form.dataset.labelCount, n, query);
      if (found.also.length) text += ". " + form.dataset.labelAlso + ": " + found.also.join(", ");
      pageStatus.textContent = text;
      offerSuggestion(query, n, pageSuggestion, { one: form.dataset.labelSuggestOne, other: form.dataset.labelSuggest },
        function (better) { field.value = better; input.value = better; toUrl(); runPage(); field.focus(); },
        function () { return ticket === pageTicket; });
      facets.forEach(function (facet) {
        var counts = (found.totalFilters || {})[facet.key] || {};
        facet.boxes.forEach(function (b) { b.parentNode.querySelector("[data-mb-facet-count]").textContent = "(" + (counts[b.value] || 0) + ")"; });
      });
      return showMore();
    });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); toUrl(); runPage(); });
  form.addEventListener("change", function (event) { if (event.target.type === "checkbox") { toUrl(); runPage(); } });
  more.addEventListener("click", showMore);
  window.addEventListener("popstate", function () { fromUrl(); runPage(); });
  fromUrl();
  input.value = field.value;
  runPage();
})();
