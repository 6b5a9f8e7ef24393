"""Documents: the office and PDF files made from materials and checklists: one neutral model, one writer per
format."""
