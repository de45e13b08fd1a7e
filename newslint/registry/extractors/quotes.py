"""Direct quotes in the sources, each with its speaker (see newslint.registry.speakers).

Runs after the people extractor (order 10) so that speakers resolve to canonical people; with
no people known it keeps the speaker's name as written. It also keeps each source's text for
the quote check, which searches the sources' prose as well as their quotes. The answers of an
interview transcript (newslint.registry.interviews) are its interviewee's quotations."""
from __future__ import annotations

from dataclasses import dataclass

from newslint.document.model import Document
from newslint.registry.extractors import line_provenance
from newslint.registry.interviews import answers, speaker_turns
from newslint.registry.model import SOURCE_TEXT, QuoteFact, Registry
from newslint.registry.parallel import map_documents
from newslint.registry.speakers import KnownPeople, attribute


@dataclass(frozen=True, eq=False)
class QuoteExtractor:
    name: str = "quotes"
    order: int = 20

    def extract(self, documents: list[Document], registry: Registry) -> None:
        texts = registry.extra.setdefault(SOURCE_TEXT, {})
        # The people are known by now (order 10) and no quotation changes them: their tables
        # are gathered once for all the documents, not once per document.
        people = KnownPeople.of(registry)
        for document, found in zip(documents, map_documents(_quotes, documents, registry, people)):
            texts[document.path] = document.text
            for text, speaker, speaker_text, line in found:
                registry.quotes.append(QuoteFact(
                    text=text,
                    speaker=speaker,
                    provenance=line_provenance(document, line),
                    speaker_text=speaker_text,
                ))
            # An interview transcript's answers are the interviewee's words, without marks.
            interviewee, replies = answers(document, registry)
            for text, line in replies:
                registry.quotes.append(QuoteFact(text=text, speaker=interviewee,
                                                 provenance=line_provenance(document, line),
                                                 speaker_text=interviewee.split()[-1]))
            # A hearing's or a meeting's labelled turns ("MS. ROE: …") are their speakers' words.
            for speaker, text, line in speaker_turns(document, registry):
                registry.quotes.append(QuoteFact(text=text, speaker=speaker,
                                                 provenance=line_provenance(document, line),
                                                 speaker_text=speaker.split()[-1]))


def _quotes(document: Document, registry: Registry, people: KnownPeople) -> list[tuple[str, str, str, int]]:
    """One document's quotations: (words, speaker, speaker as written, line) (a worker's share
    of the build)."""
    return [(item.text, item.speaker, item.speaker_text, document.position(item.quote.start)[0])
            for item in attribute(document, registry, people, source=True) if item.text.strip()]


EXTRACTORS = [QuoteExtractor()]
