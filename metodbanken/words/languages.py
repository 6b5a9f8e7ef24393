"""The bank's languages: Swedish first (the default, at the site's root), English second (under /en/)."""

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
