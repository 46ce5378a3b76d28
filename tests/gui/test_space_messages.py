"""Every refusal of a space edit has its own words, in Chinese too (not the English fallback)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from views.message_text import MESSAGES, message_text

ROOT = Path(__file__).resolve().parents[2]
RAISED = re.compile(r'(?:EditRefused|SpaceEditRefused|ClassifyError)\('
                    r'\s*(?:f?"[^"]*"(?:\s*f?"[^"]*")*\s*,\s*)?"([a-z][a-z-]+)"')


def _codes() -> set[str]:
    found: set[str] = set()
    for name in ("spatial/editing.py", "services/space_edits.py", "services/classify_rooms.py"):
        found |= set(RAISED.findall((ROOT / name).read_text(encoding="utf-8")))
    return found


def test_the_scan_finds_the_refusals():
    assert {"split-sliver", "merge-not-adjacent", "unit-under-contract", "no-building",
            "shape-overlaps", "merge-mixed-use"} <= _codes()


@pytest.mark.parametrize("code", sorted(_codes()))
def test_each_refusal_has_a_template_said_in_chinese(code, chinese):
    from runtime.messages import UserError

    assert code in MESSAGES
    template = MESSAGES[code]()
    params = dict.fromkeys(re.findall(r"{(\w+)}", template), "X")
    said = message_text(UserError("english fallback", code, **params))
    assert "english fallback" not in said
    assert re.search(r"[\u4e00-\u9fff]", said), said
