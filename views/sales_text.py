"""What a sales import says of a file it cannot read and of a row it refuses, in the
reader's language: one table for the Sales tab's import dialog and ``leasemap sales``.

Qt-free (``views.message_text.translate``), so the command line loads no widgets.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from views.message_text import translate


def field_text(name: str) -> str:
    return {"contract": translate("SalesImport", "contract"),
            "month": translate("SalesImport", "month"),
            "amount": translate("SalesImport", "sales")}.get(name, name)


def reason_text(reason: Mapping[str, Any]) -> str:
    """One reason a row is rejected (``SalesRowReport.to_json()["reasons"][n]``), in words."""
    params = {k: str(v) for k, v in dict(reason.get("params") or {}).items()}
    if "field" in params:
        params["field"] = field_text(params["field"])
    template = {
        "missing-value": translate("SalesImport", "{field}: empty"),
        "unparseable": translate("SalesImport", "{field}: cannot read “{value}”"),
        "negative-sales": translate("SalesImport", "sales {amount} below zero"),
        "no-contract": translate("SalesImport", "no contract {contract} in the park"),
        "not-turnover": translate("SalesImport", "contract {contract} has no turnover rent in "
                                                 "{month}"),
        "month-outside-term": translate("SalesImport", "{month} is outside the term "
                                                       "{starts_on} – {ends_on}"),
        "month-twice": translate("SalesImport", "{contract} {month} is also on row {rows}"),
    }.get(str(reason.get("code", "")))
    if template is None:
        return str(reason.get("message", ""))
    try:
        return template.format_map(params)
    except (KeyError, ValueError):
        return str(reason.get("message", ""))


def file_error_text(error: Any) -> str:
    """Why a sales file cannot be read (``services.sales_import.SalesImportError``)."""
    params = {k: str(v) for k, v in dict(getattr(error, "params", {}) or {}).items()}
    if "fields" in params:
        params["fields"] = ", ".join(field_text(f.strip()) for f in params["fields"].split(","))
    template = {
        "sales-no-file": translate("SalesImport", "{file}: no such file"),
        "sales-format": translate("SalesImport",
                                  "{file} is not an Excel (.xlsx, .xls) or CSV file"),
        "sales-empty": translate("SalesImport", "{file}: the file is empty"),
        "sales-unreadable": translate("SalesImport", "{file}: cannot read the file ({detail})"),
        "sales-encoding": translate("SalesImport", "{file}: neither UTF-8 nor GBK text"),
        "sales-columns-missing": translate(
            "SalesImport", "{file}: no column for {fields} (columns: {columns}); the header "
                           "names the contract (合同编号), the month (月份) and the sales "
                           "(营业额)"),
    }.get(str(getattr(error, "code", "")))
    if template is None:
        return str(error)
    try:
        return template.format_map(params)
    except (KeyError, ValueError):
        return str(error)
