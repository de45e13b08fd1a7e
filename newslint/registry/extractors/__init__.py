"""Built-in fact extractors: one module per kind of fact, each exporting EXTRACTORS."""
