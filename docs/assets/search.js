// Metodbanken search: Pagefind, loaded on the reader's first search only (nothing is fetched before).
(function () {
  "use strict";
  var box = document.querySelector("[data-mb-search]");
  if (!box) return;
  var input = box.querySelector("input");
  var results = box.querySelector(".mb-search__results");
  var status = box.querySelector("[role=status]");
  var pagefind = null;
  var latest = 0;

  function load() {
    if (!pagefind) {
      var bundle = new URL(box.dataset.bundle, document.baseURI || location.href).href;
      pagefind = import(bundle + "pagefind.js").then(function (module) {
        return module.options({ baseUrl: new URL(bundle + "../").pathname }).then(function () { return module; });
      });
    }
    return pagefind;
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
    items.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.meta.title || item.url;
      li.appendChild(link);
      var excerpt = document.createElement("p");
      excerpt.className = "mb-search__excerpt";
      excerpt.textContent = (item.excerpt || "").replace(/<\/?mark>/g, "");
      li.appendChild(excerpt);
      list.appendChild(li);
    });
    var summary = document.createElement("p");
    summary.className = "mb-search__count";
    summary.textContent = count(total);
    results.appendChild(summary);
    results.appendChild(list);
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
    load().then(function (module) { return module.debouncedSearch(query, {}, 150); }).then(function (found) {
      if (!found || ticket !== latest) return null;
      return Promise.all(found.results.slice(0, 8).map(function (r) { return r.data(); })).then(function (items) {
        if (ticket === latest) render(items, found.results.length);
      });
    });
  }

  input.addEventListener("input", search);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; search(); }
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
})();
