"""The contract's PDF for signing, offscreen: its text layer, its pages, the plan excerpt, and
the window's flows (make it, keep it, attach a file, edit the park's template)."""

from __future__ import annotations

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from shapely.geometry import LineString, box
from sqlalchemy import select

from domain.leasing.schedule import total
from services import contracts
from services.contract_document import BILINGUAL, document_data, documents_of, template_of
from spatial.geometry import lines_to_wkb, polygon_to_wkb
from store.schema import DocumentTemplate, Floor, Park, Unit
from store.workspace import Workspace
from tests.gui.helpers import open_window
from tests.small_leases import example_a, lease_spec, park_id
from tests.small_park import SmallPark, build_small_workspace

D = Decimal
BOXES = {f"ZD-A-010{i + 1}": (i * 12.0, 0.0, i * 12.0 + 10.0, 12.54) for i in range(3)}
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None
                                   or shutil.which("pdftoppm") is None,
                                   reason="poppler-utils is installed by make test")


@pytest.fixture
def signed(tmp_path: Path) -> tuple[SmallPark, object]:
    """The small park, A 1F drawn (three 10 m units along the south wall of a 62 × 32 m
    floor), and a contract on ZD-A-0103 signed with a fit-out rent-free quarter, +5 % a
    year and a property fee, billed quarterly for three years."""
    park = build_small_workspace(tmp_path / "contract.leasemap")
    ws = Workspace.open(park.path)
    try:
        with ws.transaction() as s:
            units = {u.code: u for u in s.scalars(select(Unit))}
            for code, bounds in BOXES.items():
                units[code].geometry = polygon_to_wkb(box(*bounds))
            s.get(Floor, units["ZD-A-0101"].floor_id).background = lines_to_wkb(
                LineString([(-2, -2), (60, -2), (60, 30), (-2, 30), (-2, -2)]))
            row = s.scalar(select(Park))
            row.city, row.address = "上海市", "浦东新区张江路100号"
        spec = lease_spec(ws, code="HT-2026-0100", deposit=D("75240.00"),
                          **example_a(charges=True))
        contract_id = contracts.create_signed(ws, park_id(ws), spec)
    finally:
        ws.close()
    return park, contract_id


def _pages(pdf: Path) -> list[str]:
    """The text of each page, as pdftotext reads the PDF's text layer."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def _write(park: SmallPark, contract_id, language: str, out: Path):
    from app.contract_document_flow import contract_pdf

    ws = Workspace.open(park.path)
    try:
        data, pdf = contract_pdf(ws, contract_id, language)
        with ws.reading() as s:
            lines = contracts.schedule_of(s, contract_id).lines
    finally:
        ws.close()
    out.write_bytes(pdf)
    return data, lines


@needs_poppler
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_pdf_text_layer_holds_the_parties_the_units_and_the_schedule_total(
        qapp, signed, tmp_path, language):
    park, contract_id = signed
    out = tmp_path / f"contract-{language}.pdf"
    data, lines = _write(park, contract_id, language, out)
    whole = total(lines, None)  # rent and the property fee, every line of the schedule
    assert whole == D("493198.20")
    pages = _pages(out)
    text = "\n".join(pages)
    assert "上海云帆智能科技有限公司" in text  # the tenant
    assert "张江测试园" in text  # the landlord
    assert "ZD-A-0103" in text
    printed = f"{whole:,.2f}"  # as the PDF prints it: 493,198.20
    assert re.search(r"(总计|Total)\s+" + re.escape(printed), text)
    if language == "zh_CN":
        flat = re.sub(r"\s+", "", text)  # prose wraps where the page ends a line
        assert "（大写：肆拾玖万叁仟壹佰玖拾捌元贰角整）" in flat
        assert "装修免租期自2026年3月1日至2026年5月31日" in flat
        assert f"第 1 页，共 {len(pages)} 页" in pages[0]
    else:
        assert "Fit-out rent-free period from 1 March 2026 to 31 May 2026" in " ".join(
            text.split())
        assert f"Page {len(pages)} of {len(pages)}" in pages[-1]
    assert len(pages) >= 3
    head = "计费期间" if language == "zh_CN" else "Period"
    seal = "（盖章）" if language == "zh_CN" else "(Seal)"
    for page in pages:
        if re.search(r"\d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d", page):
            assert head in page  # the schedule's header on every page it runs onto
        assert page.count(seal) in (0, 2)  # the two signature blocks never cut apart
    assert "".join(pages).count(seal) == 2
    rows = sum(len(re.findall(r"\d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d", p)) for p in pages)
    assert rows == len(lines) == len(data.schedule)  # the full schedule, no row cut off


@needs_poppler
def test_page_one_renders_with_the_plan_and_chinese_glyphs(qapp, signed, tmp_path):
    park, contract_id = signed
    out = tmp_path / "contract.pdf"
    _write(park, contract_id, "zh_CN", out)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           check=True).stdout
    assert "Type 3" not in fonts  # real embedded fonts, the text selectable
    subprocess.run(["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", str(out),
                    str(tmp_path / "page")], check=True)
    from PySide6.QtGui import QImage

    [png] = tmp_path.glob("page-*.png")
    image = QImage(str(png))
    assert not image.isNull()
    let = QColor("#f6b26b")
    # the let unit's fill is on page one (the plan excerpt), in quantity
    found = sum(1 for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)
                if _near(QColor(image.pixel(x, y)), let))
    assert found > 200


def _near(a: QColor, b: QColor, within: int = 30) -> bool:
    return (abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())
            < within)


def _fills(image) -> tuple[list[int], list[int]]:
    """The x of every other pixel of the let units' fill, and of the others' (closely: an
    outline's antialiased edge over white is nearly as pale as the others' fill)."""
    from views.contract_pdf import LET_FILL, OTHER_FILL

    let, other = [], []
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = QColor(image.pixel(x, y))
            if _near(colour, QColor(LET_FILL), 10):
                let.append(x)
            elif _near(colour, QColor(OTHER_FILL), 10):
                other.append(x)
    return let, other


def test_the_plan_excerpt_is_cropped_to_the_units_let(qapp, signed):
    from views.contract_pdf import LET_FILL, plan_excerpt

    park, contract_id = signed
    ws = Workspace.open(park.path)
    try:
        with ws.reading() as s:
            data = document_data(s, contract_id, "zh_CN")
    finally:
        ws.close()
    [floor] = data.plan
    assert floor.title == "A栋 办公楼 · 1F" and floor.let_codes == ("ZD-A-0103",)
    assert "ZD-A-0103" in data.plan_caption
    # ZD-A-0103 is x 24–34, y 0–12.54: 3 m around it (15 % of 12.54 m is less), kept on
    # the floor (its wall at y = -2), then widened about its middle until its height is 0.6
    # of its width
    assert floor.window == pytest.approx((29 - 17.54 / 0.6 / 2, -2, 29 + 17.54 / 0.6 / 2,
                                          15.54))
    image = plan_excerpt(data.plan, width_mm=100, dpi=100)
    assert image is not None
    pad = 0.01 * 17.54 / 0.6  # around the window, so that an outline on its edge is whole
    assert image.height() == pytest.approx(image.width() * (17.54 + 2 * pad)
                                           / (17.54 / 0.6 + 2 * pad), abs=1)
    let, other = _fills(image)
    # ZD-A-0103 whole, ZD-A-0102's east 7.6 m (x 14.4–22) pale beside it, ZD-A-0101 outside
    assert min(let) > max(other)
    assert 1.05 < len(let) / len(other) < 1.45  # 10 m (less its thick outline) to 7.9 m
    # the unit let is 10 m of the 29.8 m shown: a third of the picture's width (the whole
    # floor's 62 m would have made it a sixth)
    assert 0.31 < (max(let) - min(let)) / image.width() < 0.36
    # its code is drawn in it, as large as the floor plan draws a label (85 % of 12 pt: its
    # capitals about 10 px tall at 100 dpi), not shrunk: dark pixels inside the shaded box
    # (5 px in from its red outline)
    top, bottom = _rows_of(image, QColor(LET_FILL))
    dark = [(x, y) for y in range(top + 5, bottom - 5) for x in range(min(let) + 5,
                                                                       max(let) - 5)
            if QColor(image.pixel(x, y)).lightness() < 110]
    assert len(dark) > 100
    assert max(y for _x, y in dark) - min(y for _x, y in dark) >= 8
    assert plan_excerpt(()) is None


def _rows_of(image, colour: QColor) -> tuple[int, int]:
    """The first and last row with a pixel of ``colour``."""
    rows = [y for y in range(image.height())
            if any(_near(QColor(image.pixel(x, y)), colour, 10)
                   for x in range(0, image.width(), 2))]
    return rows[0], rows[-1]


def test_the_whole_floor_is_drawn_when_the_units_let_cover_most_of_it(qapp, signed):
    from views.contract_pdf import plan_excerpt

    park, contract_id = signed
    ws = Workspace.open(park.path)
    try:
        with ws.transaction() as s:  # the floor's walls drawn tight around its three units
            unit = s.scalar(select(Unit).where(Unit.code == "ZD-A-0101"))
            s.get(Floor, unit.floor_id).background = lines_to_wkb(
                LineString([(-1, -1), (35, -1), (35, 14), (-1, 14), (-1, -1)]))
        with ws.reading() as s:
            data = document_data(s, contract_id, "zh_CN")
    finally:
        ws.close()
    [floor] = data.plan
    # ZD-A-0103 with 3 m around it, widened to the excerpt's proportion: 66 % of the floor
    assert floor.window is None
    let, other = _fills(plan_excerpt(data.plan, width_mm=100, dpi=100))
    # three equal units: the one let (the easternmost) shaded, its two neighbours whole
    assert min(let) > max(other)
    assert 0.4 < len(let) / len(other) < 0.6


@needs_poppler
def test_the_window_makes_the_pdf_keeps_it_and_attaches_a_file(qtbot, settings, signed,
                                                               tmp_path):
    from app.contract_document_flow import attach_document, make_contract_pdf

    park, contract_id = signed
    win = open_window(qtbot, settings, park.path)
    try:
        out = make_contract_pdf(win, contract_id, "en", tmp_path / "lease")
        assert out == tmp_path / "lease.pdf" and out.read_bytes().startswith(b"%PDF")
        assert not list(tmp_path.glob(".*.part"))
        scan = tmp_path / "signed.png"
        scan.write_bytes(b"\x89PNG\r\n\x1a\n")
        assert attach_document(win, contract_id, scan) is not None
        assert attach_document(win, contract_id, tmp_path / "missing.pdf") is None
        assert win.last_warning  # the missing file is said
        with win.controller.workspace.reading() as s:
            docs = documents_of(s, contract_id)
        assert [(d.name, d.kind, d.media_type, d.version) for d in docs] == [
            ("signed.png", "attached", "image/png", 1),
            ("lease.pdf", "generated", "application/pdf", 1)]
        assert docs[1].size == out.stat().st_size
    finally:
        win.close()


@needs_poppler
def test_the_template_editor_names_a_bad_placeholder_and_saves_a_good_one(
        qtbot, settings, signed, tmp_path):
    from PySide6.QtWidgets import QDialogButtonBox

    from app.contract_document_flow import edit_template, make_contract_pdf

    park, contract_id = signed
    win = open_window(qtbot, settings, park.path)
    try:
        dialog = edit_template(win, "zh_CN")
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert "房屋租赁合同" in dialog.body() and save.isEnabled()
        assert dialog.source_label.text() == "The default template"
        dialog.editor.setPlainText("# 园区租赁合同\n\n承租方：{tenant_nme}\n\n{schedule_table}\n")
        assert "Line 3: {tenant_nme} is not a placeholder" in dialog.problems_label.text()
        assert not save.isEnabled()
        assert not dialog.save()  # refused, nothing written
        with win.controller.workspace.reading() as s:
            assert s.scalar(select(DocumentTemplate)) is None
        dialog.editor.setPlainText("# 园区租赁合同\n\n承租方：{tenant_name}\n\n{schedule_table}\n")
        assert dialog.problems_label.text() == "" and save.isEnabled()
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
        assert dialog.body().startswith("# Lease Agreement")
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
        assert dialog.body().startswith("# 园区租赁合同")  # the edit kept meanwhile
        assert dialog.save() and dialog.status_label.text() == "Saved."
        with win.controller.workspace.reading() as s:
            body, source = template_of(s, contracts.park_id_of(s), "zh_CN")
        assert source == "park" and body.startswith("# 园区租赁合同")
        out = make_contract_pdf(win, contract_id, "zh_CN", tmp_path / "own.pdf")
        text = "\n".join(_pages(out))
        assert "园区租赁合同" in text and "承租方：上海云帆智能科技有限公司" in text
        assert "出租方（甲方）" not in text  # the park's template has no signature block
        dialog.restore_default()
        assert dialog.save() and dialog.source_label.text() == "The default template"
        dialog.close()
    finally:
        win.close()


def test_a_stored_template_gone_bad_is_said_not_printed_blank(qtbot, settings, signed,
                                                              tmp_path):
    from app.contract_document_flow import make_contract_pdf

    park, contract_id = signed
    ws = Workspace.open(park.path)
    try:
        with ws.transaction() as s:  # as an older version or another device might leave it
            s.add(DocumentTemplate(park_id=contracts.park_id_of(s), name="standard",
                                   language="en", body="# Lease\n\nTenant: {tenant}\n"))
    finally:
        ws.close()
    win = open_window(qtbot, settings, park.path)
    try:
        assert make_contract_pdf(win, contract_id, "en", tmp_path / "x.pdf") is None
        assert not (tmp_path / "x.pdf").exists()
        assert "Line 3: {tenant} is not a placeholder the document knows" in win.last_warning
        # the bilingual document reads both templates: the warning says which is wrong
        assert make_contract_pdf(win, contract_id, BILINGUAL, tmp_path / "x.pdf") is None
        assert ("The English template: Line 3: {tenant} is not a placeholder the document "
                "knows") in win.last_warning
    finally:
        win.close()


@needs_poppler
def test_a_heading_and_the_signatures_are_never_cut_by_a_page_end(qapp, signed, tmp_path):
    """However much text comes before, the signature article's heading stays with the
    signatures and both parties' blocks stay on one page."""
    from app.contract_document_flow import document_font
    from views.contract_pdf import PageSetup, write_contract_pdf

    park, contract_id = signed
    ws = Workspace.open(park.path)
    font = document_font("zh_CN")
    moved = 0
    try:
        for n in range(10, 50, 2):
            body = ("# 合同\n\n" + "本段为占位文字，用于推移签署部分的位置。\n\n" * n
                    + "## 第九条　签署\n\n{signatures}\n")
            with ws.reading() as s:
                data = document_data(s, contract_id, "zh_CN", template=body)
            out = tmp_path / f"n{n}.pdf"
            write_contract_pdf(data, None, out, PageSetup(font=font))
            pages = _pages(out)
            [page] = [p for p in pages if "第九条" in p]
            assert page.count("（盖章）") == 2, n
            assert "".join(pages).count("（盖章）") == 2
            moved += page.strip().startswith("第九条")
    finally:
        ws.close()
    assert moved  # some of these layouts did need the heading moved to a new page


# -- the bilingual document ------------------------------------------------------------------


@needs_poppler
def test_the_bilingual_pdf_says_everything_in_chinese_with_english_beneath(qapp, signed,
                                                                           tmp_path):
    from app.contract_document_flow import file_name

    park, contract_id = signed
    out = tmp_path / "contract-bilingual.pdf"
    data, lines = _write(park, contract_id, BILINGUAL, out)
    assert data.language == BILINGUAL and file_name(data) == "HT-2026-0100-v1-zh_CN+en.pdf"
    pages = _pages(out)
    text = "\n".join(pages)
    flat = re.sub(r"\s+", "", text)  # Chinese prose wraps anywhere
    spaced = " ".join(text.split())  # English prose wraps at spaces
    # the parties, each role in both languages, the names once
    assert re.search(r"出租方（甲方）\s+承租方（乙方）\s*\n\s*Landlord\s+Tenant", text)
    assert flat.count("上海云帆智能科技有限公司") >= 3  # the parties' paragraphs, signatures
    assert "名称 Name：张江测试园" in text
    assert "Tenant: 上海云帆智能科技有限公司" in text  # the English paragraph beneath
    # the units, their table's headers in both
    assert re.search(r"单元编号.*\n\s*Unit\b", text) and "ZD-A-0103" in text
    # headings, paragraphs and clauses: the Chinese, then the English beneath
    assert re.search(r"第一条\s+租赁房屋\s*\n\s*1\. Premises", text)
    assert re.search(r"第五条\s+其他约定\s*\n\s*5\. Other terms", text)
    zh_clause = text.index("装修免租期")
    en_clause = text.index("Rent-free periods. Fit-out rent-free period")
    assert zh_clause < en_clause < text.index("租金调整")
    assert "Fit-out rent-free period from 1 March 2026 to 31 May 2026 (92 days)" in spaced
    # the total in figures, in Chinese capitals and in English words
    whole = total(lines, None)
    assert whole == D("493198.20")
    assert re.search(r"总计\s+493,198\.20\s*\n\s*Total\b", text)
    assert "合计493,198.20元（大写：肆拾玖万叁仟壹佰玖拾捌元贰角整）" in flat
    assert ("CNY 493,198.20 in all (CNY four hundred ninety-three thousand one hundred "
            "ninety-eight and 20/100)") in spaced
    # the Chinese governs, said in both, right before the signatures
    assert "本合同中英文版本如有不一致，以中文版本为准。" in flat
    assert "Should the Chinese and English versions differ, the Chinese version prevails." in (
        spaced)
    assert (text.index("本合同中英文版本") < text.index("Should the Chinese and English")
            < text.index("（盖章）"))
    # the full schedule, its headers in both on every page it runs onto; the signatures whole
    period = r"\d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d"
    for page in pages:
        if re.search(period, page):
            assert "计费期间" in page and "Period" in page
        assert page.count("（盖章）") in (0, 2) and page.count("(Seal)") == page.count("（盖章）")
    assert sum(len(re.findall(period, p)) for p in pages) == len(lines) == len(data.schedule)
    assert re.search(r"\d +物业管理费 +4,702\.50[^\n]*\n +Property management fee\b", text)
    assert f"第 1 页，共 {len(pages)} 页 · Page 1 of {len(pages)}" in pages[0]
    assert "合同编号 Contract no. HT-2026-0100" in pages[-1]
    # the plan excerpt is still in it: one picture, as wide as the text at 250 dpi
    listed = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert {(row.split()[3], row.split()[12]) for row in listed} == {("1713", "250")}
    [plan_page] = [i for i, p in enumerate(pages, 1) if "Plan: A栋 办公楼 · 1F (ZD-A-0103)" in p]
    subprocess.run(["pdftoppm", "-r", "60", "-f", str(plan_page), "-l", str(plan_page),
                    "-png", str(out), str(tmp_path / "plan")], check=True)
    from PySide6.QtGui import QImage

    [png] = tmp_path.glob("plan-*.png")
    image = QImage(str(png))
    let = QColor("#f6b26b")
    assert sum(1 for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)
               if _near(QColor(image.pixel(x, y)), let)) > 200


def test_the_document_is_offered_in_three_languages_the_windows_first(qtbot, settings,
                                                                      signed, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QComboBox

    from app.contract_document_flow import default_document_language, make_contract_pdf
    from services.contract_document import DOCUMENT_LANGUAGES
    from views.document_languages import LANGUAGE_NAMES, offer_languages

    assert tuple(LANGUAGE_NAMES) == DOCUMENT_LANGUAGES

    park, contract_id = signed
    win = open_window(qtbot, settings, park.path)  # in English
    try:
        combo = QComboBox()
        qtbot.addWidget(combo)
        offer_languages(combo, default_document_language(win))
        assert [combo.itemData(i) for i in range(combo.count())] == ["zh_CN", "en", BILINGUAL]
        assert combo.currentData() == "en" and combo.currentText() == "English"
        assert "the Chinese version prevails" in combo.itemData(
            2, Qt.ItemDataRole.ToolTipRole)
        offer_languages(combo, "zh_CN")  # filled again: the three, not six
        assert combo.count() == 3 and combo.currentText() == "简体中文"
        out = make_contract_pdf(win, contract_id, BILINGUAL, tmp_path / "bilingual")
        assert out == tmp_path / "bilingual.pdf" and out.read_bytes().startswith(b"%PDF")
        with win.controller.workspace.reading() as s:
            docs = documents_of(s, contract_id)
        assert [(d.name, d.kind, d.version, d.size) for d in docs] == [
            ("bilingual.pdf", "generated", 1, out.stat().st_size)]
    finally:
        win.close()


def test_templates_that_do_not_pair_are_said_as_typed_and_when_made(qtbot, settings, signed,
                                                                    tmp_path):
    from app.contract_document_flow import edit_template, make_contract_pdf

    park, contract_id = signed
    win = open_window(qtbot, settings, park.path)
    try:
        dialog = edit_template(win, "en")
        assert dialog.pairing_label.text() == ""  # the default templates pair
        default = dialog.body()
        dialog.editor.setPlainText(default.replace("## 5. Other terms\n\n", ""))
        said = dialog.pairing_label.text()
        assert "until they pair, it cannot be made" in said
        assert "The Chinese template has 5 articles (## headings) and the English one 4" in said
        assert dialog.save()  # said, not refused: the other language may be edited next
        assert make_contract_pdf(win, contract_id, BILINGUAL, tmp_path / "x.pdf") is None
        assert not (tmp_path / "x.pdf").exists()
        assert "the English one 4" in win.last_warning
        assert make_contract_pdf(win, contract_id, "en", tmp_path / "en.pdf") is not None
        # the plan moved from the first article to the second
        moved = default.replace("{plan_excerpt}\n", "").replace(
            "{term_clause}\n", "{term_clause}\n\n{plan_excerpt}\n")
        dialog.editor.setPlainText(moved)
        assert ("Article “第一条　租赁房屋”: the Chinese template places {units_table}, "
                "{plan_excerpt} and the English one {units_table}") in dialog.pairing_label.text()
        assert ("Article “第二条　租赁期限”: the Chinese template places no block and the "
                "English one {plan_excerpt}") in dialog.pairing_label.text()
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
        assert "{plan_excerpt}" in dialog.pairing_label.text()  # the English as edited
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
        dialog.restore_default()
        assert dialog.pairing_label.text() == ""
        assert dialog.save()
        assert make_contract_pdf(win, contract_id, BILINGUAL, tmp_path / "x.pdf") is not None
        dialog.close()
    finally:
        win.close()
