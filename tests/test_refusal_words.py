"""Every refusal a service raises has words a person reads in their language.

A service raises a ``runtime.messages.UserError`` (or a subclass) with a stable
code and English for logs; the window and the CLI say it through a template
(``views.message_text.MESSAGES`` or a view's own table). A code with no
template reaches a Chinese user in English, so each code raised in
``services/`` must be named in ``views/`` or ``app/``. A refusal that only
carries field problems (``contract-refused`` and its kin) is said problem by
problem (``views.contract_text.problem_line``, ``views.pipeline_text``).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CARRIERS = {"contract-refused", "lead-refused", "quote-refused"}  # said by their problems
RAISE = re.compile(r"\w*(?:Refused|Error)\(")
CODE = re.compile(r'"\s*,\s*"([a-z0-9]+(?:-[a-z0-9]+)+)"')


def _raised_codes() -> dict[str, set[str]]:
    codes: dict[str, set[str]] = {}
    for path in sorted([*(ROOT / "services").glob("*.py"), *(ROOT / "importers").glob("*.py")]):
        text = path.read_text(encoding="utf-8")
        for match in RAISE.finditer(text):
            found = CODE.search(text[match.end():match.end() + 400])
            if found:
                codes.setdefault(found.group(1), set()).add(path.name)
    return codes


def test_the_scan_finds_the_refusals():
    codes = _raised_codes()
    assert {"amendment-date", "no-contract", "lead-move-refused"} <= set(codes)


def test_every_refusal_code_has_words():
    worded = "\n".join(p.read_text(encoding="utf-8")
                       for folder in ("views", "app") for p in (ROOT / folder).glob("*.py"))
    missing = {code: sorted(files) for code, files in _raised_codes().items()
               if code not in CARRIERS and f'"{code}"' not in worded}
    assert not missing, f"refusal codes without a template: {missing}"
