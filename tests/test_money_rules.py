"""Issue 8's money rules hold: one rounding module, no floats in domain figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from check_money import problems

ROOT = Path(__file__).resolve().parents[1]


def test_the_code_keeps_the_money_rules() -> None:
    done = subprocess.run([sys.executable, "scripts/check_money.py"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_the_check_names_each_breach(tmp_path: Path) -> None:
    for folder in ("app", "views", "domain", "services"):
        (tmp_path / folder).mkdir()
    (tmp_path / "domain" / "money.py").write_text("x = a.quantize(b)\n")
    (tmp_path / "views" / "text.py").write_text(
        'x = a.quantize(b)\ns = "quantize(in a string)"  # and quantize( in a comment\n')
    (tmp_path / "domain" / "modes.py").write_text(
        "a = float(x)\nb = float(y)  # not money: an index\nc = floaty(z)\n")
    (tmp_path / "app" / "draw.py").write_text("w = float(area)\n")  # drawing: allowed
    assert problems(tmp_path) == [
        "views/text.py:1: quantize( outside domain/money.py; use money(), rate(), ratio() "
        "or round_to()",
        "domain/modes.py:1: float( in the domain; keep figures Decimal, or say why it is not "
        "money (# not money:)",
    ]
