"""Dialogs that take drawings offer DWG; what a DWG read finds is said in the user's words."""

from __future__ import annotations

import pytest

from importers.read import read_plan

# A missing corpus fails the corpus test unless LEASEMAP_CORPUS_OPTIONAL=1 (tests/corpus.py).
from tests.corpus import CORPUS, corpus, listed, needs_corpus  # noqa: F401


def test_the_site_plan_dialog_offers_dwg_beside_dxf_and_ifc(qapp):
    from app.site_flow import site_file_dialog

    dialog = site_file_dialog(None)  # the dialog File → Import site plan opens
    try:
        drawings = dialog.nameFilters()[0]
        assert dialog.selectedNameFilter() == drawings
        assert {"*.dxf", "*.dwg", "*.ifc"} <= set(drawings.rstrip(")").split("(")[1].split())
    finally:
        dialog.deleteLater()


def test_the_unknown_format_message_names_dxf_dwg_and_ifc(qapp, tmp_path):
    from views.problem_text import problem_text

    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    [error] = read_plan(path).to_json()["errors"]
    shown = problem_text(error)
    assert shown.startswith("scan.pdf ")  # the template's, naming the file, not the full path
    assert all(kind in shown for kind in ("DXF", "DWG", "IFC"))


@needs_corpus
@pytest.mark.parametrize("dwg", listed(sorted((CORPUS / "libredwg").glob("*.dwg"))),
                         ids=lambda p: getattr(p, "name", str(p)))
def test_every_finding_on_a_corpus_dwg_is_said_from_a_template(qapp, dwg):
    """A person reads each finding in their language: no English fallback, no placeholder."""
    from views.problem_text import TEMPLATES, _template_key, problem_text

    report = read_plan(dwg).to_json()
    findings = report["errors"] + report["warnings"] + report["info"]
    assert findings
    for finding in findings:
        assert _template_key(finding["code"], finding["params"]) in TEMPLATES, finding
        shown = problem_text(finding)
        assert "{" not in shown and "Traceback" not in shown, shown
