"""The fast text scan for big DXF files must give what the ezdxf path gives, or step aside."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable
from pathlib import Path

import ezdxf
import pytest
from ezdxf.document import Drawing
from ezdxf.layouts import Modelspace

from importers import dxf_read
from importers.dxf import read_dxf
from importers.dxf_read import Records, load, scan_text
from importers.plan import ImportedPlan

# A missing corpus fails these tests unless LEASEMAP_CORPUS_OPTIONAL=1 (tests/corpus.py).
from tests.corpus import CORPUS, corpus, needs_corpus  # noqa: F401

ALWAYS = 0  # fast_min_bytes that sends every text file through the scan first
NEVER = 1 << 62  # fast_min_bytes that keeps every file on the ezdxf path
logging.getLogger("ezdxf").setLevel(logging.ERROR)


def _gbk_plan(path: Path, rooms: int = 200, extra: bool = True) -> Path:
    """An R2000 drawing in code page 936 with GBK labels like '101 办公室 30.00㎡'."""
    doc = ezdxf.new("R2000")
    doc.encoding = "gbk"  # sets $DWGCODEPAGE ANSI_936 and the bytes written
    doc.header["$INSUNITS"] = 4
    for name in ("使用面积线", "文字", "墙线"):
        doc.layers.add(name)
    msp = doc.modelspace()
    side = int(rooms**0.5) + 1
    for i in range(rooms):
        x, y = (i % side) * 6000.0, (i // side) * 5000.0
        w = 6000.0 - (i % 3) * 500.0
        msp.add_lwpolyline([(x, y), (x + w, y), (x + w, y + 5000.0), (x, y + 5000.0)],
                           close=True, dxfattribs={"layer": "使用面积线"})
        area = w * 5000.0 / 1e6
        msp.add_text(f"{101 + i} 办公室 {area:.2f}㎡", height=300,
                     dxfattribs={"layer": "文字", "insert": (x + 1000.0, y + 2000.0)})
    for j in range(side + 1):
        msp.add_line((0.0, j * 5000.0), (side * 6000.0, j * 5000.0), dxfattribs={"layer": "墙线"})
    if extra:
        msp.add_lwpolyline([(0.0, -900.0), (4000.0, -900.0), (4000.0, -700.0)],
                           dxfattribs={"layer": "墙线"})
        msp.add_lwpolyline([(-4000.0, -4000.0), (-2000.0, -4000.0), (-2000.0, -2000.0),
                            (-4000.0, -2000.0)], close=True, dxfattribs={"layer": "使用面积线"})
        msp.add_mtext("房间编号：B1\\P房间名称：机房", dxfattribs={
            "layer": "文字", "insert": (-3000.0, -3000.0)})
        msp.add_text("%%c200 centred", dxfattribs={"layer": "文字"}).set_placement(
            (-5000.0, -5000.0), align=ezdxf.enums.TextEntityAlignment.MIDDLE_CENTER)
        msp.add_lwpolyline([(-9000.0, -9000.0), (-7000.0, -9000.0), (-7000.0, -7000.0),
                            (-9000.0, -7000.0), (-9000.0, -9000.0)],
                           dxfattribs={"layer": "使用面积线"})  # closed by repeating a point
        doc.paperspace().add_text("paper only", dxfattribs={"layer": "文字"})
        for pts, close in (([(0.0, -2e4), (9.0, -2e4)], True), ([(5.0, -2e4)], True),
                           ([(1.0, -3e4), (1.0, -3e4)], False), ([], True)):
            msp.add_lwpolyline(pts, close=close, dxfattribs={"layer": "墙线"})
    doc.saveas(path)
    return path


def _records(path: Path, fast_min_bytes: int) -> Records:
    return load(path, fast_min_bytes=fast_min_bytes)


def _units(plan: ImportedPlan) -> list[tuple[str, str, str, object, object]]:
    units = plan.floors[0].units
    return [(u.key, u.code, u.name, u.area, u.stated_area) for u in units]


def _both_plans(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ImportedPlan, ImportedPlan]:
    monkeypatch.setattr(dxf_read, "FAST_PATH_BYTES", ALWAYS)
    fast = read_dxf(path)
    monkeypatch.setattr(dxf_read, "FAST_PATH_BYTES", NEVER)
    slow = read_dxf(path)
    return fast, slow


def test_gbk_file_is_encoded_in_gbk(tmp_path):
    path = _gbk_plan(tmp_path / "gbk.dxf", rooms=4)
    assert "办公室 30.00㎡".encode("gbk") in path.read_bytes()


def test_scan_gives_the_same_records_as_ezdxf(tmp_path):
    path = _gbk_plan(tmp_path / "gbk.dxf")
    fast, slow = _records(path, ALWAYS), _records(path, NEVER)
    assert fast.reader == "fast-scan" and slow.reader == "ezdxf"
    assert fast.outlines == slow.outlines
    assert fast.lines == slow.lines
    assert list(fast.lines) == list(slow.lines)
    assert fast.texts == slow.texts
    assert fast.insunits == slow.insunits == 4
    assert fast.codepage == slow.codepage == "ANSI_936"
    assert fast.entity_count == slow.entity_count
    assert any(t.text == "Ø200 centred" for t in fast.texts)
    assert not any(t.text == "paper only" for t in fast.texts)


def test_scan_gives_the_same_rooms_as_ezdxf(tmp_path, monkeypatch):
    path = _gbk_plan(tmp_path / "gbk.dxf")
    fast, slow = _both_plans(path, monkeypatch)
    assert fast.unit_count() == slow.unit_count() == 202
    assert _units(fast) == _units(slow)
    codes = {u.code for u in fast.floors[0].units}
    assert {"101", "300", "B1"} <= codes
    names = {u.name for u in fast.floors[0].units}
    assert {"办公室", "机房"} <= names
    assert [p.code for p in fast.problems] == [p.code for p in slow.problems]
    assert fast.floors[0].background.equals(slow.floors[0].background)


def test_bench_drawing_gives_the_same_rooms(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location(
        "bench_import_dxf", Path(__file__).resolve().parents[2] / "bench" / "import_dxf.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    path = tmp_path / "bench.dxf"
    bench.write_drawing(path, 300)
    assert _records(path, ALWAYS).reader == "fast-scan"
    fast, slow = _both_plans(path, monkeypatch)
    assert fast.unit_count() == slow.unit_count() == 300
    assert _units(fast) == _units(slow)


def test_crlf_line_ends_read_the_same(tmp_path):
    path = _gbk_plan(tmp_path / "lf.dxf", rooms=20)
    crlf = tmp_path / "crlf.dxf"
    crlf.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    assert _records(crlf, ALWAYS).outlines == _records(path, NEVER).outlines
    assert _records(crlf, ALWAYS).texts == _records(path, NEVER).texts


def _with(tmp_path: Path, name: str, add: Callable[..., object]) -> Path:
    doc = ezdxf.new("R2010")
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (10, 0), (10, 10), (0, 10)], close=True)
    add(doc, msp)
    path = tmp_path / name
    doc.saveas(path)
    return path


@pytest.mark.parametrize(
    "kind", ["insert", "bulge", "arc", "hatch", "no-eof", "bad-bytes", "bad-code"])
def test_unusual_files_fall_back_to_ezdxf(tmp_path, kind):
    def add(doc: Drawing, msp: Modelspace) -> None:
        if kind == "insert":
            block = doc.blocks.new("ROOM")
            block.add_line((0, 0), (1, 1))
            msp.add_blockref("ROOM", (5, 5))
        elif kind == "bulge":
            msp.add_lwpolyline([(0, 0, 0, 0, 0.5), (10, 0), (10, 10)], format="xyseb", close=True)
        elif kind == "arc":
            msp.add_arc((0, 0), 5, 0, 90)
        elif kind == "hatch":
            msp.add_hatch().paths.add_polyline_path([(0, 0), (1, 0), (1, 1)])

    path = _with(tmp_path, f"{kind}.dxf", add)
    if kind == "no-eof":
        path.write_bytes(path.read_bytes().rsplit(b"EOF", 1)[0])
    elif kind == "bad-code":
        path.write_bytes(path.read_bytes().replace(b"\n100\nAcDbPolyline", b"\n1x0\nAcDbPolyline"))
    elif kind == "bad-bytes":
        path.write_bytes(path.read_bytes().replace(b"AcDbPolyline", b"AcDbPolyline\xff", 1))
    assert scan_text(path) is None
    if kind not in ("no-eof", "bad-bytes", "bad-code"):
        assert load(path, fast_min_bytes=ALWAYS).reader == "ezdxf"


def test_a_plain_file_is_scanned(tmp_path):
    path = _with(tmp_path, "plain.dxf", lambda doc, msp: msp.add_line((0, 0), (5, 5)))
    rec = scan_text(path)
    assert rec is not None and rec.reader == "fast-scan"
    assert rec.outlines == _records(path, NEVER).outlines
    assert rec.lines == _records(path, NEVER).lines


@needs_corpus
@pytest.mark.parametrize("name", ["floor1.dxf", "floor2.dxf"])
def test_daoshi_reads_the_same_either_way(name, monkeypatch):
    path = CORPUS / "daoshi" / name
    rec = scan_text(path)
    fast, slow = _both_plans(path, monkeypatch)
    assert _units(fast) == _units(slow)
    from importers.dxf_rooms import _polygon

    outlines = _records(path, NEVER).outlines
    got = dxf_read.outline_polygons(outlines, 0.001)
    want = [_polygon([(x * 0.001, y * 0.001) for x, y in o.coords]) for o in outlines]
    assert all(_same(g, w) for g, w in zip(got, want, strict=True))
    if rec is not None:  # the scan could read it: it must agree with ezdxf
        slow_rec = _records(path, NEVER)
        assert rec.outlines == slow_rec.outlines
        assert rec.texts == slow_rec.texts
        assert rec.lines == slow_rec.lines


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is b
    return a.equals_exact(b, 0.0) and a.area == b.area  # type: ignore[attr-defined]


def test_outline_polygons_match_one_by_one(tmp_path):
    from importers.dxf_rooms import _polygon

    odd = [
        [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)],
        [(0.0, 0.0), (10.0, 10.0), (10.0, 0.0), (0.0, 10.0), (0.0, 0.0)],  # bow tie
        [(0.0, 0.0), (1.0, 1.0)],
        [(0.0, 0.0), (1.0, 1.0), (0.0, 0.0)],  # closes to too few points
        [(0.0, 0.0), (4.0, 0.0), (0.0, 3.0)],  # open triangle, closed by Polygon()
        [(0.0, 0.0), (4.0, 0.0), (8.0, 0.0), (0.0, 0.0)],  # no area
    ]
    outlines = [dxf_read.Outline("0", str(i), "LWPOLYLINE", c) for i, c in enumerate(odd)]
    outlines += _records(_gbk_plan(tmp_path / "gbk.dxf", rooms=30), ALWAYS).outlines
    for scale in (1.0, 0.001):
        got = dxf_read.outline_polygons(outlines, scale)
        want = [_polygon([(x * scale, y * scale) for x, y in o.coords]) for o in outlines]
        assert all(_same(g, w) for g, w in zip(got, want, strict=True))
    assert dxf_read.outline_polygons([], 1.0) == []


def _without_fingerprint(path: Path, how: str) -> Path:
    """``path`` rewritten with its $FINGERPRINTGUID left out or set to the all-zero default."""
    raw = path.read_bytes()
    start = raw.index(b"$FINGERPRINTGUID")
    end = raw.index(b"}", start) + 1
    if how == "missing":
        start = raw.rindex(b"\n", 0, raw.rindex(b"\n", 0, start)) + 1  # the "  9" line too
        path.write_bytes(raw[:start] + raw[end + 1:])
    else:
        path.write_bytes(raw[:start] + b"$FINGERPRINTGUID\n  2\n{"
                         + b"-".join(b"0" * n for n in (8, 4, 4, 4, 12)) + raw[end - 1:])
    return path


@pytest.mark.parametrize("how", ["present", "missing", "zero", "crlf"])
def test_both_readers_give_the_same_keys(tmp_path, monkeypatch, how):
    """Keys are the handle within the drawing's fingerprint on either path, or none at all."""
    path = _gbk_plan(tmp_path / "keys.dxf", rooms=30, extra=False)
    guid = ezdxf.readfile(path).header["$FINGERPRINTGUID"]
    if how in ("missing", "zero"):
        _without_fingerprint(path, how)
    elif how == "crlf":
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    assert (b"$FINGERPRINTGUID" in path.read_bytes()) is (how != "missing")
    fast_rec, slow_rec = _records(path, ALWAYS), _records(path, NEVER)
    assert (fast_rec.reader, slow_rec.reader) == ("fast-scan", "ezdxf")
    fast, slow = _both_plans(path, monkeypatch)
    keys = [u.key for u in fast.floors[0].units]
    assert keys == [u.key for u in slow.floors[0].units] and len(keys) == 30
    handles = [u.source["handle"] for u in fast.floors[0].units]
    if how in ("present", "crlf"):
        assert fast_rec.fingerprint == slow_rec.fingerprint == guid
        assert keys == [f"{guid}:{h}" for h in handles]
    else:  # ezdxf makes up a GUID for the header: the key must not take it
        assert fast_rec.fingerprint == slow_rec.fingerprint == ""
        assert keys == [""] * 30
