"""Words: the catalogue of every message in Swedish and English, the one error type for content, the languages."""
