"""Output formats: one module each, discovered like the other built-ins."""
