"""Text laid out in a terminal's columns, where a Chinese character takes two: the CLI's
tables (bills, ageing) and the area statement's text line up in either language."""

from __future__ import annotations

from unicodedata import east_asian_width


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for a wide (CJK) character."""
    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def cut(text: str, most: int) -> str:
    """``text`` in at most ``most`` columns, ended with "…" when it was longer."""
    if width(text) <= most:
        return text
    while text and width(text) > most - 1:
        text = text[:-1]
    return text + "…"


def pad(text: str, columns: int, right: bool = False) -> str:
    """``text`` filled with spaces to ``columns`` (on the left when ``right``)."""
    fill = " " * (columns - width(text))
    return fill + text if right else text + fill


def fit(text: str, columns: int, *, left: bool = False) -> str:
    """A table cell: ``text`` cut to ``columns`` and padded; a right-aligned cell keeps a
    space before it so figures never run together."""
    return pad(cut(text, columns if left else columns - 1), columns, right=not left)
