/* A redirect page's move to the new address, keeping the fragment (a checklist question's anchor): a meta refresh
   alone drops it. The target is the page's <meta name="metodbanken-redirect">; the policy allows no inline script. */
(function () {
  var meta = document.querySelector('meta[name="metodbanken-redirect"]');
  if (meta) location.replace(meta.getAttribute("content") + location.hash);
})();
