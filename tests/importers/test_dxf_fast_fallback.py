"""A number too large for the fast scan hands the file to ezdxf instead of failing."""

from __future__ import annotations

import ezdxf

from importers.dxf import read_dxf
from importers.dxf_read import load


def test_huge_flag_value_falls_back(tmp_path):
    path = tmp_path / "huge.dxf"
    doc = ezdxf.new("R2013", units=6)
    doc.modelspace().add_lwpolyline([(0, 0), (10, 0), (10, 8), (0, 8)], close=True,
                                    dxfattribs={"layer": "rooms"})
    doc.saveas(path)
    text = path.read_text(encoding="utf-8")
    head, sep, tail = text.partition("LWPOLYLINE")
    tail = tail.replace(" 70\n1\n", " 70\n99999999999999999999999\n", 1)
    assert " 70\n99999999999999999999999\n" in tail
    path.write_text(head + sep + tail, encoding="utf-8")
    records = load(path, fast_min_bytes=0)  # never raises: the scan gives up, ezdxf reads
    assert records.reader != "fast-scan"
    plan = read_dxf(path)
    assert plan.floors or plan.errors  # a plan either way, never a traceback
