"""Where the shared corpus of real drawings is, and what a test does when it is not there.

Tests that read real plans use ``../shared/corpus`` beside the checkout. A
missing corpus must not pass quietly as a row of skips: by default each such
test **fails**, naming the path it looked at. Set ``LEASEMAP_CORPUS_OPTIONAL=1``
(a fresh clone, a machine without the corpus) to skip them instead, with the
same reason. The drawings in ``tests/data`` (``tests/data/make_drawings.py``)
cover every importer path without the corpus.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import pytest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
OPTIONAL_ENV = "LEASEMAP_CORPUS_OPTIONAL"
F = TypeVar("F", bound=Callable[..., object])


def present() -> bool:
    return (CORPUS / "MANIFEST.tsv").is_file()


def require() -> None:
    """Fail (or, when the corpus is declared optional, skip) unless the corpus is there."""
    if present():
        return
    reason = f"the shared corpus is missing: no {CORPUS / 'MANIFEST.tsv'}"
    if os.environ.get(OPTIONAL_ENV) == "1":
        pytest.skip(f"{reason} ({OPTIONAL_ENV}=1)")
    pytest.fail(f"{reason}; put it beside the checkout, or set {OPTIONAL_ENV}=1 to skip the "
                "tests that read it", pytrace=False)


@pytest.fixture
def corpus() -> Path:
    """The corpus folder; fails or skips the test when it is missing (see the module)."""
    require()
    return CORPUS


def listed(values: Iterable[Any]) -> list[Any]:
    """Parameters read from the corpus, for a test marked :func:`needs_corpus`.

    With the corpus missing the list would be empty, and pytest quietly skips a
    test with no parameters ("got empty parameter set") before any fixture runs.
    One placeholder parameter instead lets the test start, so ``needs_corpus``
    fails it (or skips it, when the corpus is declared optional) by name.
    """
    found = list(values)
    if found or present():
        return found
    return [pytest.param(None, id="corpus-missing")]


def needs_corpus(test: F) -> F:
    """Mark a test that reads the corpus: it runs, fails or skips as the module says."""
    return pytest.mark.usefixtures("corpus")(test)  # type: ignore[no-any-return]
