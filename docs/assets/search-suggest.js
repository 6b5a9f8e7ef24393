// "Menade du …?" / "Did you mean …?": the closest of the bank's own words (sok/ord.json, written by the build beside
// the search page of each language) for each word of a query the bank does not use. Pure functions, used by search.js.
(function () {
  "use strict";
  var lists = {};

  // The word list at url ({word: how often the bank uses it}), fetched once, from our own origin only.
  function words(url) {
    if (!lists[url]) {
      lists[url] = fetch(url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; });
    }
    return lists[url];
  }

  // Edit distance with transpositions (optimal string alignment), or max + 1 as soon as it must exceed max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var before = [], row = [], next;
    for (var j = 0; j <= b.length; j++) row[j] = j;
    for (var i = 1; i <= a.length; i++) {
      next = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        next[j] = d;
        if (d < best) best = d;
      }
      if (best > max) return max + 1;
      before = row;
      row = next;
    }
    return row[b.length];
  }

  // How far a word may be from the bank's word: one edit in short words, two in longer ones.
  function allowed(word) { return word.length <= 4 ? 0 : word.length <= 7 ? 1 : 2; }

  // The bank's word closest to word (fewest edits, then the most used), or null.
  function closest(word, table) {
    var max = allowed(word), found = null, foundDistance = max + 1, foundCount = 0;
    if (max === 0) return null;
    Object.keys(table).forEach(function (candidate) {
      var d = distance(word, candidate, max);
      if (d < foundDistance || (d === foundDistance && d <= max && table[candidate] > foundCount)) {
        found = candidate; foundDistance = d; foundCount = table[candidate];
      }
    });
    return foundDistance <= max ? found : null;
  }

  // The query with each word the bank does not use replaced by its closest word; null when nothing was replaced.
  function suggestion(query, table) {
    var changed = false;
    var out = query.toLowerCase().split(/\s+/).filter(Boolean).map(function (word) {
      if (Object.prototype.hasOwnProperty.call(table, word)) return word;
      var better = closest(word, table);
      if (better) { changed = true; return better; }
      return word;
    });
    return changed ? out.join(" ") : null;
  }

  window.MetodbankenSuggest = { words: words, distance: distance, suggestion: suggestion };
})();
