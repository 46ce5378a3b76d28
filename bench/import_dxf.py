"""Time read_dxf on a 50,000-room drawing against ezdxf.readfile and GDAL (pyogrio).

Run: .venv/bin/python bench/import_dxf.py [rooms]. pyogrio is a bench-only
dependency (.venv/bin/pip install pyogrio); without it the GDAL line is skipped.
The indented lines split read_dxf's time: the reading layer alone, and building
every room polygon in one vectorised call, so the rest is the room pipeline.
"""

from __future__ import annotations

import io
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

import ezdxf

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from importers.dxf import read_dxf
from importers.dxf_read import load, outline_polygons

RUNS = 5  # read_dxf and GDAL each: the ratio is of their medians


def write_drawing(path: Path, rooms: int) -> None:
    """A grid of closed 6 × 5 m rooms (mm) with a TEXT label each, as raw DXF text."""
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 4
    doc.layers.add("使用面积线")
    doc.layers.add("文字")
    doc.layers.add("墙线")
    buf = io.StringIO()
    doc.write(buf)
    text = buf.getvalue()
    side = int(rooms**0.5) + 1
    handle = 0x100000
    out: list[str] = []
    for i in range(rooms):
        x, y = (i % side) * 6000.0, (i // side) * 5000.0
        out.append(
            f"  0\nLWPOLYLINE\n  5\n{handle:X}\n100\nAcDbEntity\n  8\n使用面积线\n"
            f"100\nAcDbPolyline\n 90\n4\n 70\n1\n"
            f" 10\n{x}\n 20\n{y}\n 10\n{x + 6000}\n 20\n{y}\n"
            f" 10\n{x + 6000}\n 20\n{y + 5000}\n 10\n{x}\n 20\n{y + 5000}\n"
        )
        out.append(
            f"  0\nTEXT\n  5\n{handle + 1:X}\n100\nAcDbEntity\n  8\n文字\n100\nAcDbText\n"
            f" 10\n{x + 1000}\n 20\n{y + 2000}\n 30\n0.0\n 40\n300\n"
            f"  1\n{i} 办公室 30.00m²\n100\nAcDbText\n"
        )
        handle += 2
    for j in range(side):
        out.append(
            f"  0\nLINE\n  5\n{handle:X}\n100\nAcDbEntity\n  8\n墙线\n100\nAcDbLine\n"
            f" 10\n0.0\n 20\n{j * 5000.0}\n 30\n0.0\n 11\n{side * 6000.0}\n 21\n{j * 5000.0}\n"
            f" 31\n0.0\n"
        )
        handle += 1
    marker = "  0\nENDSEC\n  0\nSECTION\n  2\nOBJECTS\n"
    at = text.index(marker)
    text = text[:at] + "".join(out) + text[at:]
    path.write_text(text, encoding="utf-8")


def timed(label: str, fn: object, runs: int = 1) -> float:
    """The median of ``runs`` timings: one noisy run on a shared machine says little."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    elapsed = statistics.median(times)
    spread = f" (median of {runs}: {min(times):.2f}–{max(times):.2f})" if runs > 1 else ""
    print(f"{label:<28} {elapsed:7.2f} s   {result}{spread}")
    return elapsed


def main() -> None:
    logging.getLogger("ezdxf").setLevel(logging.ERROR)
    rooms = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.dxf"
        write_drawing(path, rooms)
        print(f"{rooms} rooms, {path.stat().st_size / 1e6:.1f} MB")
        ours = timed("read_dxf", lambda: f"{read_dxf(path).unit_count()} units", RUNS)
        records = load(path)
        timed("  of which dxf_read.load", lambda: f"{len(load(path).outlines)} outlines "
              f"({records.reader})")
        timed("  outline_polygons (vector)", lambda: f"{len(outline_polygons(records.outlines))}"
              " polygons")
        timed("ezdxf.readfile", lambda: f"{len(ezdxf.readfile(path).modelspace())} entities")
        try:
            import pyogrio
        except ImportError:
            print("pyogrio not installed (.venv/bin/pip install pyogrio): GDAL line skipped")
            return
        gdal = timed("GDAL (pyogrio.raw.read)",
                     lambda: f"{len(pyogrio.raw.read(path)[2])} features", RUNS)
        print(f"read_dxf / GDAL = {ours / gdal:.2f} (goal ≤ 2)")


if __name__ == "__main__":
    main()
