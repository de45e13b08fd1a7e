"""`newslint rules`."""
from __future__ import annotations

from argparse import Namespace

from newslint.cli.main import EXIT_ERROR, error


def run_rules(args: Namespace) -> int:
    error("'newslint rules' is not built yet")
    return EXIT_ERROR
