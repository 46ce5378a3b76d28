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
from collections.abc import Mapping
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


def _load(kind: Any, value: Any, where: str) -> Any:
    try:
        return _convert(kind, value, where)
    except TermsDocumentError:
        raise
    except (TypeError, ValueError, InvalidOperation, KeyError) as exc:
        raise TermsDocumentError(f"{where}: {exc}") from exc


def _convert(kind: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        inner = [a for a in args if a is not type(None)]
        return _load(inner[0], value, where)
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, Mapping):
            raise TermsDocumentError(f"{where}: expected an object")
        hints = _hints(kind)
        made = {}
        for f in dataclasses.fields(kind):
            if f.name in value:
                made[f.name] = _load(hints[f.name], value[f.name], f"{where}.{f.name}")
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise TermsDocumentError(f"{where}.{f.name}: missing")
        return kind(**made)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_load(args[0], v, f"{where}[{i}]") for i, v in enumerate(value))
        return tuple(_load(a, v, f"{where}[{i}]") for i, (a, v) in enumerate(zip(args, value,
                                                                                strict=True)))
    if origin in (Mapping, dict, typing.Mapping) or kind is dict:
        key_kind, value_kind = args
        return {_load(key_kind, k, where): _load(value_kind, v, f"{where}[{k}]")
                for k, v in value.items()}
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind is Decimal:
        return Decimal(str(value))
    if kind is date:
        return date.fromisoformat(value)
    if kind is int:
        return int(value)
    if kind is bool:
        if not isinstance(value, bool):
            raise TermsDocumentError(f"{where}: expected true or false")
        return value
    if kind is str:
        return str(value)
    raise TermsDocumentError(f"{where}: cannot read {kind!r}")
