"""`newslint facts`."""
from __future__ import annotations

from argparse import Namespace

from newslint.cli.main import EXIT_ERROR, error


def run_facts(args: Namespace) -> int:
    error("'newslint facts' is not built yet")
    return EXIT_ERROR
