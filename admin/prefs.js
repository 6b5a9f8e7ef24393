// Swedish first: the interface is Swedish unless the editor chose another language in its settings.
// A module of its own, imported before Sveltia CMS, so the preference is in place when the CMS reads it.
const PREFS_KEY = 'sveltia-cms.prefs';

try {
  const prefs = JSON.parse(localStorage.getItem(PREFS_KEY) || '{}') || {};
  if (!prefs.locale || prefs.locale === 'auto') {
    localStorage.setItem(PREFS_KEY, JSON.stringify({ ...prefs, locale: 'sv' }));
  }
} catch {
  // localStorage may be blocked; the interface then follows the browser's language
}
