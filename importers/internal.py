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
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import TypeVar

from importers.plan import ImportedPlan, failed

T = TypeVar("T")

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


class Damaged(Exception):
    """Damage a library met in the file, or a value of the wrong type it handed us.

    ezdxf raises ``AttributeError`` or ``TypeError`` on a damaged entity and
    ifcopenshell hands back whatever a damaged file holds; those are the file's
    problem, so they are turned into this where the library is called, and the
    same types raised by our own code around it stay programming errors.
    """


class LibraryDamage:
    """``with guard:`` around a library's access to a file's data, and nothing else.

    The ``kinds`` the library raises on damaged input leave the block as
    :class:`Damaged`; a block holding our own logic would hide its bugs again.
    A plain class, not ``contextlib``: the DXF reader enters one per entity.
    """

    __slots__ = ("kinds",)

    def __init__(self, *kinds: type[BaseException]) -> None:
        self.kinds = kinds

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is not None and isinstance(exc, self.kinds) and not isinstance(exc, Damaged):
            raise Damaged(f"{type(exc).__name__}: {exc}") from exc

    def each(self, items: Iterable[T]) -> Iterator[T]:
        """A lazy library iterator's items, its damage while making each one as Damaged.

        The loop body that uses them stays outside the guard.
        """
        with self:
            iterator = iter(items)
        while True:
            with self:
                try:
                    item = next(iterator)
                except StopIteration:
                    return
            yield item


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
