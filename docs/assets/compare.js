// Metodbanken compare: choose two to four methods (on the methods list and on method pages) and see them side by side
// on /jamfor/ (?m=<id>&m=<id>). The choice is kept in this browser (localStorage) and in the compare page's address,
// which the page reads first, so a shared link shows what its sender saw. The facts come from jamfor/metoder.json on
// our own origin; every text goes into the page as text, never as HTML.
(function () {
  "use strict";
  var KEY = "metodbanken:compare";
  var ID = /^[a-z0-9][a-z0-9-]*$/;
  var page = document.querySelector("[data-mb-compare]");
  var controls = Array.prototype.slice.call(document.querySelectorAll("[data-mb-compare-choose]"));
  var MAX = Number((page || controls[0] || {dataset: {}}).dataset.max) || 4;  // the build's COMPARE_MAX
  var links = Array.prototype.slice.call(document.querySelectorAll("[data-mb-compare-link]"));
  if (!page && !controls.length && !links.length) return;

  function clean(ids) {
    var seen = {};
    return ids.filter(function (id) {
      if (typeof id !== "string" || !ID.test(id) || seen[id]) return false;
      seen[id] = true;
      return true;
    });
  }

  function stored() {
    try {
      var value = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(value) ? clean(value).slice(0, MAX) : [];
    } catch (e) {
      return [];  // unreadable or no storage: nothing chosen
    }
  }

  function store(ids) {
    try { localStorage.setItem(KEY, JSON.stringify(ids)); } catch (e) { /* private mode: the address still carries them */ }
  }

  function query(ids) {
    return ids.map(function (id) { return "m=" + encodeURIComponent(id); }).join("&");
  }

  // -- the choose boxes and the "Jämför (N)" links -------------------------------------------------------------
  function refresh(ids) {
    controls.forEach(function (control) {
      var box = control.querySelector("input");
      box.checked = ids.indexOf(control.dataset.mbCompareChoose) !== -1;
    });
    links.forEach(function (link) {
      var base = link.getAttribute("href").split("?")[0];
      link.setAttribute("href", ids.length ? base + "?" + query(ids) : base);
      link.textContent = link.dataset.label.replace("{n}", ids.length);
    });
  }

  controls.forEach(function (control) {
    var box = control.querySelector("input");
    var note = control.querySelector("[role=status]");
    var id = control.dataset.mbCompareChoose;
    control.hidden = false;
    if (control.parentNode.hasAttribute("data-mb-compare-bar")) control.parentNode.hidden = false;
    box.addEventListener("change", function () {
      var ids = stored();
      controls.forEach(function (c) { c.querySelector("[role=status]").textContent = ""; });
      if (box.checked && ids.indexOf(id) === -1) {
        if (ids.length >= MAX) {
          box.checked = false;
          note.textContent = control.dataset.labelMax.replace("{max}", MAX);
          return;
        }
        ids.push(id);
      } else if (!box.checked) {
        ids = ids.filter(function (other) { return other !== id; });
      }
      store(ids);
      refresh(ids);
    });
  });
  links.forEach(function (link) {
    link.hidden = false;
    if (link.parentNode.hasAttribute("data-mb-compare-bar")) link.parentNode.hidden = false;
  });
  window.addEventListener("storage", function (event) { if (event.key === KEY) refresh(stored()); });
  window.addEventListener("pageshow", function () { refresh(stored()); });  // back to a page kept in memory
  refresh(stored());

  // -- the compare page -----------------------------------------------------------------------------------------
  if (!page) return;
  var labels = page.dataset;
  var status = page.querySelector("[data-mb-compare-status]");
  var empty = page.querySelector("[data-mb-compare-empty]");
  var emptyText = page.querySelector("[data-mb-compare-empty-text]");
  var grid = page.querySelector("[data-mb-compare-grid]");
  var facts = Array.prototype.slice.call(page.querySelectorAll("[data-mb-compare-facts] [data-fact]")).map(function (li) {
    return { key: li.dataset.fact, label: li.textContent };
  });
  var methods = null;  // id -> record, once loaded
  var meanings = {};  // rating -> value -> what it means

  function fromAddress() {
    var params = new URLSearchParams(location.search);
    return params.has("m") ? clean(params.getAll("m")) : null;
  }

  function setAddress(ids, push) {
    var url = location.pathname + (ids.length ? "?" + query(ids) : "") + location.hash;
    if (url === location.pathname + location.search + location.hash) return;
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function inLanguage(node, record, field) {
    if (record.sv.indexOf(field) !== -1) node.lang = "sv";
    return node;
  }

  function notStated() { return el("em", "", labels.labelNotStated); }

  function safeUrl(url) { return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null; }

  // One fact's value, as the method page shows it.
  function value(record, key) {
    var dd = el("dd");
    if (key === "evidence_strength" || key === "evidence_result") {
      var rating = record[key];
      dd.appendChild(el("strong", "", rating.label + "."));
      var meaning = meanings[key] && meanings[key][String(rating.value)];
      if (meaning) dd.appendChild(document.createTextNode(" " + meaning));
    } else if (key === "measured") {
      var m = record.measured;
      if (m) {
        dd.appendChild(el("strong", "", labels.labelMeasured));
        dd.appendChild(document.createTextNode(" (" + m.design + "): " + m.outcomes + ". "));
        dd.appendChild(el("strong", "", labels.labelPopulation + ":"));
        dd.appendChild(document.createTextNode(" "));
        dd.appendChild(inLanguage(el("span", "", m.population), record, "population"));
        dd.appendChild(document.createTextNode(" "));
        var all = el("a", "", m.evaluations === 1 ? labels.labelSeeOne : labels.labelSeeAll.replace("{n}", m.evaluations));
        all.href = record.url + "#utvarderingar";
        dd.appendChild(all);
      } else if (record.searched) {
        dd.appendChild(el("strong", "", labels.labelNoEvaluations));
        if (record.searched.text) {
          dd.appendChild(document.createTextNode(" "));
          dd.appendChild(inLanguage(el("span", "", record.searched.text), record, "searched"));
        }
        dd.appendChild(document.createTextNode(" (" + labels.labelSearchedOn + " "));
        var time = el("time", "", record.searched.on);
        time.dateTime = record.searched.on;
        dd.appendChild(time);
        dd.appendChild(document.createTextNode(")"));
      } else {
        dd.appendChild(notStated());
      }
    } else if (key === "cost") {
      var c = record.cost;
      if (!c) { dd.appendChild(notStated()); return dd; }
      dd.appendChild(document.createTextNode(c.kind));
      if (c.amount) {
        dd.appendChild(document.createTextNode(": "));
        dd.appendChild(inLanguage(el("span", "", c.amount), record, "cost_amount"));
      }
      if (c.year) dd.appendChild(document.createTextNode(" (" + c.year + ")"));
    } else if (key === "owner") {
      var url = safeUrl(record.owner_url);
      if (!record.owner && !url) { dd.appendChild(notStated()); return dd; }
      if (record.owner) dd.appendChild(document.createTextNode(record.owner));
      if (url) {
        if (record.owner) dd.appendChild(document.createTextNode(" "));
        var contact = el("a", "", labels.labelContact);
        contact.href = url;
        contact.setAttribute("data-print-href", url);  // on paper the address shows after the link (print.css)
        dd.appendChild(contact);
      }
    } else if (record[key]) {
      inLanguage(dd, record, key).textContent = record[key];
    } else {
      dd.appendChild(notStated());
    }
    return dd;
  }

  function block(record, ids) {
    var article = el("article", "mb-compare__method");
    article.dataset.mbCompared = record.id;
    var heading = el("h2", "mb-compare__title");
    heading.id = "mb-cmp-h-" + record.id;
    article.setAttribute("aria-labelledby", heading.id);
    var link = inLanguage(el("a", "", record.title), record, "title");
    link.href = record.url;
    heading.appendChild(link);
    article.appendChild(heading);
    var list = el("dl", "mb-compare__facts-list");
    facts.forEach(function (fact) {
      var row = el("div", "mb-compare__fact");
      row.dataset.fact = fact.key;
      row.appendChild(el("dt", "", fact.label));
      row.appendChild(value(record, fact.key));
      list.appendChild(row);
    });
    article.appendChild(list);
    var actions = el("p", "mb-compare__actions");
    var remove = el("button", "md-button mb-compare__remove", labels.labelRemove);
    remove.type = "button";
    remove.setAttribute("aria-label", labels.labelRemoveName.replace("{title}", record.title));
    remove.addEventListener("click", function () { removeMethod(record.id, ids); });
    actions.appendChild(remove);
    article.appendChild(actions);
    return article;
  }

  function render(ids, note) {
    var known = ids.filter(function (id) { return methods[id]; });
    var unknown = ids.filter(function (id) { return !methods[id]; });
    grid.textContent = "";
    grid.className = "mb-compare__grid mb-compare__grid--" + known.length;
    known.forEach(function (id) { grid.appendChild(block(methods[id], known)); });
    empty.hidden = known.length > 1;
    emptyText.textContent = known.length === 0 ? labels.labelNone : labels.labelOne;
    var messages = [];
    if (note) messages.push(note);
    if (known.length > 1) messages.push(labels.labelShown.replace("{n}", known.length));
    if (unknown.length) messages.push(labels.labelUnknown.replace("{ids}", unknown.join(", ")));
    status.textContent = messages.join(" ");
    return known;
  }

  function removeMethod(id, ids) {
    var title = methods[id].title;
    var rest = ids.filter(function (other) { return other !== id; });
    var at = ids.indexOf(id);
    store(rest);
    refresh(rest);
    setAddress(rest, true);
    render(rest, labels.labelRemoved.replace("{title}", title));
    // focus stays in the comparison: on the next method's title, else the previous one, else the way back to the list
    var next = grid.querySelectorAll(".mb-compare__title a")[Math.min(at, rest.length - 1)];
    (next || empty.querySelector("a")).focus();
  }

  function show() {
    var wanted = fromAddress();
    var note = "";
    if (wanted === null) {
      wanted = stored();
      setAddress(wanted, false);  // the address carries the choice: reloading or sharing it shows the same
    } else {
      if (wanted.length > MAX) {
        note = labels.labelMax.replace("{max}", MAX);
        wanted = wanted.slice(0, MAX);
        setAddress(wanted, false);
      }
      store(wanted.filter(function (id) { return methods[id]; }));
    }
    var known = render(wanted, note);
    refresh(known);
  }

  fetch(new URL(page.dataset.src, location.href).href)
    .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
    .then(function (data) {
      methods = {};
      meanings = data.meanings || {};
      data.methods.forEach(function (record) { methods[record.id] = record; });
      show();
      window.addEventListener("popstate", show);
    })
    .catch(function () { status.textContent = labels.labelFailed; });
})();
