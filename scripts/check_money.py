"""Money is rounded in one place and never passes through a float (issue 8).

Two rules, read from the code's tokens (strings and comments do not count):

1. ``quantize(`` is called only in ``domain/money.py`` among app/, views/,
   domain/ and services/: everything else rounds with ``money``, ``rate``,
   ``ratio`` or ``round_to`` (all half up). spatial/ keeps its own area rounding.
2. ``float(`` is not called in domain/, except on a line that says why it is
   not money with a ``# not money:`` comment (the heat index is an index).

Run by ``make test`` before pytest, and by ``tests/test_money_rules.py``.
Exits 1 and names each offending line.
"""

from __future__ import annotations

import io
import itertools
import sys
import tokenize
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUNDING_FOLDERS = ("app", "views", "domain", "services")
ROUNDING_HOME = Path("domain/money.py")
FLOAT_FOLDERS = ("domain",)
FLOAT_EXCUSE = "# not money:"


def calls(source: str, name: str) -> Iterator[int]:
    """Line numbers where ``name(`` is called (``x.name(`` too)."""
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline)
              if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT)]
    for here, after in itertools.pairwise(tokens):
        if here.type == tokenize.NAME and here.string == name and after.string == "(":
            yield here.start[0]


def problems(root: Path = ROOT) -> list[str]:
    """Every breach of the two rules under ``root``, as ``path:line: reason``."""
    found = []
    for folder in ROUNDING_FOLDERS:
        for path in sorted((root / folder).rglob("*.py")):
            relative = path.relative_to(root)
            if relative == ROUNDING_HOME:
                continue
            for line in calls(path.read_text(encoding="utf-8"), "quantize"):
                found.append(f"{relative}:{line}: quantize( outside domain/money.py; use "
                             "money(), rate(), ratio() or round_to()")
    for folder in FLOAT_FOLDERS:
        for path in sorted((root / folder).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            lines = text.splitlines()
            for line in calls(text, "float"):
                if FLOAT_EXCUSE not in lines[line - 1]:
                    found.append(f"{path.relative_to(root)}:{line}: float( in the domain; keep "
                                 f"figures Decimal, or say why it is not money ({FLOAT_EXCUSE})")
    return found


def main() -> int:
    found = problems()
    for problem in found:
        print(problem, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
