"""Time the floor-plan map on the 20,000-unit demo against a plain QGraphicsScene.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/render.py [units]

Every unit of the demo park is laid out in one scene (each floor's plan placed
on a grid), drawn by ``views.floor_plan.FloorPlanView`` and, in the same run,
by a plain ``QGraphicsScene`` of the same polygons with the same brushes.
Printed: scene build, full repaint, mode switch (recolour + repaint), and a
click's hit test; each the median of several runs, with the ratio to the
plain scene. Goals (issue 4): mode switch + repaint ≤ 60 ms, full repaint ≤
1.2× plain, click ≤ 1 ms.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import shapely
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsView,
)
from shapely import affinity, wkb

from demo.build import build_demo
from domain.map_modes import MapMode
from services.maps import thematic_map
from store.map_query import map_units
from store.read_model import ReadModel
from views.floor_plan import FloorPlanView, MapShape, to_qpolygon
from views.map_canvas import MapStyle

RUNS = 7
SIZE = (1600, 1000)


def median_ms(fn: object, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def layout(units: list) -> list[MapShape]:
    """Every floor's units on one sheet: floors packed in shelves, left to right."""
    floors: dict = {}
    for u in units:
        if u.geometry:
            floors.setdefault(u.floor_id, []).append((u.id, wkb.loads(u.geometry)))
    boxes = {f: shapely.bounds(shapely.union_all([p for _, p in members]))
             for f, members in floors.items()}
    gap = 4.0
    total = sum((b[2] - b[0] + gap) * (b[3] - b[1] + gap) for b in boxes.values())
    sheet = (total * SIZE[0] / SIZE[1]) ** 0.5  # a sheet of the view's shape
    shapes = []
    x = y = shelf = 0.0
    for floor, members in floors.items():
        x0, y0, x1, y1 = boxes[floor]
        if x > 0 and x + (x1 - x0) > sheet:
            x, y, shelf = 0.0, y + shelf + gap, 0.0
        shapes.extend(MapShape(uid, affinity.translate(p, x - x0, y - y0)) for uid, p in members)
        x += x1 - x0 + gap
        shelf = max(shelf, y1 - y0)
    return shapes


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.leasemap"
        build_demo(path, units=count, today=date(2026, 11, 22))
        reader = ReadModel(path)
        day = date(2026, 11, 22)
        units = map_units(reader, None, day)
        by_id = {u.id: u for u in units}
        shapes = layout(units)
        drawn = [by_id[s.id] for s in shapes]
        themes = {m: thematic_map(drawn, m, day) for m in (MapMode.RENT_CONTROL, MapMode.HEAT)}
        colours = {m: t.colours for m, t in themes.items()}
        print(f"{len(shapes)} unit polygons, view {SIZE[0]}×{SIZE[1]}")

        # -- plain QGraphicsScene: the baseline -----------------------------------------
        plain_view = QGraphicsView()
        plain_view.resize(*SIZE)
        plain_view.show()
        pen = QPen(QColor("#404040"), 0)
        brushes = {c: QBrush(QColor(c)) for cs in colours.values() for c in cs}
        plain_items: list[QGraphicsPolygonItem] = []

        def plain_build() -> None:
            scene = QGraphicsScene()
            plain_items.clear()
            first = colours[MapMode.RENT_CONTROL]
            for shape, colour in zip(shapes, first, strict=True):
                item = QGraphicsPolygonItem(to_qpolygon(shape.polygon.exterior.coords))
                item.setPen(pen)
                item.setBrush(brushes[colour])
                scene.addItem(item)
                plain_items.append(item)
            plain_view.setScene(scene)
            plain_view.fitInView(scene.itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)

        plain_build_ms = median_ms(plain_build, 3)
        app.processEvents()

        def plain_repaint() -> None:
            plain_view.viewport().repaint()

        plain_paint_ms = median_ms(plain_repaint)
        plain_state = [MapMode.RENT_CONTROL]

        def plain_switch() -> None:
            plain_state[0] = (MapMode.HEAT if plain_state[0] is MapMode.RENT_CONTROL
                              else MapMode.RENT_CONTROL)
            for item, colour in zip(plain_items, colours[plain_state[0]], strict=True):
                item.setBrush(brushes[colour])
            plain_view.viewport().repaint()

        plain_switch_ms = median_ms(plain_switch)

        # -- ours ---------------------------------------------------------------------------
        view = FloorPlanView()
        view.resize(*SIZE)
        view.show()
        style_for = {m: MapStyle(colours[m], labels=lambda i: drawn[i].code) for m in colours}

        def ours_build() -> None:
            view.show_floor(shapes)
            view.apply_style(style_for[MapMode.RENT_CONTROL])

        ours_build_ms = median_ms(ours_build, 3)
        app.processEvents()

        def ours_repaint() -> None:
            view.viewport().repaint()

        ours_paint_ms = median_ms(ours_repaint)
        state = [MapMode.RENT_CONTROL]

        def ours_switch() -> None:
            state[0] = MapMode.HEAT if state[0] is MapMode.RENT_CONTROL else MapMode.RENT_CONTROL
            view.apply_style(style_for[state[0]])
            view.viewport().repaint()

        ours_switch_ms = median_ms(ours_switch)

        def theme_switch() -> None:  # a mode's first visit: values, classes, legend
            thematic_map(drawn, MapMode.HEAT, day)

        theme_ms = median_ms(theme_switch, 3)

        def first_visit() -> None:  # what a never-seen mode costs, drawing included
            theme = thematic_map(drawn, MapMode.REVENUE, day)
            view.apply_style(MapStyle(theme.colours, labels=lambda i: drawn[i].code))
            view.viewport().repaint()

        first_ms = median_ms(first_visit, 3)
        rng = random.Random(1)
        points = [QPoint(rng.randrange(SIZE[0] - 20), rng.randrange(SIZE[1] - 20))
                  for _ in range(1000)]
        start = time.perf_counter()
        hits = sum(1 for p in points if view.unit_at(p) is not None)
        click_ms = (time.perf_counter() - start) * 1000 / len(points)
        reader.close()

    def line(name: str, ours: float, plain: float, goal: str) -> None:
        print(f"{name:<30} {ours:8.1f} ms   plain {plain:8.1f} ms   ratio {ours / plain:5.2f}"
              f"   {goal}")

    line("build scene", ours_build_ms, plain_build_ms, "")
    line("full repaint", ours_paint_ms, plain_paint_ms, "goal ≤ 1.2×")
    line("mode switch + repaint", ours_switch_ms, plain_switch_ms, "goal ≤ 60 ms")
    print(f"{'classify a mode (thematic_map)':<30} {theme_ms:8.1f} ms   (values, classes, legend;"
          " cached per mode after its first visit)")
    print(f"{'first visit to a mode, drawn':<30} {first_ms:8.1f} ms")
    print(f"{'click hit test':<30} {click_ms:8.3f} ms   ({hits} of {len(points)} on a unit;"
          " goal ≤ 1 ms)")


if __name__ == "__main__":
    main()
