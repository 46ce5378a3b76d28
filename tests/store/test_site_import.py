"""A site drawing places the park's buildings: footprints by label, the rest as site plan."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import ezdxf
import pytest
from sqlalchemy import select

from importers.read import read_plan
from services.importing import apply_site, rehearse_site
from spatial.geometry import polygon_from_wkb
from store.plan_import import PlanImportError
from store.schema import Building, Outbox, Park
from store.site_import import import_site
from store.workspace import Workspace
from tests.small_park import build_small_workspace

ROOT = Path(__file__).resolve().parents[2]
BOXES = [(0, 0, 60, 25), (80, 0, 150, 40), (0, 60, 40, 90)]


def write_site(path: Path, labels: tuple[str, ...] = ("A栋", "Building B", "Z栋"),
               roads: bool = True) -> Path:
    """Three labelled building outlines and (unless not ``roads``) two roads, in metres."""
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    for layer in ("总图-建筑", "总图-文字", "总图-道路"):
        doc.layers.add(layer)
    for (x0, y0, x1, y1), text in zip(BOXES, labels, strict=False):
        msp.add_lwpolyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], close=True,
                           dxfattribs={"layer": "总图-建筑"})
        msp.add_text(text, height=3, dxfattribs={"layer": "总图-文字"}).set_placement(
            ((x0 + x1) / 2, (y0 + y1) / 2))
    if roads:
        msp.add_line((-10, -10), (170, -10), dxfattribs={"layer": "总图-道路"})
        msp.add_line((-10, 50), (170, 50), dxfattribs={"layer": "总图-道路"})
    doc.saveas(path)
    return path


@pytest.fixture
def park(tmp_path):
    return build_small_workspace(tmp_path / "site.leasemap")


def test_labelled_outlines_become_footprints_and_roads_the_site_plan(park, tmp_path):
    plan = read_plan(write_site(tmp_path / "site.dxf"))
    workspace = Workspace.open(park.path)
    with workspace.transaction() as session:
        changes = import_site(session, plan)
    assert changes.placed == [("A", Decimal("1500.00")), ("B", Decimal("2800.00"))]
    assert changes.unmatched == ["Z栋"]
    assert changes.not_drawn == []
    assert changes.site_plan
    with workspace.reading() as session:
        footprints = {b.code: polygon_from_wkb(b.footprint) for b in session.scalars(
            select(Building))}
        assert footprints["A"].bounds == (0.0, 0.0, 60.0, 25.0)
        assert footprints["B"].bounds == (80.0, 0.0, 150.0, 40.0)
        site = session.scalars(select(Park)).one().site_plan
        assert polygon_from_wkb(site).length == pytest.approx(360.0)
        ops = session.scalars(select(Outbox).where(Outbox.field.in_(["footprint",
                                                                    "site_plan"]))).all()
        assert len(ops) == 3  # two footprints and the site plan, each with its outbox op
    workspace.close()
    assert "outlines naming no building of the park: Z栋" in changes.summary()


def test_a_drawing_naming_no_building_writes_nothing(park, tmp_path):
    plan = read_plan(write_site(tmp_path / "other.dxf", ("X栋", "Y栋", "Q")))
    workspace = Workspace.open(park.path)
    with (pytest.raises(PlanImportError, match=r"no outline is labelled .* labels found: X栋"),
          workspace.transaction() as session):
        import_site(session, plan)
    with workspace.reading() as session:
        assert all(b.footprint is None for b in session.scalars(select(Building)))
        assert session.scalars(select(Park)).one().site_plan is None
    workspace.close()


def test_cli_imports_a_site_plan_and_dry_run_writes_nothing(park, tmp_path):
    site = write_site(tmp_path / "site.dxf")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "app", "import", str(site), "--site",
                               "--workspace", str(park.path), *extra], capture_output=True,
                              text=True, env=env, cwd=ROOT, check=False)

    dry = run("--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert report["dry_run"] and [p["building"] for p in report["site"]["placed"]] == ["A", "B"]
    workspace = Workspace.open(park.path)
    with workspace.reading() as session:
        assert all(b.footprint is None for b in session.scalars(select(Building)))
    workspace.close()
    done = run()
    assert done.returncode == 0, done.stderr
    assert "2 buildings placed on the site plan" in done.stdout
    both = subprocess.run([sys.executable, "-m", "app", "import", str(site), "--site",
                           "--building", "A", "--workspace", str(park.path)],
                          capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    assert both.returncode == 2 and "--building CODE for a floor plan, or --site" in both.stderr


def test_a_new_site_drawing_replaces_the_old_one(park, tmp_path):
    workspace = Workspace.open(park.path)
    with workspace.transaction() as session:
        import_site(session, read_plan(write_site(tmp_path / "one.dxf")))
    only_a = write_site(tmp_path / "two.dxf", ("A栋", "Z栋"))
    with workspace.transaction() as session:
        changes = import_site(session, read_plan(only_a))
    assert [c for c, _ in changes.placed] == ["A"] and changes.not_drawn == ["B"]
    with workspace.reading() as session:
        footprints = {b.code: b.footprint for b in session.scalars(select(Building))}
        assert footprints["A"] is not None and footprints["B"] is None  # laid out again
    workspace.close()


def site_plan_of(workspace: Workspace) -> bytes | None:
    with workspace.reading() as session:
        return session.scalars(select(Park)).one().site_plan


def test_a_drawing_without_linework_keeps_the_site_plan_unless_told(park, tmp_path):
    workspace = Workspace.open(park.path)
    apply_site(workspace, read_plan(write_site(tmp_path / "one.dxf")))
    old = site_plan_of(workspace)
    assert old is not None
    bare = read_plan(write_site(tmp_path / "bare.dxf", roads=False))
    assert all(f.background is None or f.background.is_empty for f in bare.floors)
    rehearsed = rehearse_site(workspace, bare)
    assert rehearsed.site_plan_kept and not rehearsed.site_plan_removed
    changes = apply_site(workspace, bare)
    assert changes.site_plan_kept and [c for c, _ in changes.placed] == ["A", "B"]
    assert site_plan_of(workspace) == old
    assert "the previous site plan is kept" in changes.summary()
    changes = apply_site(workspace, bare, replace_site_plan=True)
    assert changes.site_plan_removed and site_plan_of(workspace) is None
    workspace.close()


def test_cli_keeps_the_site_plan_without_replace_flag(park, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def run(drawing: Path, *extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "app", "import", str(drawing), "--site",
                               "--workspace", str(park.path), *extra], capture_output=True,
                              text=True, env=env, cwd=ROOT, check=False)

    assert run(write_site(tmp_path / "one.dxf")).returncode == 0
    bare = write_site(tmp_path / "bare.dxf", roads=False)
    kept = run(bare, "--json")
    assert kept.returncode == 0, kept.stderr
    assert json.loads(kept.stdout)["site"]["site_plan_kept"]
    workspace = Workspace.open(park.path)
    assert site_plan_of(workspace) is not None
    workspace.close()
    removed = run(bare, "--replace-site-plan")
    assert removed.returncode == 0, removed.stderr
    assert "the previous site plan is removed" in removed.stdout
    workspace = Workspace.open(park.path)
    assert site_plan_of(workspace) is None
    workspace.close()
