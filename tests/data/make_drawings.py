"""Build the small DXF drawings in tests/data: one per way a drawing shows its rooms.

A fresh clone has no shared corpus (``../shared/corpus``); these files still
take every importer path: rooms as closed polylines on a room layer, as
hatches, or as faces of wall linework with door gaps; labels as TEXT, MTEXT
and block ATTRIBs; several floors side by side in title frames. Run
``python tests/data/make_drawings.py`` to write them again (the tests also
build them when missing); each is a few kilobytes and is committed.

DWG drawings are written by the tests themselves, with ezdwg's AC1015 (R2000)
writer: :func:`write_dwg_from_dxf` copies a DXF's outlines and labels into a
DWG in a legacy code page (GBK for :func:`write_gbk_rooms`, as a Chinese CAD
saves it), and :func:`write_tarch_dwg` makes one that holds a vertical
product's custom entities (``TCH_WALL``, ``ACAD_PROXY_ENTITY``), which no
writer at hand can make directly (see there).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import ezdwg
import ezdxf
from ezdxf.document import Drawing
from ezdxf.layouts import Modelspace

HERE = Path(__file__).resolve().parent
ROOMS = [("101", "办公室", 0, 0, 10, 8), ("102", "会议室", 10, 0, 22, 8),
         ("103", "储藏室", 22, 0, 30, 8)]


def _new() -> tuple[Drawing, Modelspace]:
    doc = ezdxf.new("R2010", units=6)  # metres
    for layer in ("房间", "文字", "墙线", "门线", "图框"):
        doc.layers.add(layer)
    return doc, doc.modelspace()


def _rectangle(x0: float, y0: float, x1: float, y1: float) -> list[tuple[float, float]]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def polylines_text(msp: Modelspace, dx: float = 0, number: Callable[[str], str] = str) -> None:
    """Closed polylines on 房间, labelled by TEXT on 文字."""
    for code, name, x0, y0, x1, y1 in ROOMS:
        msp.add_lwpolyline(_rectangle(x0 + dx, y0, x1 + dx, y1), close=True,
                           dxfattribs={"layer": "房间"})
        msp.add_text(f"{number(code)} {name}", height=0.4,
                     dxfattribs={"layer": "文字"}).set_placement(
            ((x0 + x1) / 2 + dx, (y0 + y1) / 2))


def write_polylines_text(path: Path) -> None:
    doc, msp = _new()
    polylines_text(msp)
    doc.saveas(path)


def write_hatches_mtext(path: Path) -> None:
    """Rooms as solid hatches on 房间, labelled by two-line MTEXT."""
    doc, msp = _new()
    for code, name, x0, y0, x1, y1 in ROOMS:
        hatch = msp.add_hatch(color=3, dxfattribs={"layer": "房间"})
        hatch.paths.add_polyline_path(_rectangle(x0, y0, x1, y1), is_closed=True)
        msp.add_mtext(f"{code}\\P{name}", dxfattribs={
            "layer": "文字", "char_height": 0.4, "insert": ((x0 + x1) / 2, (y0 + y1) / 2)})
    doc.saveas(path)


def write_walls_attrib(path: Path) -> None:
    """Rooms only as wall lines with 0.9 m door gaps; labels as a block's ATTRIBs."""
    doc, msp = _new()
    tag = doc.blocks.new("ROOMTAG")
    tag.add_attdef("NO", (0, 0.3), dxfattribs={"height": 0.4, "layer": "文字"})
    tag.add_attdef("NAME", (0, -0.3), dxfattribs={"height": 0.4, "layer": "文字"})
    gap = 0.9
    for x0, x1 in ((0, 10), (10, 22), (22, 30)):
        middle = (x0 + x1) / 2
        for start, end in (((x0, 0), (middle - gap / 2, 0)), ((middle + gap / 2, 0), (x1, 0))):
            msp.add_line(start, end, dxfattribs={"layer": "墙线"})
    msp.add_line((0, 8), (30, 8), dxfattribs={"layer": "墙线"})
    for x in (0, 10, 22, 30):
        msp.add_line((x, 0), (x, 8), dxfattribs={"layer": "墙线"})
    for code, name, x0, y0, x1, y1 in ROOMS:
        ref = msp.add_blockref("ROOMTAG", ((x0 + x1) / 2, (y0 + y1) / 2),
                               dxfattribs={"layer": "文字"})
        ref.add_auto_attribs({"NO": code, "NAME": name})
    doc.saveas(path)


def write_floors_in_frames(path: Path) -> None:
    """Two floors side by side, each in a title frame with its name (一层平面图, 二层平面图)."""
    doc, msp = _new()
    for n, (title, dx) in enumerate((("一层平面图", 0.0), ("二层平面图", 60.0)), start=1):
        polylines_text(msp, dx, lambda code, n=n: f"{n}{code[1:]}")
        msp.add_lwpolyline(_rectangle(dx - 5, -10, dx + 40, 15), close=True,
                           dxfattribs={"layer": "图框"})
        msp.add_text(title, height=1.5, dxfattribs={"layer": "文字"}).set_placement(
            (dx + 10, -8))
    doc.saveas(path)


# -- DWG (issue 9): written with ezdwg, from a DXF or directly ----------------------------

# Rooms of floor 3: one spans two numbers, one has a two-line MTEXT label, one has none.
GBK_ROOMS = [("301 会议室", 0, 0, 10, 8), ("302,304 开放办公区", 10, 0, 30, 8),
             ("305\\P经理室", 30, 0, 36, 8), ("", 0, 8, 36, 11)]
GBK = dict(ezdwg.WRITE_CODEPAGES)["gbk"]  # $DWGCODEPAGE ANSI_936


def write_gbk_rooms(path: Path) -> None:
    """An R2000 DXF in GBK (ANSI_936): closed polylines on 房间, TEXT and MTEXT on 文字."""
    doc = ezdxf.new("R2000", units=6)  # metres
    doc.encoding = "gbk"  # an R2000 DXF is written in its code page, as CAD saves it
    for layer in ("房间", "文字"):
        doc.layers.add(layer)
    msp = doc.modelspace()
    for label, x0, y0, x1, y1 in GBK_ROOMS:
        msp.add_lwpolyline(_rectangle(x0, y0, x1, y1), close=True, dxfattribs={"layer": "房间"})
        middle = ((x0 + x1) / 2 - 2, (y0 + y1) / 2)
        if "\\P" in label:
            msp.add_mtext(label, dxfattribs={"layer": "文字", "char_height": 0.4,
                                             "insert": middle})
        elif label:
            msp.add_text(label, height=0.4, dxfattribs={"layer": "文字"}).set_placement(middle)
    doc.saveas(path)


def write_dwg_from_dxf(dxf: Path, dwg: Path, codepage: int = GBK) -> None:
    """An R2000 DWG of the DXF's layers, polylines, lines, TEXT and MTEXT.

    ezdwg reads no DXF, so the entities are copied one by one; any other kind
    stops the copy (nothing is left out quietly). Strings are stored in
    ``codepage`` (an index of ``ezdwg.WRITE_CODEPAGES``).
    """
    source = ezdxf.readfile(dxf)
    drawing = ezdwg.new()
    drawing.header["insunits"] = int(source.header.get("$INSUNITS", 0))
    drawing.header["codepage"] = codepage
    for layer in source.layers:
        if layer.dxf.name != "0":
            drawing.layers[layer.dxf.name] = {"color_index": abs(layer.dxf.color)}
    msp = drawing.modelspace()
    for entity in source.modelspace():
        kind, layer = entity.dxftype(), entity.dxf.layer
        if kind == "LWPOLYLINE":
            msp.add_lwpolyline([tuple(xy) for xy in entity.get_points("xy")],
                               closed=entity.closed, layer=layer)
        elif kind == "LINE":
            msp.add_line(tuple(entity.dxf.start), tuple(entity.dxf.end), layer=layer)
        elif kind == "TEXT":
            msp.add_text(entity.dxf.text, insert=tuple(entity.dxf.insert),
                         height=entity.dxf.height, layer=layer)
        elif kind == "MTEXT":
            msp.add_mtext(entity.text, insert=tuple(entity.dxf.insert),
                          char_height=entity.dxf.char_height, layer=layer)
        else:
            raise ValueError(f"{dxf.name}: no DWG copy for {kind}")
    drawing.save(dwg)


def write_tarch_dwg(path: Path, rooms: int, walls: int = 3, proxies: int = 1) -> None:
    """An R2000 DWG of ``rooms`` labelled rooms beside TArch walls and proxy entities.

    ezdwg writes no custom entities, so the DWG is written with raster IMAGEs
    (the one custom-class entity it writes) and then edited as a TArch
    drawing would be made: the IMAGE class becomes TArch's ``TCH_WALL``, and
    ``proxies`` of the entities become ``ACAD_PROXY_ENTITY`` (type 498). The
    section and object CRCs are recomputed, so readers take it as sound.
    """
    drawing = ezdwg.new()
    drawing.header["insunits"] = 4  # mm
    drawing.layers["ROOMS"] = {"color_index": 3}
    drawing.layers["WALL"] = {"color_index": 1}
    drawing.image_defs["wall"] = {"file_path": "wall.png", "size": (10, 10)}
    msp = drawing.modelspace()
    for i in range(rooms):
        x = i * 6000.0
        msp.add_lwpolyline([(x, 0), (x + 5000, 0), (x + 5000, 4000), (x, 4000)], closed=True,
                           layer="ROOMS")
        msp.add_text(f"A{i + 1}", insert=(x + 2000, 2000), height=300, layer="ROOMS")
    placed = [msp.add_image("wall", insert=(i * 6000.0, -1000.0), width=5000, layer="WALL")
              for i in range(walls + proxies)]
    drawing.save(path)
    _rename_class(path, "IMAGE", ("TArch ObjectDBX App", "TDbTchWall", "TCH_WALL"))
    for entity in placed[:proxies]:
        _retype_object(path, entity.handle, 498)  # ACAD_PROXY_ENTITY


def _bits(data: bytes) -> str:
    return "".join(f"{b:08b}" for b in data)


def _bytes(bits: str) -> bytes:
    return bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))


def _crc(data: bytes, seed: int = 0xC0C1) -> int:
    """The CRC of DWG sections and objects (CRC-16/ARC from ``seed``)."""
    crc = seed
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def _rename_class(path: Path, dxf_name: str, names: tuple[str, str, str]) -> None:
    """Give an R2000 DWG class new (application, C++ class, DXF) names.

    The three names together keep their length, so no bit of the file moves:
    only the classes section and its CRC change.
    """
    from ezdwg import raw

    data = bytearray(path.read_bytes())
    [(_, start, _size)] = [s for s in raw.list_section_locators(str(path)) if s[0] == "Classes"]
    size = int.from_bytes(data[start + 16:start + 20], "little")  # after the 16-byte sentinel
    bits = _bits(bytes(data[start + 20:start + 20 + size]))
    at = 0

    def short() -> int:  # a bitshort: 2-bit code, then 16, 8 or no bits
        nonlocal at
        code, at = bits[at:at + 2], at + 2
        if code == "00":
            at += 16
            return int(bits[at - 8:at] + bits[at - 16:at - 8], 2)
        if code == "01":
            at += 8
            return int(bits[at - 8:at], 2)
        return 0 if code == "10" else 256

    def text() -> str:
        count = short()
        begin = at
        return _bytes(bits[begin:begin + 8 * count]).decode("ascii"), begin + 8 * count

    while at < len(bits) - 64:
        record = at
        short(), short()  # class number, version
        strings = []
        for _ in range(3):
            value, end = text()
            strings.append(value)
            at = end
        if strings[2] == dxf_name:
            assert sum(map(len, names)) == sum(map(len, strings)) and all(
                0 < len(n) < 256 for n in names), "the names must keep the record's length"
            head_end = record
            for _ in range(2):  # keep the two bitshorts as they are
                at = head_end
                short()
                head_end = at
            body = "".join("01" + f"{len(n):08b}" + _bits(n.encode("ascii")) for n in names)
            bits = bits[:head_end] + body + bits[head_end + len(body):]
            break
        at += 1  # zombie flag
        short()  # item class id
    else:
        raise ValueError(f"{path.name}: no class {dxf_name}")
    data[start + 20:start + 20 + size] = _bytes(bits)
    crc = _crc(bytes(data[start + 16:start + 20 + size]))
    data[start + 20 + size:start + 22 + size] = crc.to_bytes(2, "little")
    path.write_bytes(bytes(data))


def _retype_object(path: Path, handle: int, kind: int) -> None:
    """Set the object type (a 16-bit bitshort, as a custom class's is) of one object."""
    from ezdwg import raw

    data = bytearray(path.read_bytes())
    [row] = [r for r in raw.list_object_headers_with_type(str(path)) if r[0] == handle]
    start = at = row[1]
    size, shift = 0, 0
    while True:  # the object's size, a modular short
        word = data[at] | data[at + 1] << 8
        at += 2
        size |= (word & 0x7FFF) << shift
        shift += 15
        if not word & 0x8000:
            break
    bits = _bits(bytes(data[at:at + size]))
    assert bits[:2] == "00", "only a 16-bit type can be replaced in place"
    bits = bits[:2] + f"{kind & 0xFF:08b}{kind >> 8:08b}" + bits[18:]
    data[at:at + size] = _bytes(bits)
    data[at + size:at + size + 2] = _crc(bytes(data[start:at + size])).to_bytes(2, "little")
    path.write_bytes(bytes(data))


DRAWINGS: dict[str, Callable[[Path], None]] = {
    "rooms_polylines_text.dxf": write_polylines_text,
    "rooms_hatches_mtext.dxf": write_hatches_mtext,
    "rooms_walls_attrib.dxf": write_walls_attrib,
    "floors_in_frames.dxf": write_floors_in_frames,
}


def ensure(folder: Path = HERE, again: bool = False) -> dict[str, Path]:
    """Every drawing's path, written first when missing (or when ``again``)."""
    paths = {}
    for name, write in DRAWINGS.items():
        path = folder / name
        if again or not path.is_file():
            write(path)
        paths[name] = path
    return paths


if __name__ == "__main__":
    for path in ensure(again="--keep" not in sys.argv).values():
        print(f"wrote {path} ({path.stat().st_size} bytes)")
