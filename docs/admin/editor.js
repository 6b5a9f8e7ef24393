// Metodbanken's own fixes to the form editor's page, run before the editor starts (a file: the page's policy allows
// no inline script). Nothing here depends on the editor's code; it watches the page the editor builds.
//
// - One viewport tag that lets readers zoom (WCAG 1.4.4): the editor adds a second one with maximum-scale=1.
// - Nothing in a draft's preview is placed over the editor: the preview shows editors' HTML, and a style attribute or
//   a popover in it could cover the whole editor with a link of the author's choosing (editor.css contains the
//   preview's positioning; this removes what the site would never publish anyway: style sheets, style attributes and
//   popovers, which would open above everything).
(() => {
  'use strict';
  const VIEWPORT = 'width=device-width, initial-scale=1, interactive-widget=resizes-content';
  const PREVIEW = '[role="document"]';
  const UNSAFE_ATTRIBUTES = ['style', 'popover', 'popovertarget', 'popovertargetaction'];
  // A <style> in a draft would style the whole page, the editor included (the page allows inline styles for the
  // editor's own): style sheets and page metadata from a draft are removed before anything is painted.
  const UNSAFE_ELEMENTS = 'style, link, meta, base';

  const ours = document.querySelector('meta[name="viewport"]');

  function keepOneViewport(node) {
    if (node.nodeType !== Node.ELEMENT_NODE || node.localName !== 'meta' || (node.name || '').toLowerCase() !== 'viewport') return;
    if (node !== ours) node.remove();
    else if (node.content !== VIEWPORT) node.content = VIEWPORT;
  }

  function cleanPreview(element) {
    if (element.nodeType !== Node.ELEMENT_NODE || !element.closest(PREVIEW)) return;
    if (element.matches(UNSAFE_ELEMENTS)) {
      element.remove();
      return;
    }
    element.querySelectorAll(UNSAFE_ELEMENTS).forEach((node) => node.remove());
    for (const node of [element, ...element.querySelectorAll('*')]) {
      if (node.matches(PREVIEW)) continue;
      for (const name of UNSAFE_ATTRIBUTES) if (node.hasAttribute(name)) node.removeAttribute(name);
    }
  }

  if (ours) ours.content = VIEWPORT;
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        keepOneViewport(record.target);
        cleanPreview(record.target);
      } else {
        for (const node of record.addedNodes) {
          keepOneViewport(node);
          cleanPreview(node);
        }
      }
    }
  }).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ['content', 'name', ...UNSAFE_ATTRIBUTES],
  });
  document.querySelectorAll('meta[name="viewport"]').forEach(keepOneViewport);
})();
