"""Content: the schema (one definition per field), the model, reading files with their lines, checking values and
files, the evidence rule, and loading the whole bank."""
