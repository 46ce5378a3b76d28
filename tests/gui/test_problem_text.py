"""Importer findings are shown in the user's language, from code and params."""

from __future__ import annotations

from pathlib import Path

from importers.ifc import read_ifc
from importers.read import read_plan
from views.problem_text import problem_text

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def test_english_is_the_importers_own_message(window):
    problem = {"code": "area-mismatch", "message": "label '101' states 45 m² but its outline "
               "measures 40 m²", "params": {"label": "101", "stated": "45", "computed": "40"}}
    assert problem_text(problem) == problem["message"]


def test_chinese_from_the_template(window, tmp_path):
    window.set_language("zh_CN")
    try:
        plan = read_plan(tmp_path / "nowhere.dxf")
        text = problem_text(plan.to_json()["errors"][0])
        assert "文件不存在" in text and "nowhere.dxf" in text
        unknown = {"code": "never-heard-of", "message": "as written", "params": {"x": "1"}}
        assert problem_text(unknown) == "as written"
        missing = {"code": "area-mismatch", "message": "as written", "params": {"label": "1"}}
        assert problem_text(missing) == "as written"
        schema = CORPUS / "opensourcebim-testfiles" / "ifc4.ifc"
        if schema.exists():
            error = read_ifc(schema).to_json()["errors"][0]
            assert "不支持 IFC4RC4 版本" in problem_text(error)
    finally:
        window.set_language("en")
