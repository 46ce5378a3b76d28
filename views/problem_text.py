"""Importer findings and unit reasons in the user's language.

Importers live below Qt and write their findings in English; each carries a
stable ``code`` and its variable parts in ``params``. Here each code has a
translatable template; a code whose message has several forms names the form
in ``params["case"]`` and has one template per form (``"code:case"``). A
finding without a template (or without the params it needs) is shown as the
importer wrote it.

A proposed unit's ``reason`` works the same way: ``reason_code`` picks the
template, ``reason_params`` (or the unit's ``source``) fill it. Its ``use``
(leasable, common, building common) and why (``use_reason``, ``use_word``,
``use_from``: ``domain.room_classification``) are said by :func:`use_text`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

# Qt's translate once QtCore is loaded, the English before: the CLI in English skips Qt.
from views.message_text import translate

TEMPLATES: dict[str, Callable[[], str]] = {
    # reading the file
    "no-file": lambda: translate("Problems", "{file}: no such file"),
    "unknown-format": lambda: translate(
        "Problems",
        "{file} is not a DXF, DWG or IFC file; Leasemap imports floor plans in those "
        "three formats",
    ),
    "unreadable:open": lambda: translate("Problems", "{file}: cannot open the file ({detail})"),
    "unreadable:empty": lambda: translate("Problems", "{file}: the file is empty"),
    "unreadable:not-dxf": lambda: translate(
        "Problems", "{file}: not a DXF file (no SECTION/group-code structure)"
    ),
    "unreadable:read": lambda: translate("Problems", "{file}: cannot read the file ({detail})"),
    "unreadable:nothing-recovered": lambda: translate(
        "Problems", "{file}: damaged or truncated DXF, nothing could be recovered"
    ),
    "unreadable:recover-failed": lambda: translate(
        "Problems", "{file}: not a readable DXF ({cause}; recover: {detail})"
    ),
    "unreadable:reader": lambda: translate(
        "Problems", "{file}: the {format} file could not be read ({detail})"
    ),
    "internal": lambda: translate("Problems", "{file}: could not be interpreted ({detail})"),
    "internal-error": lambda: translate(
        "Problems",
        "{file}: Leasemap hit an internal error while reading the file ({detail}); this is a "
        "bug, not a problem with the drawing: the details are in the log",
    ),
    "truncated": lambda: translate(
        "Problems",
        "{file} has no EOF marker: it may be truncated, so the drawing may be incomplete",
    ),
    "recovered": lambda: translate(
        "Problems", "{file} is damaged ({detail}); read it in recover mode"
    ),
    # DWG (importers.dwg): read by converting it to DXF with ezdwg
    "dwg-version:older": lambda: translate(
        "Problems", "{file} is a DWG {version} ({release}), which Leasemap cannot read: save it "
        "as DXF, or as a DWG of AutoCAD 2000 to 2018"
    ),
    "dwg-version:newer": lambda: translate(
        "Problems", "{file} is a DWG {version} newer than AutoCAD 2018, which Leasemap cannot "
        "read: save it as DXF, or as a DWG of AutoCAD 2000 to 2018"
    ),
    "dwg-reader-missing": lambda: translate(
        "Problems", "{file}: reading DWG needs the ezdwg package, which is not installed "
        "(pip install ezdwg); or save the drawing as DXF"
    ),
    "dwg-unreadable": lambda: translate(
        "Problems", "{file}: the DWG file is damaged and could not be read ({detail}); open it "
        "in CAD and save it again, or save it as DXF"
    ),
    "dwg-converted": lambda: translate(
        "Problems", "{file}: read as a DWG {release} ({version}), converted to DXF"
    ),
    "dwg-converted:skipped": lambda: translate(
        "Problems", "{file}: read as a DWG {release} ({version}), converted to DXF; {count} "
        "objects could not be converted ({kinds})"
    ),
    # TArch (天正) and other vertical products' objects, unseen by a plain DXF reader
    "custom-objects": lambda: translate(
        "Problems", "{file} holds {count} objects of a vertical product that a plain DXF "
        "reader cannot see ({kinds}): its walls and rooms may be among them. Export a plain "
        "drawing (TArch: “Save as T3” / 导出T3) and import that."
    ),
    "custom-objects:few-rooms": lambda: translate(
        "Problems", "{file}: only {rooms} rooms were found beside {count} objects of a "
        "vertical product that a plain DXF reader cannot see ({kinds}). Export a plain "
        "drawing (TArch: “Save as T3” / 导出T3) and import that."
    ),
    # {detail} is ezdxf's own English text, passed through
    "audit": lambda: translate("Problems", "DXF audit: {detail}"),
    "audit:more": lambda: translate("Problems", "… and {count} more audit findings"),
    "bad-entity": lambda: translate("Problems", "skipped a damaged {kind}"),
    "deep-blocks": lambda: translate(
        "Problems", "blocks nested too deeply: inner ones skipped"
    ),
    # interpreting a DXF drawing
    "layer-roles": lambda: translate(
        "Problems",
        "{count} layers — rooms: {rooms}; walls: {walls}; labels: {labels}; "
        "outline: {outline}; background: {background}; ignored: {ignore}",
    ),
    "blocks-exploded": lambda: translate("Problems", "{count} block references exploded"),
    "units": lambda: translate(
        "Problems", "the drawing's header says {said}; its size says {unit}: taken as {unit}"
    ),
    "units:no-header": lambda: translate(
        "Problems", "the drawing's header names no unit; its size says {unit}: taken as {unit}"
    ),
    "units:by-hand": lambda: translate("Problems", "drawing units set to {unit} by hand"),
    "units:unknown": lambda: translate(
        "Problems", "unknown drawing unit '{unit}'; choose one of {choices}"
    ),
    "rooms-found:outlines": lambda: translate(
        "Problems", "{count} rooms from closed outlines on room layers; {dropped} faces dropped"
    ),
    "rooms-found:walls": lambda: translate(
        "Problems",
        "{count} rooms from faces of wall linework ({gaps} gaps up to {gap} m bridged); "
        "{dropped} faces dropped",
    ),
    "area-mismatch": lambda: translate(
        "Problems", "label '{label}' states {stated} m² but its outline measures {computed} m²"
    ),
    "background-simplified": lambda: translate(
        "Problems", "background linework simplified to keep the drawing fast"
    ),
    "floors-split:layouts": lambda: translate(
        "Problems",
        "split into {count} floors by paper-space layouts; {named} named from the drawing; "
        "rooms per floor: {floors}",
    ),
    "floors-split:frames": lambda: translate(
        "Problems",
        "split into {count} floors by title frames; {named} named from the drawing; "
        "rooms per floor: {floors}",
    ),
    "floors-split:clusters": lambda: translate(
        "Problems",
        "split into {count} floors by separate clusters of rooms; {named} named from the "
        "drawing; rooms per floor: {floors}",
    ),
    # IFC models
    "ifc-unreadable:open": lambda: translate("Problems", "{file}: cannot be opened ({detail})"),
    "ifc-unreadable:parse": lambda: translate(
        "Problems", "{file}: cannot be read as IFC ({detail})"
    ),
    "ifc-empty": lambda: translate("Problems", "{file}: the file is empty"),
    "ifc-not-step:zip": lambda: translate(
        "Problems", "{file}: is a zip (ifcZIP); unzip it and import the .ifc"
    ),
    "ifc-not-step:xml": lambda: translate(
        "Problems", "{file}: is ifcXML, not an IFC STEP file; export as .ifc"
    ),
    "ifc-not-step:other": lambda: translate(
        "Problems", "{file}: not an IFC STEP file; export as .ifc"
    ),
    "ifc-damaged": lambda: translate(
        "Problems", "{file}: the file is damaged and could not be read ({detail})"
    ),
    "ifc-unsupported-schema": lambda: translate(
        "Problems", "{file}: schema {schema} is not supported; export as IFC2X3, IFC4 or IFC4X3"
    ),
    "ifc-no-spaces": lambda: translate(
        "Problems", "{file}: no rooms (IfcSpace) found; floors are imported without units"
    ),
    "ifc-no-storeys": lambda: translate(
        "Problems", "{file}: no storeys (IfcBuildingStorey) found"
    ),
    "ifc-storey-unnamed": lambda: translate(
        "Problems", "storey {id} has no name; called '{name}'"
    ),
    "ifc-storey-no-elevation": lambda: translate(
        "Problems", "storey '{name}' ({id}) states no elevation; it is listed after the others"
    ),
    "ifc-space-no-storey": lambda: translate(
        "Problems", "space '{space}' (GlobalId {id}) is not in any storey; not imported"
    ),
    "ifc-space-no-geometry": lambda: translate(
        "Problems", "space '{space}' (GlobalId {id}) has no usable geometry; not imported"
    ),
    "ifc-area-mismatch": lambda: translate(
        "Problems",
        "space '{space}': computed {computed} m² differs from stated {stated} m² by {percent} %",
    ),
    "ifc-duplicate-globalid:file": lambda: translate(
        "Problems",
        "{count} GlobalIds are used more than once ({ids}); the first space or storey keeps "
        "its GlobalId as key, later ones get '#2', '#3' …",
    ),
    "ifc-duplicate-globalid:space": lambda: translate(
        "Problems",
        "space '{space}' (GlobalId {id}) repeats a GlobalId already used; imported with key "
        "{key}",
    ),
    "ifc-no-area-unit": lambda: translate(
        "Problems", "the project declares no area unit; stated areas taken in ({unit})²"
    ),
    "ifc-text-encoding:undecodable": lambda: translate(
        "Problems", "{count} names hold raw 8-bit text that could not be decoded; kept"
    ),
    "ifc-text-encoding:decoded": lambda: translate(
        "Problems", "{count} names held raw {encoding} bytes instead of STEP escapes; decoded"
    ),
    "ifc-walls-skipped": lambda: translate(
        "Problems",
        "{count} walls need the geometry kernel; skipped to keep the import fast "
        "(limit {limit}), so they are missing from the background",
    ),
    "zone-not-contiguous": lambda: translate(
        "Problems", "zone '{zone}' on {floor}: its spaces do not touch; the unit is in several "
        "pieces",
    ),
    "zone-not-contiguous:no-floor": lambda: translate(
        "Problems", "zone '{zone}': its spaces do not touch; the unit is in several pieces"
    ),
    "no-zones": lambda: translate("Problems", "no spaces belong to an IfcZone"),
    # a room whose use nothing in the drawing decided (importers.plan.use_review)
    "use-undecided": lambda: translate(
        "Problems", "room {room} on {floor} ({area} m²): nothing in the drawing says whether "
        "it is common area; imported as leasable"
    ),
    "use-undecided:unlabelled": lambda: translate(
        "Problems", "an unlabelled room of {area} m² on {floor}: nothing in the drawing says "
        "whether it is common area; imported as leasable"
    ),
    # which level each floor is (importers.levels): the wizard asks for what is missing
    "level-unknown": lambda: translate(
        "Problems", "Neither the name nor the title of {file} says which floor it is: enter "
        "its level."
    ),
    "level-unknown:roof": lambda: translate(
        "Problems", "{file} names the roof (“{word}”), which is not a level: enter its level."
    ),
    "level-conflict": lambda: translate(
        "Problems", "“{text}” names two floors, “{first}” (level {first_level}) and “{second}” "
        "(level {second_level}): enter the right level."
    ),
    "level-conflict:title": lambda: translate(
        "Problems", "The file name {file} says level {first_level} but the drawing's title "
        "“{text}” says level {second_level}: enter the right level."
    ),
    "levels-unknown": lambda: translate(
        "Problems", "{file} has {count} floors and no level in the title of {floors}: enter "
        "each floor's level."
    ),
    "levels-count": lambda: translate(
        "Problems", "{given} levels were given but {file} has {count} floors ({floors})."
    ),
    "levels-repeated": lambda: translate(
        "Problems", "Floors “{first}” and “{second}” would both be level {level}: give each "
        "floor its own level."
    ),
    "floor-multi": lambda: translate(
        "Problems", "One level was given but {file} has {count} floors: give each floor its "
        "level."
    ),
}

REASONS: dict[str, Callable[[], str]] = {
    "outline": lambda: translate("Problems", "closed outline on room layer {layer}"),
    "outline-labelled": lambda: translate(
        "Problems", "closed outline on room layer {layer} with a label"
    ),
    "layer": lambda: translate("Problems", "the only closed outline on layer {layer}"),
    "walls": lambda: translate("Problems", "face of wall linework, no label"),
    "walls-labelled": lambda: translate("Problems", "face of wall linework with a label"),
    "ifc-space-profile": lambda: translate("Problems", "extrusion profile"),
    "ifc-space-footprint": lambda: translate("Problems", "2D footprint"),
    "ifc-space-kernel": lambda: translate("Problems", "geometry kernel"),
    "ifc-zone": lambda: translate("Problems", "IfcZone of {count} spaces"),
}
SMALL = "-small"  # a reason code's suffix: the unit is below the smallest room size

# A unit's use (domain.space_use.SpaceUse values), in a sentence.
USES: dict[str, Callable[[], str]] = {
    "leasable": lambda: translate("Problems", "leasable"),
    "common": lambda: translate("Problems", "common"),
    "building_common": lambda: translate("Problems", "building common"),
}
# Why a unit has its use: per word's source for a word, else per use_reason.
USE_REASONS: dict[str, Callable[[], str]] = {
    "label": lambda: translate("Problems", "the label says “{word}”"),
    "name": lambda: translate("Problems", "the name says “{word}”"),
    "long_name": lambda: translate("Problems", "the long name says “{word}”"),
    "object_type": lambda: translate("Problems", "the object type says “{word}”"),
    "classification": lambda: translate("Problems", "classified as “{word}”"),
    "layer": lambda: translate("Problems", "the layer's name says “{word}”"),
    "room-number": lambda: translate("Problems", "only a room number (“{word}”)"),
    "undecided": lambda: translate("Problems", "nothing in the drawing says; check it"),
    "manual": lambda: translate("Problems", "set by hand"),
}
WORD_REASONS = ("common-word", "leasable-word")


def _template_key(code: str, params: Mapping[str, Any]) -> str:
    """Which template says ``code``: per form when the message has several."""
    case = params.get("case")
    if case:
        return f"{code}:{case}"
    if code == "units":
        if "said" not in params:  # a person chose the unit: no guess to report
            return "units:by-hand"
        if params["said"] == "nothing":
            return "units:no-header"
    return code


def _prepared(code: str, params: Mapping[str, Any]) -> Mapping[str, Any]:
    if code == "layer-roles":  # a role no layer has
        none = translate("Problems", "none")
        return {k: (v if v != "" else none) for k, v in params.items()}
    return params


def _fill(template: Callable[[], str] | None, params: Mapping[str, Any], fallback: str) -> str:
    if template is None:
        return fallback
    try:
        return template().format_map(params)
    except (KeyError, IndexError, ValueError, AttributeError):
        return fallback


def problem_text(problem: Mapping[str, Any]) -> str:
    """A finding (as in ``ImportedPlan.to_json()``) in the current language."""
    params = problem.get("params") or {}
    code = str(problem.get("code", ""))
    template = TEMPLATES.get(_template_key(code, params))
    return _fill(template, _prepared(code, params), str(problem.get("message", "")))


def _reason_params(unit: Mapping[str, Any]) -> Mapping[str, Any]:
    params = unit.get("reason_params")
    if params is not None:
        return params
    source = unit.get("source") or {}  # a unit not from to_json(): its source has the parts
    if "spaces" in source:
        return {"count": str(len(source["spaces"]))}
    if "layer" in source:
        return {"layer": str(source["layer"])}
    return {}


def reason_text(unit: Mapping[str, Any]) -> str:
    """How a proposed unit (as in ``ImportedPlan.to_json()``) was found, in the current language."""
    english = str(unit.get("reason", ""))
    code = str(unit.get("reason_code") or "")
    small = code.endswith(SMALL)
    base = code[: -len(SMALL)] if small else code
    text = _fill(REASONS.get(base), _reason_params(unit), "")
    if not text:
        return english
    if small:
        return translate("Problems", "{reason} (very small)").format(reason=text)
    return text


def use_name(use: str) -> str:
    """A use (``"common"``) in the current language; an unknown one as it is."""
    template = USES.get(use)
    return template() if template is not None else use


def use_reason_text(unit: Mapping[str, Any]) -> str:
    """Why a proposed unit (as in ``ImportedPlan.to_json()``) has its use."""
    reason = str(unit.get("use_reason") or "")
    key = str(unit.get("use_from") or "") if reason in WORD_REASONS else reason
    return _fill(USE_REASONS.get(key), {"word": unit.get("use_word", "")}, reason)


def use_text(unit: Mapping[str, Any]) -> str:
    """A proposed unit's use and why: ``common (the label says “走廊”)``."""
    use = use_name(str(unit.get("use") or "leasable"))
    why = use_reason_text(unit)
    if not why:
        return use
    return translate("Problems", "{use} ({why})").format(use=use, why=why)


REVIEW_CODES = ("use-undecided",)  # INFO findings a report lists for a person to check


def review_line(message: str) -> str:
    """A finding that asks a person to check something, as a line of a report."""
    return translate("Problems", "check: {message}").format(message=message)
