"""The figures the park's settings dialogs show and take (Tax rates, Leasing settings): a
fraction said as a percentage (0.09 as ``9``), typed back the same way, the default shown
greyed beside it, numbers right-aligned.

Both dialogs type rates as percentages so a person never types 0.09; each judges what a
typed figure may be (a VAT rate the service checks, a discount rate the dialog bounds).
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt

MUTED_COLOUR = "#6b6b6b"  # a default, greyed beside the park's own figure
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def percent_text(fraction: Decimal) -> str:
    """0.09 → ``9``, 0.055 → ``5.5``, 0.625 → ``62.5``: a fraction as a percentage without
    trailing zeros."""
    return f"{(fraction * 100).normalize():f}"


def typed_percent(text: str) -> Decimal | None:
    """A percentage as typed (``9``, ``9 %``, full-width ``９％``) as its number (9); None
    for nothing typed. Raises ``ValueError`` for text that is no finite number."""
    bare = unicodedata.normalize("NFKC", text).strip().removesuffix("%").strip()
    if not bare:
        return None
    try:
        percent = Decimal(bare.replace(" ", ""))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {text!r}") from exc
    if not percent.is_finite():
        raise ValueError(f"not a number: {text!r}")
    return percent
