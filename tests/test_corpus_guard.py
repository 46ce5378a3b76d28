"""A missing shared corpus is reported loudly, never a quiet row of skips (issue 8).

Tests that read ``../shared/corpus`` go through ``tests/corpus.py``: marked
``needs_corpus``, with parameters read from the corpus wrapped in ``listed``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests import corpus

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
from pathlib import Path

import pytest

import tests.corpus as c

c.CORPUS = Path({missing!r})
from tests.corpus import corpus, listed, needs_corpus  # noqa: E402, F401


@needs_corpus
@pytest.mark.parametrize("name", listed([]))
def test_every_file(name):
    pass


@needs_corpus
def test_one_file():
    pass
"""


def _run_probe(tmp_path: Path, optional: bool) -> subprocess.CompletedProcess[str]:
    probe = tmp_path / "test_probe.py"
    probe.write_text(PROBE.format(missing=str(tmp_path / "no-corpus")), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != corpus.OPTIONAL_ENV}
    if optional:
        env[corpus.OPTIONAL_ENV] = "1"
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rfs", "-p", "no:cacheprovider",
         "--rootdir", str(tmp_path), str(probe)],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )


def test_a_missing_corpus_fails_even_a_test_whose_parameters_it_lists(tmp_path):
    result = _run_probe(tmp_path, optional=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "2 errors" in result.stdout, result.stdout  # pytest.fail in the fixture's setup
    assert "the shared corpus is missing" in result.stdout
    assert "empty parameter set" not in result.stdout


def test_a_corpus_declared_optional_skips_with_the_reason(tmp_path):
    result = _run_probe(tmp_path, optional=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 skipped" in result.stdout and "the shared corpus is missing" in result.stdout


def test_no_test_module_decides_about_the_corpus_on_its_own():
    """A private ``CORPUS`` path or a ``skipif`` on it would skip quietly again."""
    own = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path.name in ("corpus.py", Path(__file__).name):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"^CORPUS\s*=\s*Path\(", text, re.MULTILINE) or re.search(
                r"skipif\([^)]*CORPUS", text):
            own.append(str(path.relative_to(ROOT)))
    assert own == []
