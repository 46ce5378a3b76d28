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

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CARRIERS = {"contract-refused", "lead-refused", "quote-refused"}  # said by their problems
RAISED = re.compile(r"\w*(?:Refused|Error)")
CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


def _error_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _raised_codes() -> dict[str, set[str]]:
    """The codes services and importers raise: a refusal's code is a positional argument
    after the message, however the message is built (a join, an f-string)."""
    codes: dict[str, set[str]] = {}
    for path in sorted([*(ROOT / "services").glob("*.py"), *(ROOT / "importers").glob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not RAISED.fullmatch(_error_name(node)):
                continue
            for arg in node.args[1:]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) \
                        and CODE.fullmatch(arg.value):
                    codes.setdefault(arg.value, set()).add(path.name)
                    break
    return codes


def test_the_scan_finds_the_refusals():
    codes = _raised_codes()
    assert {"amendment-date", "no-contract", "lead-move-refused",
            "tax-charge-refused"} <= set(codes)


def test_every_refusal_code_has_words():
    worded = "\n".join(p.read_text(encoding="utf-8")
                       for folder in ("views", "app") for p in (ROOT / folder).glob("*.py"))
    missing = {code: sorted(files) for code, files in _raised_codes().items()
               if code not in CARRIERS and f'"{code}"' not in worded}
    assert not missing, f"refusal codes without a template: {missing}"
