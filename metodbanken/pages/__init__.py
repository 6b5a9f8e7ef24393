"""Pages: addresses and redirects, rendering items to Markdown pages, writing them, open data, the search index, and
the check of every built page (the seal) and of the built site's counts."""
