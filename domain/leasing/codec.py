"""Rent terms to a JSON document and back, exactly: what a contract version stores and syncs.

Decimals travel as strings, dates as ISO text, enums by value, tuples as
lists and mappings with their keys as text; a field missing from an older
document takes its default, so terms grow new clauses without a migration.

>>> from datetime import date
>>> from decimal import Decimal as D
>>> from domain.leasing.clauses import Escalation, EscalationKind, RentTerms
>>> t = RentTerms(D("150.00"), D("80"), date(2026, 4, 10), date(2027, 4, 9),
...               escalation=Escalation(EscalationKind.CPI_CHANGE, index={2025: D("100.0")}))
>>> terms_from_json(terms_to_json(t)) == t
True
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from typing import Any

from domain.leasing.clauses import RentTerms


class TermsDocumentError(ValueError):
    """A stored terms document that does not read back (names the field)."""


def terms_to_json(terms: RentTerms) -> dict[str, Any]:
    return _dump(terms)


def terms_from_json(doc: Mapping[str, Any]) -> RentTerms:
    return _load(RentTerms, doc, "terms")


def _dump(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _dump(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_dump(v) for v in value]
    if isinstance(value, Mapping):
        return {_key(k): _dump(v) for k, v in value.items()}
    return value


def _key(key: Any) -> str:
    if isinstance(key, date):
        return key.isoformat()
    return str(key)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


class _Bad(Exception):
    """A value that does not read: where in the document (built up on the way out)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path, self.message = path, message


def _load(kind: Any, value: Any, where: str) -> Any:
    try:
        return _decoder(kind)(value)
    except _Bad as bad:
        raise TermsDocumentError(f"{where}{bad.path}: {bad.message}") from bad


_READ_ERRORS = (TypeError, ValueError, InvalidOperation, KeyError)


@cache
def _decoder(kind: Any) -> Callable[[Any], Any]:
    """A reader of ``kind``'s values, made once per type: a billing run reads thousands of
    documents, and working out a type's shape each time cost more than the reading."""
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        inner = _decoder(next(a for a in args if a is not type(None)))
        return lambda value: None if value is None else inner(value)
    if dataclasses.is_dataclass(kind):
        return _dataclass_decoder(kind)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return lambda value: tuple(_item(item, v, i) for i, v in enumerate(value))
        items = [_decoder(a) for a in args]
        return lambda value: tuple(_item(d, v, i) for i, (d, v) in enumerate(
            zip(items, value, strict=True)))
    if origin in (Mapping, dict, typing.Mapping) or kind is dict:
        key, item = _decoder(args[0]), _decoder(args[1])
        return lambda value: {_item(key, k, k): _item(item, v, k) for k, v in value.items()}
    if isinstance(kind, type) and issubclass(kind, Enum):
        return _plain(kind)
    if kind is Decimal:
        return _plain(lambda value: Decimal(str(value)))
    if kind is date:
        return _plain(date.fromisoformat)
    if kind is int:
        return _plain(int)
    if kind is bool:
        def boolean(value: Any) -> bool:
            if not isinstance(value, bool):
                raise _Bad("", "expected true or false")
            return value
        return boolean
    if kind is str:
        return _plain(str)

    def unknown(value: Any) -> Any:
        raise _Bad("", f"cannot read {kind!r}")
    return unknown


def _plain(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def read(value: Any) -> Any:
        try:
            return convert(value)
        except _READ_ERRORS as exc:
            raise _Bad("", str(exc)) from exc
    return read


def _item(decode: Callable[[Any], Any], value: Any, index: Any) -> Any:
    try:
        return decode(value)
    except _Bad as bad:
        raise _Bad(f"[{index}]{bad.path}", bad.message) from bad


def _dataclass_decoder(kind: type) -> Callable[[Any], Any]:
    hints = _hints(kind)
    fields = [(f.name, _decoder(hints[f.name]),
               f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
              for f in dataclasses.fields(kind)]

    def read(value: Any) -> Any:
        if not isinstance(value, Mapping):
            raise _Bad("", "expected an object")
        made = {}
        for name, decode, required in fields:
            if name in value:
                try:
                    made[name] = decode(value[name])
                except _Bad as bad:
                    raise _Bad(f".{name}{bad.path}", bad.message) from bad
                except _READ_ERRORS as exc:
                    raise _Bad(f".{name}", str(exc)) from exc
            elif required:
                raise _Bad(f".{name}", "missing")
        try:
            return kind(**made)
        except _READ_ERRORS as exc:
            raise _Bad("", str(exc)) from exc
    return read
