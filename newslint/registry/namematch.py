"""How alike two names are: shared by the registry build's grouping of people (reconcile.py)
and the draft checks (resolve.py, kinds/titles.py), so that a check does not import the build's
grouping code."""
from __future__ import annotations

from rapidfuzz.distance import OSA


def similarity(a: str, b: str) -> float:
    """Edit similarity with transpositions counted once ("Ibewke" ~ "Ibekwe")."""
    return OSA.normalized_similarity(a.casefold(), b.casefold())


def given_compatible(a: str, b: str) -> bool:
    """The same given name, or an initial or short form of it ("J." ~ "James", "Alex" ~ "Alexander")."""
    a, b = a.casefold().rstrip("."), b.casefold().rstrip(".")
    if not a or not b or a == b:
        return True
    short, long = sorted((a, b), key=len)
    return (len(short) == 1 and long.startswith(short)) or (len(short) >= 3 and long.startswith(short))
