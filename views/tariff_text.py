"""The Tariffs dialog's words without widgets: kinds, price summaries, the live example and
refusals, so the dialog, its tests and the meter views say a tariff alike.

A price summary is what a clerk checks against the utility's notice:
"0.85 元/kWh" (flat), "峰 1.35 / 平 0.85 / 谷 0.45" (time of use),
"0–10 m³ 3.50; 10+ 5.60" (tiered: each band from where the one before ends).
Figures are shown as stored (a price of 0.5283 stays 0.5283: utilities price to
four places). The example prices a quantity by ``domain.billing.tariffs.price``
itself, over a month from the version's first day, so what it says is what a
bill would charge. A refusal's problems are said one a line, their register
worded first (the services name it by its code).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from domain.billing.meters import TIME_OF_USE, Period
from domain.billing.tariffs import Tariff, TouTariff, from_document, price
from domain.leasing.schedule import add_months
from views.labels import currency_name
from views.map_text import money_text
from views.message_text import message_text, translate
from views.meter_text import quantity_unit, register_text


@dataclass(frozen=True)
class TariffsSnapshot:
    """One utility's tariffs in a park, read for the dialog: each a
    ``services.tariffs.TariffHistory`` (duck-typed: ``name``, ``meters``, ``in_force(day)``
    and ``versions`` newest first, each with ``id``, ``valid_from``, ``document``, ``kind``,
    ``used`` — a posted bill was priced at it — and ``meters``)."""

    utility: str
    currency: str
    day: date  # the app's day: which version is in force
    tariffs: tuple[Any, ...] = ()
    by_id: Mapping[uuid.UUID, tuple[Any, Any]] = field(default_factory=dict)  # tariff, version

    def version(self, version_id: uuid.UUID | None) -> tuple[Any, Any] | None:
        """The tariff and the version of ``version_id`` (None: not one of these)."""
        return None if version_id is None else self.by_id.get(version_id)


def snapshot_of(utility: str, currency: str, day: date, tariffs: Sequence[Any],
                ) -> TariffsSnapshot:
    by_id = {v.id: (t, v) for t in tariffs for v in t.versions}
    return TariffsSnapshot(utility, currency, day, tuple(tariffs), by_id)


def kind_text(kind: str) -> str:
    return {
        "flat": lambda: translate("Tariffs", "Flat"),
        "tiered": lambda: translate("Tariffs", "Tiered"),
        "time_of_use": lambda: translate("Tariffs", "Time of use"),
    }.get(kind, lambda: kind)()


def meters_text(count: int) -> str:
    """How many meters a tariff is set on."""
    if count == 0:
        return translate("Tariffs", "On no meter")
    if count == 1:
        return translate("Tariffs", "On 1 meter")
    return translate("Tariffs", "On {count} meters").format(count=count)


def unit_price(price_text: str, currency: str, utility: str) -> str:
    """A price with what it is per: "0.85 元/kWh", "CNY 0.85/kWh"."""
    return translate("Tariffs", "{price} {currency}/{unit}").format(
        price=price_text, currency=currency_name(currency) if currency else "",
        unit=quantity_unit(utility)).strip()


def summary_text(document: Mapping[str, Any], currency: str, utility: str) -> str:
    """A version's prices in a line (see the module); a document that does not read: ""."""
    kind = document.get("kind")
    if kind == "flat":
        return unit_price(_figure(document.get("price")), currency, utility)
    if kind == "time_of_use":
        prices = document.get("prices") or {}
        return " / ".join(translate("Tariffs", "{register} {price}").format(
            register=register_text(r), price=_figure(prices[r]))
            for r in TIME_OF_USE if r in prices)
    if kind == "tiered":
        bands = document.get("bands") or []
        parts = []
        below = "0"
        for band in bands:
            up_to, price_ = band.get("up_to"), _figure(band.get("price"))
            if up_to is None:
                parts.append(translate("Tariffs", "{low}+ {price}").format(low=below,
                                                                          price=price_))
                break
            parts.append(translate("Tariffs", "{low}–{high} {unit} {price}").format(
                low=below, high=_figure(up_to), unit=quantity_unit(utility), price=price_))
            below = _figure(up_to)
        return translate("Tariffs", "; ").join(parts)
    return ""


def _figure(value: Any) -> str:
    """A stored figure as it is stored (5.60 stays 5.60: as the utility's notice says)."""
    return "" if value is None else str(value)


# -- the example -------------------------------------------------------------------------


def example_tariff(document: Mapping[str, Any], valid_from: date) -> Tariff | None:
    """The tariff a form's document would be, or None when a figure does not read (the
    service says why when it is saved)."""
    try:
        return from_document(_numbers(document), valid_from)
    except (ValueError, TypeError, ArithmeticError, AttributeError):
        return None


def _numbers(document: Mapping[str, Any]) -> dict[str, Any]:
    """The document's figures cleaned as the service cleans them (commas dropped)."""

    def clean(value: Any) -> Any:
        if value is None:
            return None
        text = str(value).strip().replace(",", "").replace("，", "")
        if not text:
            raise ValueError("blank")
        Decimal(text)  # raises InvalidOperation (an ArithmeticError)
        return text

    kind = document.get("kind")
    if kind == "flat":
        return {"kind": kind, "price": clean(document.get("price"))}
    if kind == "tiered":
        return {"kind": kind, "bands": [{"up_to": clean(b.get("up_to")),
                                         "price": clean(b.get("price"))}
                                        for b in document.get("bands") or []]}
    if kind == "time_of_use":
        return {"kind": kind, "prices": {r: clean(p) for r, p in
                                         (document.get("prices") or {}).items()}}
    raise ValueError(kind)


def example_text(document: Mapping[str, Any], valid_from: date, quantity_typed: str,
                 currency: str, utility: str) -> str:
    """What ``quantity_typed`` (a month's use) would cost at the tariff the form holds, line
    by line, priced by the domain; a word when the figures do not read yet."""
    try:
        quantity = Decimal(quantity_typed.strip().replace(",", ""))
    except (InvalidOperation, AttributeError):
        quantity = None
    if quantity is None or not quantity.is_finite() or quantity < 0:
        return translate("Tariffs", "Type a use of zero or more to see what it would cost.")
    tariff = example_tariff(document, valid_from)
    if tariff is None:
        return translate("Tariffs", "Enter every price to see what a month's use would cost.")
    unit = quantity_unit(utility)
    period = Period(valid_from, add_months(valid_from, 1))
    if isinstance(tariff, TouTariff):
        use = {r: quantity for r in TIME_OF_USE if r in tariff.prices}
    else:
        use = {"total": quantity}
    try:
        charged = price(tariff, use, period)
    except ValueError:
        return translate("Tariffs", "Enter every price to see what a month's use would cost.")
    amount = money_text(charged.amount, currency)
    lines = [f"{_qty(x.quantity)} × {x.price}" if x.register == "total" else
             translate("Tariffs", "{register} {quantity} × {price}").format(
                 register=register_text(x.register), quantity=_qty(x.quantity),
                 price=x.price) for x in charged.lines]
    if isinstance(tariff, TouTariff):
        head = translate("Tariffs", "{quantity} {unit} in each of its periods would cost "
                                    "{amount}").format(quantity=_qty(quantity), unit=unit,
                                                       amount=amount)
    else:
        head = translate("Tariffs", "{quantity} {unit} in a month would cost {amount}").format(
            quantity=_qty(quantity), unit=unit, amount=amount)
    return translate("Tariffs", "{head}: {lines}").format(head=head, lines=" + ".join(lines))


def _qty(value: Decimal) -> str:
    number = value.normalize()
    return f"{number:,f}" if number != 0 else "0"


# -- refusals ------------------------------------------------------------------------------


def problem_text(problem: Any) -> str:
    """One problem of a refusal, its register worded."""
    code = str(getattr(problem, "code", "") or "")
    params = dict(getattr(problem, "params", {}) or {})
    if "register" in params:
        params["register"] = register_text(params["register"])
    return message_text({"code": code, "params": params,
                         "message": str(getattr(problem, "message", "") or "")})


def refusal_lines(error: Any) -> list[str]:
    """A refusal as lines: each problem of a ``tariff-refused`` on its own, anything else
    as :func:`views.message_text.message_text` says it."""
    parts: Iterable[Any] = getattr(error, "parts", ()) or ()
    if str(getattr(error, "code", "")) == "tariff-refused" and parts:
        return [problem_text(p) for p in parts]
    return [message_text(error)]


def next_first_of_month(day: date) -> date:
    """The first day of the month after ``day``'s: when a new price usually starts."""
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)
