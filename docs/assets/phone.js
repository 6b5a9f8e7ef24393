// Metodbanken on a phone and across languages (issue 20):
// - a link to the same page in the other language (hreflang) keeps the reader's filters and place (?query and #hash);
//   without script the link still leads to that page, only without them;
// - the share action on method, case and step pages: the system's share sheet where the browser has one, else the
//   address copied, with a confirmation a screen reader announces.
(function () {
  "use strict";

  // The same page in another language: its path is ours with a language folder (/en/) added or taken away.
  function samePage(link) {
    var strip = function (path) { return path.replace(/\/en\//, "/"); };
    return link.origin === location.origin && link.pathname !== location.pathname &&
      strip(link.pathname) === strip(location.pathname) && /\/$/.test(link.pathname);
  }

  function keepPlace(link) {
    if (!samePage(link)) return;
    link.href = link.origin + link.pathname + location.search + location.hash;
  }

  function keepPlaceAll() {
    Array.prototype.forEach.call(document.querySelectorAll("a[hreflang]"), keepPlace);
  }

  // Filters change the address with history.replaceState, which fires no event: update on load, on every change of
  // the hash, and again the moment a link is about to be followed (pressed, focused or clicked).
  keepPlaceAll();
  window.addEventListener("hashchange", keepPlaceAll);
  window.addEventListener("popstate", keepPlaceAll);
  ["pointerdown", "focusin", "click", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var link = event.target.closest && event.target.closest("a[hreflang]");
      if (link) keepPlace(link);
    }, true);
  });

  // -- share --------------------------------------------------------------------------------------------------------

  Array.prototype.forEach.call(document.querySelectorAll("[data-mb-share]"), function (button) {
    var status = document.getElementById(button.getAttribute("aria-describedby") || "") ||
      button.parentNode.querySelector("[data-mb-share-status]");
    var say = function (text) {
      status.textContent = "";
      setTimeout(function () { status.textContent = text; }, 50);  // a new text, so it is announced again
    };
    var address = function () { return location.origin + location.pathname; };
    var copy = function () {
      var url = address();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(
          function () { say(button.dataset.labelCopied); },
          function () { say(button.dataset.labelCopyFailed + " " + url); });
      } else {
        say(button.dataset.labelCopyFailed + " " + url);
      }
    };
    button.hidden = false;
    button.addEventListener("click", function () {
      var title = document.querySelector("article h1");
      var data = { title: title ? title.textContent.trim() : document.title, url: address() };
      if (navigator.share && (!navigator.canShare || navigator.canShare(data))) {
        navigator.share(data).then(function () { say(button.dataset.labelShared); }, function (error) {
          if (!error || error.name !== "AbortError") copy();  // the reader closed the sheet: nothing to say
        });
      } else {
        copy();
      }
    });
  });
}());
