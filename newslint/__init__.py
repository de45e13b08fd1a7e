"""newslint: lint news drafts against their sources and house style."""

__version__ = "0.1.0"
