"""Editors: what the bank generates for the people who write it: JSON Schemas, the form editor's configuration, the
field tables in CONTRIBUTING, `new` and `status`."""
