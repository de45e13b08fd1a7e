"""People (titles, names, pronouns) of the stories written blind in session 10 (tests/eval: dam,
charter, foodbank, newspaper, patent, unionvote ...), each fixed at a cause seen in at least two
stories by different writers, and tested on a story's own text and on invented text."""
from __future__ import annotations

from people_lint import ROOT, lint, write_sources

EVAL = ROOT / "tests" / "eval"
FOODBANK = (EVAL / "foodbank" / "sources",)
CHARTER = (EVAL / "charter" / "sources",)


def flagged(rule: str, text: str, sources) -> list[str]:
    return [f.text for f in lint(rule, text, sources)]


# -- "the Elmwood Democrat": a party member's place is no employer --------------------------------
def test_a_party_members_place_is_not_an_organisation(tmp_path):
    sources = write_sources(tmp_path, "State Sen. Odalys Prewitt, a Democrat who chairs the Senate Rules "
                            "Committee, said the bill would get a hearing.\n\nPrewitt said she expected a vote "
                            "in June.\n")
    assert flagged("facts.Titles", "Sen. Odalys Prewitt, the Elmwood Democrat, backed the bill.\n", sources) == []
    # An organisation in the appositive is still compared.
    text = "Sen. Odalys Prewitt, a lawyer at the Elmwood Legal Aid Society, backed the bill.\n"
    assert flagged("facts.Titles", text, sources) == ["Elmwood Legal Aid Society"]


