"""Telling a bug in a reader from a damaged file.

A damaged file is the user's problem and gets a message about the file; an
``AttributeError`` or ``KeyError`` raised by our own code is ours, and must
not be dressed up as "the file could not be interpreted": the readers let
these through, and :func:`importers.read.read_plan` reports them as an
internal error (code ``internal-error``) with the traceback in the log, so
the fuzz tests fail on them and a user can send the log.
"""

from __future__ import annotations

import logging
import traceback

from importers.plan import ImportedPlan, failed

log = logging.getLogger("leasemap.importers")

# What a mistake in our code raises; a damaged file surfaces as ValueError,
# OSError, ezdxf's DXFError, ifcopenshell's errors, GEOS errors and the like.
PROGRAMMING_ERRORS: tuple[type[BaseException], ...] = (
    AttributeError,
    TypeError,
    KeyError,
    IndexError,
    NameError,
    AssertionError,
    ZeroDivisionError,
    RecursionError,
)
INTERNAL_ERROR = "internal-error"


def internal_error(source: str, fmt: str, exc: BaseException) -> ImportedPlan:
    """A plan holding the bug's report; the traceback goes to the log."""
    log.error("internal error while reading %s", source, exc_info=exc)
    last = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    where = f" at {last[0].filename.rsplit('/', 1)[-1]}:{last[0].lineno}" if last else ""
    detail = f"{type(exc).__name__}: {exc}{where}"
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return failed(
        source,
        fmt,
        INTERNAL_ERROR,
        f"{name}: Leasemap hit an internal error while reading the file ({detail}); "
        "this is a bug, not a problem with the drawing: the details are in the log",
        {"file": name, "detail": detail},
    )
