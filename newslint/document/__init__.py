"""Document model: drafts and sources parsed into prose with exact source offsets."""
from newslint.document.model import Block, Document, Quote, Sentence
from newslint.document.parse import parse_document

__all__ = ["Block", "Document", "Quote", "Sentence", "parse_document"]
