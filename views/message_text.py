"""What the store, the services and the CLI tell a person, in the person's language.

Errors raised below the views carry a stable ``code`` and their variable parts
in ``params`` (``runtime.messages.UserError``; importers' findings have the
same fields). Here each code has one translatable template, as importer
findings have theirs in :mod:`views.problem_text`; :func:`message_text` says
any of them, the window's error boxes and the CLI alike. The CLI's own lines
and the import reports are here too (:data:`TEXTS`), so everything a command
prints goes through the catalogue.

:func:`translate` is Qt's once QtCore is loaded and the English source before:
a command run in English never loads Qt, so scripts start fast; the CLI loads
QtCore (never QtWidgets) and the catalogue for another language.
"""

from __future__ import annotations

import errno
import string
import sys
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any


def translate(context: str, text: str) -> str:
    """``QCoreApplication.translate`` when Qt is loaded; else ``text`` (English is the source)."""
    core = sys.modules.get("PySide6.QtCore")
    if core is None:
        return text
    return core.QCoreApplication.translate(context, text)


# Errors from the store and the services, by code (runtime.messages.UserError).
MESSAGES: dict[str, Callable[[], str]] = {
    # billing (services.billing_run)
    "deposit-amount": lambda: translate(
        "Messages", "A deposit is an amount above 0.00, in cents, not {amount}"),
    "deposit-beyond-payment": lambda: translate(
        "Messages", "The payment holds {holds}: {amount} of it cannot be the deposit"),
    "deposit-beyond": lambda: translate(
        "Messages", "The deposit holds {holds}: {amount} cannot be refunded"),
    "settle-not-ended": lambda: translate(
        "Messages", "{contract} runs to {ends_on}: settle it once it is terminated or has "
        "ended"),
    "no-deposit-movement": lambda: translate(
        "Messages", "There is no such deposit movement to reverse"),
    "deposit-reversal-not-reversed": lambda: translate(
        "Messages", "The movement of {amount} on {on} is itself a reversal: it is not "
        "reversed; enter the movement again"),
    "deposit-reverse-before": lambda: translate(
        "Messages", "The movement is dated {movement_on}: its reversal cannot be dated {on}"),
    "deposit-already-reversed": lambda: translate(
        "Messages", "The movement of {amount} on {on} is reversed already"),
    "deposit-reverse-beyond-held": lambda: translate(
        "Messages", "{contract}'s deposit holds {holds}: reversing {amount} would leave less "
        "than nothing"),
    "deposit-carry-unpaired": lambda: translate(
        "Messages", "The carry's other side is not there (contract {note})"),
    "deposit-allocation-missing": lambda: translate(
        "Messages", "The allocation the movement of {amount} on {on} made is not there to "
        "reverse"),
    "payment-amount": lambda: translate(
        "Messages", "A payment is an amount above 0.00, in cents, not {amount}"),
    "no-payment": lambda: translate("Messages", "The payment was not found"),
    "allocation-refused": lambda: translate(
        "Messages", "The allocation is refused: it would take more than the bill is owed or "
        "the payment holds ({problem})"),
    "no-allocation": lambda: translate("Messages", "There is no such allocation to reverse"),
    "reverse-beyond": lambda: translate(
        "Messages", "The allocation holds {holds}: {amount} cannot be reversed"),
    "refund-beyond": lambda: translate(
        "Messages", "The payment holds {holds}: {amount} cannot be refunded"),
    "billing-range": lambda: translate(
        "Messages", "A billing run from {period_from} to {period_to} ends before it starts"),
    # collections (services.collections, services.reminder_letter)
    "collections-no-action": lambda: translate(
        "Messages", "That collections action was not found"),
    "collections-flag-not-done": lambda: translate(
        "Messages", "A flag is not marked done: it holds while the tenant's tier does"),
    "collections-action-ended": lambda: translate(
        "Messages", "The action ended on {ended_on}, when the tenant left its tier"),
    "collections-no-tenant": lambda: translate("Messages", "The tenant was not found"),
    "credit-signal-no-day": lambda: translate("Messages", "Signal {row}: enter its day"),
    "credit-signal-date": lambda: translate(
        "Messages", "Signal {row}: “{text}” is not a date (write 2026-03-01)"),
    "credit-signal-no-kind": lambda: translate(
        "Messages", "Signal {row}: choose its kind (court case, tax notice or other news)"),
    "credit-signal-kind-long": lambda: translate(
        "Messages", "Signal {row}: the kind is longer than {limit} characters"),
    "credit-signal-note-long": lambda: translate(
        "Messages", "Signal {row}: the note is longer than {limit} characters"),
    "credit-signal-until": lambda: translate(
        "Messages", "Signal {row}: it ends on {until}, before its day {on}"),
    "reminder-language": lambda: translate(
        "Messages", "No payment reminder can be written in {language}"),
    "reminder-no-tenant": lambda: translate("Messages", "The tenant was not found"),
    "reminder-nothing-overdue": lambda: translate(
        "Messages", "{tenant} owes nothing overdue on {on}: no reminder to send"),
    # invoices (services.invoices): a refusal says each of its problems
    "invoice-refused": lambda: translate("Messages", "The invoice was not recorded: {parts}"),
    "invoice-number-ambiguous": lambda: translate(
        "Messages", "Invoice {number} is recorded in {count} parks: choose the park"),
    "invoice-number-missing": lambda: translate(
        "Messages", "enter the invoice number the tax platform issued"),
    "invoice-duplicate-number": lambda: translate(
        "Messages", "invoice number {number} is already recorded in this park"),
    "invoice-no-lines": lambda: translate("Messages", "the invoice names no bill"),
    "invoice-unknown-invoice": lambda: translate("Messages", "no invoice {target} is recorded"),
    "invoice-not-blue": lambda: translate(
        "Messages", "{target} is a red invoice: a red invoice is neither voided nor reversed"),
    "invoice-already-voided": lambda: translate(
        "Messages", "invoice {target} was voided on {voided_on}"),
    "invoice-already-reversed": lambda: translate(
        "Messages", "invoice {target} is already reversed by red invoice {red}"),
    "invoice-void-not-allowed": lambda: translate(
        "Messages", "this park's invoices cannot be voided: reverse {target} with a red "
        "invoice"),
    "invoice-void-after-month": lambda: translate(
        "Messages", "invoice {target} was issued on {issued_on}: it can be voided only in the "
        "month it was issued; reverse it with a red invoice"),
    "invoice-void-after-report": lambda: translate(
        "Messages", "invoice {target} was issued on {issued_on}, in a period reported to the "
        "tax bureau (through {reported_through}): reverse it with a red invoice"),
    "invoice-dated-before-issue": lambda: translate(
        "Messages", "the date is before invoice {target} was issued ({issued_on})"),
    "invoice-replaces-unknown": lambda: translate(
        "Messages", "no invoice {target} to replace"),
    "invoice-replaces-live": lambda: translate(
        "Messages", "invoice {target} is still valid: void or reverse it before issuing its "
        "replacement"),
    "invoice-unknown-bill": lambda: translate("Messages", "no bill {bill}"),
    "invoice-other-tenant": lambda: translate(
        "Messages", "bill {bill} is another tenant's"),
    "invoice-charge-differs": lambda: translate(
        "Messages", "the invoice's charge {charge} is not bill {bill}'s ({bill_charge})"),
    "invoice-not-invoiceable": lambda: translate(
        "Messages", "bill {bill} is not invoiced: its charge is exempt from VAT"),
    "invoice-no-rate": lambda: translate(
        "Messages", "bill {bill}: the park has no VAT rate for its charge ({charge})"),
    "invoice-rate-differs": lambda: translate(
        "Messages", "bill {bill}: the rate {rate} is not the park's {table_rate}"),
    "invoice-amount-not-positive": lambda: translate(
        "Messages", "bill {bill}: an invoice is for more than 0.00, not {amount}"),
    "invoice-amounts-do-not-add-up": lambda: translate(
        "Messages", "bill {bill}: {exclusive} and tax {tax} do not add up to {amount}"),
    "invoice-tax-off": lambda: translate(
        "Messages", "bill {bill}: the tax {tax} is more than {tolerance} from {expected}"),
    "invoice-beyond-bill": lambda: translate(
        "Messages", "bill {bill} is {total} and {invoiced} of it is invoiced: {adding} more "
        "would invoice more than the bill"),
    "invoice-fully-invoiced": lambda: translate(
        "Messages", "bill {bill} is invoiced in full ({invoiced} of {total})"),
    "invoice-credit-bill": lambda: translate(
        "Messages", "{bill} is a credit on bill {corrects}: invoice that bill, whose total "
        "includes it"),
    "invoice-red-not-whole": lambda: translate(
        "Messages", "a red invoice reverses invoice {target} whole ({blue_amount})"),
    "invoice-import-columns": lambda: translate(
        "Messages", "{file}: no column for {labels} (columns: {columns})"),
    "invoice-import-no-bill": lambda: translate("Messages", "no bill {bill}"),
    "invoice-import-no-number": lambda: translate("Messages", "no invoice number"),
    "invoice-import-no-date": lambda: translate("Messages", "no invoice date"),
    "invoice-import-date": lambda: translate(
        "Messages", "“{text}” is not a date (write 2026-03-01)"),
    "invoice-import-amount": lambda: translate("Messages", "“{text}” is not an amount"),
    # finance settings: the reason of a void or 红冲, the park's VAT rates, its working
    # calendar (services.invoices, services.finance_settings)
    "invoice-reason-missing": lambda: translate(
        "Messages", "say why invoice {target} is voided or reversed: a tax audit asks"),
    "invoice-reason-long": lambda: translate(
        "Messages", "the reason is {length} characters long, at most {limit}"),
    "tax-rates-refused": lambda: translate("Messages", "The VAT rates were not saved: {parts}"),
    "tax-rate-charge": lambda: translate(
        "Messages", "{charge}: no such charge: neither a kind ({kinds}) nor a charge the "
        "park's contracts or bills carry"),
    "tax-rate-value": lambda: translate("Messages", "{charge}: “{value}” is not a VAT rate"),
    "tax-rate-range": lambda: translate(
        "Messages", "{charge}: {percent} is not a VAT rate from 0% to 17%"),
    "tax-rate-places": lambda: translate(
        "Messages", "{charge}: {percent} is finer than a hundredth of a percent"),
    "holiday-refused": lambda: translate("Messages", "The calendar was not changed: {parts}"),
    "holiday-kind": lambda: translate(
        "Messages", "{day}: a day is a holiday or a make-up working day, not {kind}"),
    "holiday-workday-weekday": lambda: translate(
        "Messages", "{day} is a weekday: a make-up working day (调休) is a Saturday or a "
        "Sunday"),
    "holiday-name-long": lambda: translate(
        "Messages", "{day}: the name is longer than {limit} characters"),
    "holiday-not-found": lambda: translate("Messages", "{day} is not in the park's calendar"),
    "holiday-import-no-file": lambda: translate("Messages", "{file}: no such file"),
    "holiday-import-format": lambda: translate(
        "Messages", "{file} is not an Excel (.xlsx, .xls) or CSV file"),
    "holiday-import-unreadable": lambda: translate(
        "Messages", "{file}: cannot read the file ({detail})"),
    "holiday-import-empty": lambda: translate("Messages", "{file}: the file is empty"),
    "holiday-import-columns": lambda: translate(
        "Messages", "{file}: no column for {labels} (columns: {columns}); the header names "
        "the day (日期) and whether it is off or worked (类型: 休 or 班), and may name it "
        "(名称)"),
    "holiday-row-date": lambda: translate(
        "Messages", "Row {row}: “{text}” is not a date (write 2026-10-01)"),
    "holiday-row-no-date": lambda: translate("Messages", "Row {row}: no date"),
    "holiday-row-kind": lambda: translate(
        "Messages", "Row {row}: “{text}” is neither 休 (a day off) nor 班 (a working day)"),
    "holiday-row-workday-weekday": lambda: translate(
        "Messages", "Row {row}: {day} is a weekday: a make-up working day (班) is a Saturday "
        "or a Sunday"),
    "holiday-row-name-long": lambda: translate(
        "Messages", "Row {row}: the name is longer than {limit} characters"),
    "holiday-row-twice": lambda: translate(
        "Messages", "Row {row}: {day} is on row {other} too, as another day"),
    # the three-ledger check: vouchers out, the books back in (services.three_ledgers)
    "vouchers-range": lambda: translate(
        "Messages", "Vouchers from {first} to {last}: the range ends before it starts"),
    "vouchers-format": lambda: translate(
        "Messages", "{file}: vouchers are written as .csv or .xlsx"),
    "vouchers-no-rate": lambda: translate(
        "Messages", "No VAT rate for {charges}: set the park's rates before exporting "
        "vouchers"),
    "books-columns": lambda: translate(
        "Messages", "{file}: no column for {missing} (its columns: {columns}); choose them "
        "in a column mapping"),
    "books-mapping-field": lambda: translate(
        "Messages", "The books have no field {field} (fields: {fields})"),
    "books-unreadable": lambda: translate("Messages", "{file} cannot be read: {detail}"),
    "books-row-total": lambda: translate(
        "Messages", "Row {row}: {text} is a total or a balance, not an entry"),
    "books-row-date": lambda: translate(
        "Messages", "Row {row}: “{text}” is not a date (write 2026-03-01)"),
    "books-row-no-date": lambda: translate("Messages", "Row {row}: no date"),
    "books-row-no-account": lambda: translate("Messages", "Row {row}: no account"),
    "books-row-amount": lambda: translate("Messages", "Row {row}: “{text}” is not an amount"),
    "books-row-no-amount": lambda: translate("Messages", "Row {row}: no debit and no credit"),
    "books-row-duplicate": lambda: translate(
        "Messages", "Row {row}: voucher {voucher} has this line twice in the file"),
    "books-row-changed": lambda: translate(
        "Messages", "Row {row}: voucher {voucher} was imported as {before}, the file now "
        "says {now}; post a correcting voucher in the books instead of changing one"),
    # bank statements (importers.bank_statement)
    "bank-statement-no-file": lambda: translate("Messages", "{file}: no such file"),
    "bank-statement-format": lambda: translate(
        "Messages", "{file} is not a CSV or Excel (.xls, .xlsx) file"),
    "bank-statement-unreadable": lambda: translate(
        "Messages", "{file}: cannot read the statement ({detail})"),
    "bank-statement-empty": lambda: translate("Messages", "{file}: the file is empty"),
    "bank-statement-no-column": lambda: translate(
        "Messages", "{file}: no column {column} (columns: {columns})"),
    "bank-statement-columns-missing": lambda: translate(
        "Messages", "{file}: no column for {labels} (columns: {columns}); name them in the "
        "column mapping"),
    "bank-statement-no-field": lambda: translate(
        "Messages", "no field {field} in a bank statement (fields: {fields})"),
    "bank-statement-one-column": lambda: translate(
        "Messages", "{field} takes one column, not {columns}"),
    "bank-statement-mapping": lambda: translate("Messages", "not a column mapping: {detail}"),
    "rent-roll-encoding": lambda: translate("Messages", "{file}: neither UTF-8 nor GBK text"),
    # contracts (services.contracts, services.checkpoints, services.contract_document)
    "no-contract": lambda: translate("Messages", "No contract {contract}"),
    "contract-signed": lambda: translate(
        "Messages", "{contract} is signed: it changes by an amendment"),
    "contract-not-draft": lambda: translate(
        "Messages", "{contract} is no longer a draft: only a draft is signed"),
    "contract-not-signed": lambda: translate(
        "Messages", "{contract} is a draft or terminated: only a signed contract can do this"),
    "amendment-date": lambda: translate(
        "Messages", "{contract}: an amendment from {effective_on} is outside the term"),
    "amendment-empty": lambda: translate("Messages", "{contract}: the amendment changes nothing"),
    "amendment-unit-released": lambda: translate(
        "Messages", "{contract}: {unit} was released on {released}; lease it again by a new "
        "contract"),
    "terminate-after-end": lambda: translate(
        "Messages", "{contract} ends on {ends_on}: it cannot be terminated on {on}"),
    "terminate-before-signing": lambda: translate(
        "Messages", "{contract} was signed on {signed_on}: it cannot be terminated on {on}"),
    "no-checkpoint": lambda: translate("Messages", "{contract} has no checkpoint {checkpoint}"),
    "no-document": lambda: translate("Messages", "The document was not found"),
    # meters and readings (services.meters, services.unit_metrics_import)
    "meter-unknown": lambda: translate("Messages", "No meter {meter}"),
    "meter-code-empty": lambda: translate("Messages", "A meter needs a code"),
    "meter-code-taken": lambda: translate("Messages", "There is a meter {meter} already"),
    "meter-utility": lambda: translate(
        "Messages", "{meter}: a meter measures electricity, water, gas or heat, not {utility}"),
    "meter-multiplier": lambda: translate(
        "Messages", "{meter}: the multiplier must be above 0, not {multiplier}"),
    "meter-rollover": lambda: translate(
        "Messages", "{meter}: a dial rolls over at a count above 0, not {rollover_at}"),
    "meter-registers": lambda: translate(
        "Messages", "{meter}: registers are total, or time-of-use ones (sharp, peak, flat, "
        "valley) each once, not {registers}"),
    "meter-dates": lambda: translate(
        "Messages", "{meter}: removed on {removed_on}, before it was installed on "
        "{installed_on}"),
    "meter-no-parent": lambda: translate(
        "Messages", "{meter}: no meter {parent} to hang it under"),
    "meter-no-replaced": lambda: translate(
        "Messages", "{meter}: no meter {replaces} for it to replace"),
    "meter-no-unit": lambda: translate("Messages", "{meter}: no unit {unit} in the park"),
    "meter-basis-unit": lambda: translate(
        "Messages", "{meter}: its basis names units not in the park: {units}"),
    "meter-no-subs": lambda: translate(
        "Messages", "{meter} feeds no sub meter: it has no shared consumption"),
    "meter-tree": lambda: translate("Messages", "{meter} cannot go there: {parts}"),
    "meter-cycle": lambda: translate("Messages", "{meter}: its parents loop back to {at}"),
    "meter-utility-differs": lambda: translate(
        "Messages", "{meter} hangs under {parent}, a meter of another utility"),
    "meter-unit-meter-has-children": lambda: translate(
        "Messages", "{meter} bills unit {unit} and feeds other meters; a unit's meter is a leaf"),
    "meter-unknown-parent": lambda: translate(
        "Messages", "{meter}: its parent meter {parent} is not there"),
    "meter-duplicate-id": lambda: translate("Messages", "{meter}: its id {id} is taken"),
    "meter-replaced-twice": lambda: translate(
        "Messages", "{meter} replaces {replaces}, which {by} replaces already"),
    "meter-replacement-loop": lambda: translate(
        "Messages", "{meter}: the meters it replaces lead back to it"),
    # a meter out of service, removed, restored, replaced (services.meter_archive); the
    # meter dialogs word {register} before these are said (views.meter_text.meter_said)
    "meter-code-removed": lambda: translate(
        "Messages", "There was a meter {meter}, removed: a code is never used twice"),
    "meter-still-feeds": lambda: translate(
        "Messages", "{meter} still feeds {count} meters ({meters}): move them under another "
        "meter or archive them first"),
    "meter-read-after-removal": lambda: translate(
        "Messages", "{meter} was read on {on}, after {removed_on}: it was in service then"),
    "meter-archive-final": lambda: translate(
        "Messages", "{meter}: give its final {register} reading on {removed_on} (its last "
        "reading is {value} on {on})"),
    "meter-archive-closed": lambda: translate(
        "Messages", "{meter}: its {register} dial was closed by a final reading on {on} "
        "already"),
    "meter-remove-read": lambda: translate(
        "Messages", "{meter} has {count} readings: a meter that was read is archived, never "
        "removed"),
    "meter-remove-billed": lambda: translate(
        "Messages", "{meter} is named by posted bills ({bills}): it is archived, never removed"),
    "meter-not-archived": lambda: translate(
        "Messages", "{meter} is in service: there is nothing to restore"),
    "meter-restore-replaced": lambda: translate(
        "Messages", "{meter} was replaced by {by}: it stays archived"),
    "meter-restore-parent": lambda: translate(
        "Messages", "{meter} hangs under {parent}, which is archived: restore {parent} first, "
        "or move {meter}"),
    "meter-replaces-self": lambda: translate("Messages", "{meter} cannot replace itself"),
    "meter-replaces-utility": lambda: translate(
        "Messages", "{meter} and {replaces} measure different utilities: a meter replaces one "
        "of its own utility"),
    "meter-replaces-taken": lambda: translate(
        "Messages", "{replaces} is replaced by {by} already"),
    "meter-replaces-parent": lambda: translate(
        "Messages", "{meter} hangs under {replaces}, the meter it replaces: hang it where "
        "{replaces} hangs"),
    "meter-replaces-below": lambda: translate(
        "Messages", "{replaces} hangs beneath {meter}: a meter cannot replace one it feeds"),
    "meter-replaces-dates": lambda: translate(
        "Messages", "{meter} is installed on {installed_on}, before {replaces} was removed on "
        "{removed_on}"),
    # tariffs (services.tariffs): a refusal says each problem; {register} comes worded
    "tariff-refused": lambda: translate("Messages", "The tariff was not saved: {parts}"),
    "tariff-unknown": lambda: translate("Messages", "The tariff version was not found"),
    "tariff-used": lambda: translate(
        "Messages", "{name} from {valid_from} priced bills already posted ({bills}): it is "
        "kept as it is. To correct it, add a new version from a later date"),
    "tariff-on-meters": lambda: translate(
        "Messages", "{name} is set on meters {meters}: choose another tariff for them before "
        "archiving its last version"),
    "tariff-no-name": lambda: translate("Messages", "Name the tariff"),
    "tariff-name-long": lambda: translate(
        "Messages", "The name is longer than {limit} characters"),
    "tariff-utility": lambda: translate(
        "Messages", "A tariff prices electricity, water, gas or heat, not {utility}"),
    "tariff-no-date": lambda: translate("Messages", "Give the day the tariff is in force from"),
    "tariff-invalid": lambda: translate("Messages", "The tariff does not hold: {detail}"),
    "tariff-kind": lambda: translate(
        "Messages", "A tariff is flat, tiered or time-of-use, not {kind}"),
    "tariff-price-missing": lambda: translate("Messages", "Enter the price"),
    "tariff-price-not-number": lambda: translate(
        "Messages", "The price “{text}” is not a number"),
    "tariff-price-negative": lambda: translate(
        "Messages", "The price {price} is below zero"),
    "tariff-register-missing": lambda: translate(
        "Messages", "{register}: enter its price; a time-of-use tariff prices peak, flat and "
        "valley"),
    "tariff-register-not-number": lambda: translate(
        "Messages", "{register}: the price “{text}” is not a number"),
    "tariff-register-negative": lambda: translate(
        "Messages", "{register}: the price {price} is below zero"),
    "tariff-register-unknown": lambda: translate(
        "Messages", "{register} is not a time-of-use register (sharp, peak, flat or valley)"),
    "tariff-no-bands": lambda: translate("Messages", "A tiered tariff needs its bands"),
    "tariff-band-price-missing": lambda: translate("Messages", "Band {band}: enter its price"),
    "tariff-band-price-not-number": lambda: translate(
        "Messages", "Band {band}: the price “{text}” is not a number"),
    "tariff-band-price-negative": lambda: translate(
        "Messages", "Band {band}: the price {price} is below zero"),
    "tariff-band-end-missing": lambda: translate(
        "Messages", "Band {band}: enter where it ends; only the last band is open"),
    "tariff-band-end-not-number": lambda: translate(
        "Messages", "Band {band}: its end “{text}” is not a number"),
    "tariff-bands-overlap": lambda: translate(
        "Messages", "Band {band} ends at {up_to}, not above where the band before it ends "
        "({below}): bands rise and do not overlap"),
    "tariff-last-band-end": lambda: translate(
        "Messages", "Band {band}: the last band has no end (leave it blank); it takes all use "
        "above the band before it"),
    "tariff-same-day": lambda: translate(
        "Messages", "{name} has a version from {valid_from} already: change that one, or give "
        "this one another day"),
    "reading-kind": lambda: translate(
        "Messages", "A reading is a reading, a final or an initial one, not {kind}"),
    "reading-refused": lambda: translate("Messages", "{meter}: {parts}"),
    "readings-no-file": lambda: translate("Messages", "{file}: no such file"),
    "readings-format": lambda: translate(
        "Messages", "{file} is not an Excel (.xlsx, .xls) or CSV file"),
    "readings-empty": lambda: translate("Messages", "{file}: the file is empty"),
    "readings-unreadable": lambda: translate(
        "Messages", "{file}: cannot read the file ({detail})"),
    "readings-encoding": lambda: translate("Messages", "{file}: neither UTF-8 nor GBK text"),
    "readings-columns-missing": lambda: translate(
        "Messages", "{file}: no column for {fields} (columns: {columns}); the header names the "
        "meter (表号), the day read (抄表日期) and the reading (读数), or one column per "
        "register (峰, 平, 谷)"),
    "reading-no-meter-code": lambda: translate("Messages", "{column}: no meter code"),
    "reading-no-date": lambda: translate("Messages", "{column}: empty"),
    "reading-bad-date": lambda: translate("Messages", "{column}: cannot read “{value}” as a day"),
    "reading-bad-kind": lambda: translate(
        "Messages", "{column}: “{value}” is not a reading, a final (拆表) or an initial (装表) "
        "one"),
    "reading-bad-register": lambda: translate(
        "Messages", "{column}: “{value}” is not total, 尖, 峰, 平 or 谷"),
    "reading-bad-value": lambda: translate(
        "Messages", "{column}: cannot read “{value}” as a reading"),
    "reading-no-value": lambda: translate("Messages", "no reading in {columns}"),
    "reading-unknown-meter": lambda: translate("Messages", "no meter {meter} in the park"),
    "reading-unknown-register": lambda: translate(
        "Messages", "{meter}: a {register} reading on {on}, but the meter has registers "
        "{registers}"),
    "reading-below-zero": lambda: translate(
        "Messages", "{meter}: a reading of {value} is below zero"),
    "reading-off-dial": lambda: translate(
        "Messages", "{meter}: reading {value} on {on} is not on its dial (0 to below "
        "{rollover_at})"),
    "reading-before-installed": lambda: translate(
        "Messages", "{meter} was installed on {installed_on}, after {on}"),
    "reading-after-removed": lambda: translate(
        "Messages", "{meter} was removed on {removed_on}, before {on}"),
    "reading-twice": lambda: translate(
        "Messages", "{meter} {register} on {on} is also on row {rows} with another value"),
    "reading-also-on-row": lambda: translate("Messages", "the same reading is on row {row}"),
    "reading-rollover": lambda: translate(
        "Messages", "{meter}: the dial rolled over at {rollover_at} between {previous} and "
        "{value}"),
    "reading-replacement": lambda: translate(
        "Messages", "{meter}: replaced: the old dial's final {previous}, the new one's initial "
        "{value}"),
    "reading-negative": lambda: translate(
        "Messages", "{meter}: reading {value} on {on} is below {previous} on {previous_on} and "
        "is not a rollover"),
    "reading-spike": lambda: translate(
        "Messages", "{meter}: {per_day} a day from {previous_on} to {on}, over {factor} × the "
        "median {median} of the last {history} readings"),
    "reading-out-of-order": lambda: translate(
        "Messages", "{meter}: the reading dated {on} was entered after one dated {latest}"),
    "reading-initial-missing": lambda: translate(
        "Messages", "{meter}: the reading on {on} follows the old meter's final reading with no "
        "initial reading of the new one; counted from 0"),
    "reading-initial-without-final": lambda: translate(
        "Messages", "{meter}: a new meter's initial reading on {on} follows no final reading of "
        "the old one; its last use is unknown"),
    "unit-metrics-no-file": lambda: translate("Messages", "{file}: no such file"),
    "unit-metrics-format": lambda: translate(
        "Messages", "{file} is not an Excel (.xlsx, .xls) or CSV file"),
    "unit-metrics-empty": lambda: translate("Messages", "{file}: the file is empty"),
    "unit-metrics-unreadable": lambda: translate(
        "Messages", "{file}: cannot read the file ({detail})"),
    "unit-metrics-encoding": lambda: translate(
        "Messages", "{file}: neither UTF-8 nor GBK text"),
    "unit-metrics-columns-missing": lambda: translate(
        "Messages", "{file}: no column for {fields} (columns: {columns}); the header names the "
        "unit (单元编号), the month (月份) and access counts (门禁次数), lighting hours "
        "(照明时长), HVAC hours (空调时长) or energy (用电量)"),
    "metrics-no-unit-code": lambda: translate("Messages", "{column}: no unit code"),
    "metrics-no-month": lambda: translate("Messages", "{column}: empty"),
    "metrics-bad-month": lambda: translate(
        "Messages", "{column}: cannot read “{value}” as a month"),
    "metrics-bad-figure": lambda: translate("Messages", "{column}: cannot read “{value}”"),
    "metrics-below-zero": lambda: translate("Messages", "{column}: {value} is below zero"),
    "metrics-not-whole": lambda: translate(
        "Messages", "{column}: {value} entries is not a whole number"),
    "metrics-hours-over": lambda: translate(
        "Messages", "{column}: {value} hours is more than the month's {most}"),
    "metrics-unknown-unit": lambda: translate("Messages", "no unit {unit} in the park"),
    "metrics-month-twice": lambda: translate(
        "Messages", "{unit} {month} is also on row {rows}"),
    "metrics-metered": lambda: translate(
        "Messages", "{unit} has an electricity meter: the energy map reads it for the months "
        "its readings measure"),
    # opening and creating a workspace (store.files, store.workspace)
    "workspace-missing": lambda: translate("Messages", "{file}: no such file"),
    "workspace-folder": lambda: translate(
        "Messages", "{file} is a folder, not a Leasemap workspace"),
    "workspace-empty": lambda: translate(
        "Messages", "{file} is empty, not a Leasemap workspace"),
    "workspace-not-sqlite": lambda: translate(
        "Messages", "{file} is not a Leasemap workspace (not an SQLite database)"),
    "workspace-truncated": lambda: translate(
        "Messages", "{file} is damaged or not a Leasemap workspace (truncated header)"),
    "workspace-foreign": lambda: translate(
        "Messages", "{file} is an SQLite database but not a Leasemap workspace"),
    # {detail} is SQLite's own English text, passed through
    "workspace-unreadable": lambda: translate(
        "Messages", "{file} cannot be read as a database: {detail}"),
    "workspace-damaged": lambda: translate(
        "Messages", "{file} is damaged or not a Leasemap workspace: {detail}"),
    "workspace-unfinished": lambda: translate(
        "Messages", "{file} has no schema revision; it was never finished"),
    "workspace-newer": lambda: translate(
        "Messages", "{file} was written by a newer Leasemap (schema {revision}); this version "
        "reads up to schema {head}. Update Leasemap to open it."),
    "workspace-no-metadata": lambda: translate(
        "Messages", "{file}: workspace metadata is missing"),
    "workspace-exists": lambda: translate(
        "Messages", "{file} already exists; choose another name"),
    "migration-broken": lambda: translate(
        "Messages", "upgrading the workspace to schema {revision} would break {count} "
        "references; nothing was changed"),
    # editing (store.edits)
    "no-unit": lambda: translate("Messages", "the unit no longer exists (id {id})"),
    "no-live-unit": lambda: translate(
        "Messages", "the unit has been archived or removed (id {id}); it cannot be edited"),
    # importing into the workspace (store.plan_import, store.site_import, services.importing)
    "no-rooms": lambda: translate("Messages", "{file}: no rooms were found to import"),
    "no-park": lambda: translate("Messages", "the workspace has no park"),
    "parks-ambiguous": lambda: translate(
        "Messages", "the workspace has {count} parks; name one with --park"),
    "site-no-match": lambda: translate(
        "Messages", "{file}: no outline is labelled with a building of park {park} "
        "(buildings: {buildings}; labels found: {labels})"),
    "fit-overlap": lambda: translate(
        "Messages", "the drawing's rooms meet only {meeting} of the {units} units on floor "
        "{floor} (level {level}): it may be another floor's drawing, or drawn from another "
        "origin"),
    "fit-labels": lambda: translate(
        "Messages", "the rooms' numbers ({labels}) name level {named}, not level {level}: it "
        "may be another floor's drawing"),
    "confirmation-needed": lambda: translate(
        "Messages", "{parts} — check the floor and the drawing, or confirm to import it anyway"),
    # files the system refused (OSError), by errno
    "os-denied": lambda: translate("Messages", "{file}: permission denied"),
    "os-missing": lambda: translate("Messages", "{file}: no such file or folder"),
    "os-exists": lambda: translate("Messages", "{file} already exists"),
    "os-is-folder": lambda: translate("Messages", "{file} is a folder"),
    "os-full": lambda: translate("Messages", "{file}: the disk is full"),
    "os-read-only": lambda: translate("Messages", "{file}: the disk is read-only"),
    # {detail} is the system's own text, passed through
    "os-other": lambda: translate("Messages", "{file}: {detail}"),
    # space edits (services.space_edits, spatial.editing)
    "unit-under-contract": lambda: translate(
        "Messages", "{units} is under contract {contracts}: it needs an amendment first"),
    "merge-mixed-use": lambda: translate(
        "Messages", "{units} are not all of one use: change their use first"),
    "merge-other-floor": lambda: translate(
        "Messages", "units on different floors cannot be merged ({units})"),
    "merge-one": lambda: translate("Messages", "pick two or more units to merge"),
    "merge-not-adjacent": lambda: translate(
        "Messages", "{units} not next to the others: merge only neighbours"),
    "no-outline": lambda: translate("Messages", "{unit} has no outline on the plan"),
    "multi-part": lambda: translate(
        "Messages", "{unit} is drawn in several parts: split each by hand"),
    "use-unchanged": lambda: translate("Messages", "the units already have that use"),
    "use-other-floor": lambda: translate(
        "Messages", "change the use of one floor's units at a time ({units})"),
    "no-edit": lambda: translate("Messages", "that edit is not in this workspace"),
    "edit-state": lambda: translate("Messages", "that edit was already undone or redone"),
    "no-floor": lambda: translate("Messages", "that floor is not in this workspace"),
    "split-misses": lambda: translate("Messages", "the line does not cross the unit"),
    "split-one-piece": lambda: translate(
        "Messages", "the line does not cut the unit in two: draw it from wall to wall"),
    "split-tiny": lambda: translate(
        "Messages", "a piece would be {area} m², under {min} m²"),
    "split-sliver": lambda: translate(
        "Messages", "a piece would be only {width} m wide, under {min} m"),
    "shape-invalid": lambda: translate(
        "Messages", "the outline crosses itself (near {where})"),
    "shape-tiny": lambda: translate("Messages", "the unit would be {area} m², under {min} m²"),
    "shape-overlaps": lambda: translate(
        "Messages", "the outline overlaps {other} by {area} m²"),
    "shape-outside": lambda: translate(
        "Messages", "the outline leaves the floor by {area} m²"),
    "shape-multipart": lambda: translate(
        "Messages", "the unit is drawn in {count} parts: edit one part at a time"),
    "shape-too-few": lambda: translate(
        "Messages", "an outline needs at least three corners ({vertices} would be left)"),
    # classifying rooms again (services.classify_rooms)
    "no-building": lambda: translate("Messages", "no building {building}"),
    "no-floor-level": lambda: translate(
        "Messages", "building {building} has no floor at level {level}"),
    "building-ambiguous": lambda: translate(
        "Messages", "building {building} is in {count} parks; name one with --park"),
}

# A meter's service dates and where an initial or a final reading can stand
# (services.meters: the reading kinds, an installation day after a reading).
MESSAGES.update({
    "reading-initial-after-reading": lambda: translate(
        "Messages", "{meter}: an initial (装表) {register} reading on {on} opens a new dial, "
        "and it would follow the reading {previous} of {previous_on}, which is no final "
        "(拆表) one"),
    "reading-initial-before-initial": lambda: translate(
        "Messages", "{meter}: its {register} dial is opened by an initial (装表) reading on "
        "{next_on} already"),
    "reading-final-after-final": lambda: translate(
        "Messages", "{meter}: its {register} dial was closed by a final (拆表) reading on "
        "{previous_on} already"),
    "reading-final-before-reading": lambda: translate(
        "Messages", "{meter}: a final (拆表) {register} reading on {on} is the dial's last, but "
        "it is read on {next_on} after it"),
    "meter-read-before-installed": lambda: translate(
        "Messages", "{meter} was read on {on}, before {installed_on}: it was in service then"),
})

OS_CODES = {
    errno.EACCES: "os-denied",
    errno.EPERM: "os-denied",
    errno.ENOENT: "os-missing",
    errno.EEXIST: "os-exists",
    errno.EISDIR: "os-is-folder",
    errno.ENOSPC: "os-full",
    errno.EROFS: "os-read-only",
}

# What the CLI prints besides the messages above: its own refusals, `info`, the
# demo and print results, and the import report.
TEXTS: dict[str, Callable[[], str]] = {
    "error": lambda: translate("Cli", "error: {message}"),
    "not-written": lambda: translate("Cli", "{message}; nothing was written"),
    "not-written-block": lambda: translate("Cli", "{message}\nNothing was written."),
    "not-written-force": lambda: translate(
        "Cli", "{message}; nothing was written; pass --force to import it anyway"),
    "two-workspaces": lambda: translate("Cli", "two workspaces named: {first} and {second}"),
    "name-workspace": lambda: translate("Cli", "name the workspace with --workspace"),
    "name-import-workspace": lambda: translate(
        "Cli", "name the workspace to import into with --workspace"),
    "demo-too-few": lambda: translate(
        "Cli", "a demo park has at least {least} units; --units {units} is too few"),
    "demo-exists": lambda: translate("Cli", "{file} exists; pass --force to replace it"),
    # the demo counts the units it was asked for (for rent) and the common rooms beside
    # them; info counts every unit and says both parts, so the two never seem to differ
    "demo-built": lambda: translate(
        "Cli", "built {file}: {buildings}, {floors}, {units}, {common}, {tenants}, "
        "{contracts} in {seconds} s"),
    "info-park": lambda: translate("Cli", "{code} {name} ({currency}) as of {day}"),
    "info-totals": lambda: translate(
        "Cli", "{buildings}, {units} ({for_rent}, {common}), leasable {leasable} m², leased "
        "{leased} m², vacant {vacant} m², occupancy {occupancy}"),
    "info-building": lambda: translate("Cli", "{code} {name}: {floors}, {units}"),
    "print-classes": lambda: translate("Cli", "--classes takes 2 to 9"),
    "print-wrote": lambda: translate("Cli", "wrote {file}: {pages}"),
    "layers-pairs": lambda: translate(
        "Cli", "--layers wants role=layer pairs, such as rooms=使用面积线, not “{text}”"),
    "building-or-site": lambda: translate(
        "Cli", "give --building CODE for a floor plan, or --site for a site plan"),
    "floor-or-levels": lambda: translate(
        "Cli", "give --floor for a one-floor drawing or --levels, not both"),
    "levels-bad": lambda: translate(
        "Cli", "--levels {text}: give one level per floor, comma-separated, e.g. --levels "
        "1,2,3 (-1 or B1 is the first basement; there is no level 0)"),
    "dry-run": lambda: translate("Cli", "dry run: nothing was written; the import would change:"),
    "site-kept-hint": lambda: translate(
        "Cli", "(--replace-site-plan removes the previous site plan)"),
    # counts, singular and plural (Chinese says both alike)
    "n-building": lambda: translate("Cli", "{n} building"),
    "n-buildings": lambda: translate("Cli", "{n} buildings"),
    "n-floor": lambda: translate("Cli", "{n} floor"),
    "n-floors": lambda: translate("Cli", "{n} floors"),
    "n-unit": lambda: translate("Cli", "{n} unit"),
    "n-units": lambda: translate("Cli", "{n} units"),
    "n-rent-unit": lambda: translate("Cli", "{n} unit for rent"),
    "n-rent-units": lambda: translate("Cli", "{n} units for rent"),
    "n-common-room": lambda: translate("Cli", "{n} common room"),
    "n-common-rooms": lambda: translate("Cli", "{n} common rooms"),
    "n-tenant": lambda: translate("Cli", "{n} tenant"),
    "n-tenants": lambda: translate("Cli", "{n} tenants"),
    "n-contract": lambda: translate("Cli", "{n} contract"),
    "n-contracts": lambda: translate("Cli", "{n} contracts"),
    "n-page": lambda: translate("Cli", "{n} page"),
    "n-pages": lambda: translate("Cli", "{n} pages"),
    "n-room": lambda: translate("Cli", "{n} room"),
    "n-rooms": lambda: translate("Cli", "{n} rooms"),
    # the drawing's report (leasemap import)
    "plan-head": lambda: translate("Report", "{file} ({format}), units taken as {unit}"),
    "plan-head-no-unit": lambda: translate("Report", "{file} ({format})"),
    "unknown-format": lambda: translate("Report", "unknown format"),
    "plan-floor-level": lambda: translate(
        "Report", 'floor "{name}" of the drawing → level {level} ({evidence})'),
    "evidence-option": lambda: translate("Report", "given with {option}"),
    "plan-level-refusal": lambda: translate("Report", "level: {message}"),
    "plan-floor": lambda: translate("Report", "floor {name}: {rooms}"),
    "plan-stated": lambda: translate("Report", "(stated {area})"),
    "plan-error": lambda: translate("Report", "error: {message}"),
    "plan-warning": lambda: translate("Report", "warning: {message}"),
    # what an import changes (leasemap import)
    "changes-building": lambda: translate("Report", "building {code}"),
    "changes-building-new": lambda: translate("Report", "building {code} (new)"),
    "changes-floor": lambda: translate(
        "Report", "{floor} (level {level}): {added} added, {changed} changed, {unchanged} "
        "unchanged, {removed} removed, {kept} kept (under contract)"),
    "changes-floor-new": lambda: translate(
        "Report", "{floor} (level {level}, new): {added} added, {changed} changed, {unchanged} "
        "unchanged, {removed} removed, {kept} kept (under contract)"),
    "changes-warning": lambda: translate("Report", "warning: {message}"),
    "changes-relabelled": lambda: translate(
        "Report", "relabelled: {code} matched by overlap, label {room} differs from unit "
        "{unit}: {before} → {after} m²"),
    "changes-renumbered": lambda: translate(
        "Report", "relabelled: {code} → {new_code}: its code {unit} was made of the drawing's "
        "internal handle, not a number a person can say"),
    "changes-changed": lambda: translate("Report", "changed {code}: {before} → {after} m²"),
    "changes-kept": lambda: translate(
        "Report", "kept {code}: gone from the drawing but a contract points at it"),
    "changes-area": lambda: translate(
        "Report", "area {code}: leasable {leasable_before} → {leasable_after} m², billable "
        "{billable_before} → {billable_after} m²"),
    "changes-amendment": lambda: translate(
        "Report", "amendment needed: contract {contract}, unit {unit}: signed on {signed} m², "
        "now {now} m²"),
    "changes-attention": lambda: translate(
        "Report", "needs attention: contract {contracts}, unit {code}: matched by overlap to "
        "room {room}, whose label differs from unit {unit}"),
    "changes-renumbered-attention": lambda: translate(
        "Report", "needs attention: contract {contracts}, unit {code} is now {new_code}: the "
        "contract names the old code"),
}

# Findings and refusals the CLI words its own way: it names the option to pass where the
# window asks for a field (the wizard's templates are in views.problem_text). Key: code,
# or code:case; the English is the lower layer's own message, word for word.
CLI_MESSAGES: dict[str, Callable[[], str]] = {
    "level-unknown": lambda: translate(
        "Cli", 'no floor level for "{file}": neither its name nor its title names one; pass '
        "--floor N with the level"),
    "level-unknown:roof": lambda: translate(
        "Cli", '"{file}" names the roof ("{word}"), which is not a level; pass --floor N with '
        "the level"),
    "level-conflict:file-name": lambda: translate(
        "Cli", 'the file name "{text}" names two floors, "{first}" (level {first_level}) and '
        '"{second}" (level {second_level}); pass --floor N with the level'),
    "level-conflict:in-title": lambda: translate(
        "Cli", 'the title "{text}" names two floors, "{first}" (level {first_level}) and '
        '"{second}" (level {second_level}); pass --floor N with the level'),
    "level-conflict:title": lambda: translate(
        "Cli", 'the file name "{file}" says level {first_level} but the drawing\'s title '
        '"{text}" says level {second_level}; pass --floor N with the level'),
    "levels-unknown": lambda: translate(
        "Cli", "{file} has {count} floors and no level in the title of {floors}; pass --levels "
        "with one level per floor in drawing order (e.g. --levels {example})"),
    "levels-count": lambda: translate(
        "Cli", "--levels gives {given} levels but {file} has {count} floors ({floors}); give "
        "one level per floor, in that order"),
    "levels-repeated": lambda: translate(
        "Cli", 'floors "{first}" and "{second}" would both be level {level}; pass --levels with '
        "one level per floor in drawing order"),
    "floor-multi": lambda: translate(
        "Cli", "--floor applies to a one-floor plan; {file} has {count} floors: give each its "
        "level with --levels"),
}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# Params that carry an amount of money: said with thousands separators, as the windows
# show amounts ("25,080.00"), while a refusal's JSON keeps the plain figure.
MONEY_PARAMS = frozenset({"amount", "holds", "total", "invoiced", "adding", "exclusive", "tax",
                          "expected", "tolerance"})


def _grouped(params: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` with each amount of money grouped by thousands, every digit it had kept
    (a refused ``12345.678`` is said as ``12,345.678``, not rounded)."""
    out = dict(params)
    for key in MONEY_PARAMS.intersection(params):
        try:
            number = Decimal(str(params[key]))
        except ArithmeticError:
            continue
        if number.is_finite():
            out[key] = f"{number:,}"
    return out


def _fill(template: str, params: Mapping[str, Any]) -> str | None:
    """The template filled, or None when it needs a part ``params`` lacks."""
    try:
        return template.format_map(params)
    except (KeyError, IndexError, ValueError, AttributeError):
        return None


def say(key: str, **params: object) -> str:
    """One of :data:`TEXTS` in the current language, filled with ``params``."""
    template = TEXTS[key]()
    filled = _fill(template, {k: str(v) for k, v in params.items()})
    if filled is None:
        raise KeyError(f"{key}: {sorted(_fields(template) - set(params))} missing")
    return filled


def count_text(n: int, what: str) -> str:
    """``1 unit``, ``1,504 units``: ``what`` is a :data:`TEXTS` pair, ``unit`` for n-unit(s)."""
    return say(f"n-{what}" if n == 1 else f"n-{what}s", n=f"{n:,}")


def _parts(message: Any) -> tuple[str, dict[str, str], str, tuple[Any, ...]]:
    """Code, params, English text and sub-messages of an error, finding or its JSON."""
    if isinstance(message, Mapping):
        return (str(message.get("code") or ""), dict(message.get("params") or {}),
                str(message.get("message", "")), tuple(message.get("parts") or ()))
    code = getattr(message, "code", "")
    params = getattr(message, "params", None)
    english = getattr(message, "message", None)
    return (code if isinstance(code, str) else "",
            dict(params) if isinstance(params, Mapping) else {},
            english if isinstance(english, str) else str(message),
            tuple(getattr(message, "parts", ()) or ()))


def message_text(message: Any) -> str:
    """Any error or finding in the current language; one without a template as its English.

    Takes a ``UserError``, an importer's ``Problem``, their JSON form
    (``{"code", "params", "message"}``), an import's overlap refusal, an
    ``OSError``, or any other exception (said as ``str()``).
    """
    if hasattr(message, "overlaps") and hasattr(message, "kept") and hasattr(message, "floor"):
        return overlap_refusal_text(message)
    code, params, english, parts = _parts(message)
    if not code and isinstance(message, OSError):
        return _os_text(message)
    said = [message_text(part) for part in parts]
    template = MESSAGES.get(code)
    if template is not None:
        filled = _fill(template(), {**_grouped(params), "parts": joined(said)})
        if filled is not None:
            return filled
    elif code:
        from views.problem_text import problem_text

        found = problem_text({"code": code, "params": params, "message": ""})
        if found:
            return found
    return joined(said) if said else english


def cli_message_text(message: Any) -> str:
    """An error or finding as the CLI says it: its own wording first (:data:`CLI_MESSAGES`)."""
    code, params, _english, _said = _parts(message)
    key = code
    if params.get("case"):
        key = f"{code}:{params['case']}"
    elif code == "level-conflict":  # the name or the title names two floors
        key = f"{code}:{'file-name' if params.get('text') == params.get('file') else 'in-title'}"
    template = CLI_MESSAGES.get(key)
    if template is not None:
        count = params.get("count", "")
        example = ",".join(str(n) for n in range(1, int(count) + 1)) if count.isdigit() else ""
        filled = _fill(template(), {"example": example, **_grouped(params)})
        if filled is not None:
            return filled
    return message_text(message)


def joined(texts: Iterable[str]) -> str:
    return translate("Messages", "; ").join(texts)


def _os_text(error: OSError) -> str:
    file = error.filename if error.filename is not None else ""
    code = OS_CODES.get(error.errno or 0, "os-other")
    params = {"file": str(file), "detail": error.strerror or str(error)}
    return _fill(MESSAGES[code](), params) or str(error)


def fit_warning_text(warning: Any) -> str:
    """Why a drawing may be another floor's (``store.plan_import.FitWarning``)."""
    return message_text({"code": f"fit-{warning.case}", "params": dict(warning.params),
                         "message": warning.message})


# -- an import's refusal and notes, as the wizard and the CLI say them ----------------------


def overlap_refusal_text(refusal: Any) -> str:
    """Why a drawing cannot be imported: each pair of overlapping units and what to do.

    ``refusal`` is a ``store.plan_import.UnitsOverlap`` (``floor``, ``kept``, ``overlaps``).
    """
    lines = [
        translate("ImportFlow", "The drawing cannot be imported: on floor %1 units would "
                                "overlap, and no two units on a floor may share floor area.")
        .replace("%1", refusal.floor)
    ]
    lines += [_kept_text(pair) for pair in refusal.kept]
    for overlap in refusal.overlaps:
        lines.append(
            translate("ImportFlow", "  %1 and %2 share %3 m²")
            .replace("%3", str(overlap.area))
            .replace("%1", _room_text(overlap.first, overlap.first_unit))
            .replace("%2", _room_text(overlap.second, overlap.second_unit))
        )
    lines.append(translate("ImportFlow", "Correct the drawing and read it again."))
    return "\n".join(lines)


def _room_text(room: str, unit: str) -> str:
    if unit:
        return translate("ImportFlow", "room %1 (%2)").replace("%1", room).replace("%2", unit)
    return translate("ImportFlow", "room %1").replace("%1", room)


def _kept_text(pair: Any) -> str:
    if pair.contracts:
        return (
            translate("ImportFlow", "  Room %1 overlaps %2 by %3 m²; %2 is kept for contract "
                                    "%4: end or amend the contract, or correct the drawing")
            .replace("%1", pair.room).replace("%3", str(pair.area))
            .replace("%4", ", ".join(pair.contracts)).replace("%2", pair.unit)
        )
    history = ", ".join(
        translate("ImportFlow", "%1 (a draft)").replace("%1", code) if ended is None
        else translate("ImportFlow", "%1, ended %2").replace("%1", code)
        .replace("%2", ended.isoformat())
        for code, ended in pair.history
    )
    return (
        translate("ImportFlow", "  Room %1 overlaps %2 by %3 m²; %2 is kept only because "
                                "contract %4 points at it: archive the unit first (an import "
                                "cannot overwrite a unit with history), or correct the drawing")
        .replace("%1", pair.room).replace("%3", str(pair.area))
        .replace("%4", history).replace("%2", pair.unit)
    )


def change_notes(changes: Any) -> str:
    """What the wizard's change list adds to the counts: warnings, areas, amendments.

    ``changes`` is a ``store.plan_import.ImportChanges``.
    """
    lines: list[str] = []
    for warning in changes.warnings:
        lines.append(translate("ImportFlow", "Warning: %1. Importing needs your confirmation.")
                     .replace("%1", fit_warning_text(warning)))
    for floor in changes.floors:
        for area in floor.area_changes:
            lines.append(
                translate("ImportFlow", "  %1: leasable %2 → %3 m², billable %4 → %5 m²")
                .replace("%1", area.code)
                .replace("%2", _area(area.leasable_before))
                .replace("%3", _area(area.leasable_after))
                .replace("%4", _area(area.billable_before))
                .replace("%5", _area(area.billable_after))
            )
        for relabel in floor.relabelled:
            if relabel.renumbered:
                lines.append(
                    translate("ImportFlow", "  %1 becomes %2: its code was made of the "
                                            "drawing's internal handle")
                    .replace("%1", relabel.code).replace("%2", relabel.new_code))
                if relabel.needs_attention:
                    lines.append(
                        translate("ImportFlow", "  Needs attention: %1 is under contract %2, "
                                                "which names the old code")
                        .replace("%1", relabel.code)
                        .replace("%2", ", ".join(relabel.contracts)))
                continue
            lines.append(
                translate("ImportFlow", "  %1 matched by overlap: the drawing labels the room "
                                        "%2, not %3; %4 → %5 m²")
                .replace("%1", relabel.code)
                .replace("%2", relabel.room_label)
                .replace("%3", relabel.unit_label)
                .replace("%4", _area(relabel.area_before))
                .replace("%5", _area(relabel.area_after))
            )
            if relabel.needs_attention:
                lines.append(
                    translate("ImportFlow", "  Needs attention: %1 is under contract %2 and "
                                            "was matched to room %3 only by where it lies; "
                                            "check it is the same unit")
                    .replace("%1", relabel.code)
                    .replace("%2", ", ".join(relabel.contracts))
                    .replace("%3", relabel.room_label)
                )
        for amendment in floor.amendments:
            lines.append(
                translate("ImportFlow", "  Contract %1 needs an amendment: %2 was signed on %3 "
                                        "m², now %4 m²")
                .replace("%1", amendment.contract)
                .replace("%2", amendment.unit)
                .replace("%3", _area(amendment.signed_area))
                .replace("%4", _area(amendment.new_area))
            )
    return "\n".join(lines)


def _area(value: object) -> str:
    """An area of a change report as it was measured; ``—`` for none."""
    return "—" if value is None else str(value)


def changes_text(changes: Any) -> str:
    """An import's changes as the CLI reports them, floor by floor, every unit that moves."""
    lines = [say("changes-building-new" if changes.building_created else "changes-building",
                 code=changes.building)]
    for f in changes.floors:
        lines.append("  " + say(
            "changes-floor-new" if f.created else "changes-floor", floor=f.name, level=f.level,
            added=len(f.added), changed=len(f.updated), unchanged=len(f.unchanged),
            removed=len(f.archived), kept=len(f.kept_with_contracts)))
        lines += ["    " + say("changes-warning", message=fit_warning_text(w))
                  for w in f.warnings]
        lines += ["    " + (
            say("changes-renumbered", code=r.code, new_code=r.new_code, unit=r.unit_label)
            if r.renumbered else
            say("changes-relabelled", code=r.code, room=r.room_label, unit=r.unit_label,
                before=_area(r.area_before), after=_area(r.area_after)))
            for r in f.relabelled]
        lines += ["    " + say("changes-changed", code=code, before=_area(before),
                               after=_area(after)) for code, before, after in f.updated]
        lines += ["    " + say("changes-kept", code=code) for code in f.kept_with_contracts]
        lines += ["    " + say("changes-area", code=a.code,
                               leasable_before=_area(a.leasable_before),
                               leasable_after=_area(a.leasable_after),
                               billable_before=_area(a.billable_before),
                               billable_after=_area(a.billable_after)) for a in f.area_changes]
        lines += ["    " + say("changes-amendment", contract=a.contract, unit=a.unit,
                               signed=_area(a.signed_area), now=_area(a.new_area))
                  for a in f.amendments]
        lines += ["    " + (
            say("changes-renumbered-attention", contracts=", ".join(r.contracts), code=r.code,
                new_code=r.new_code)
            if r.renumbered else
            say("changes-attention", contracts=", ".join(r.contracts), code=r.code,
                room=r.room_label, unit=r.unit_label))
            for r in f.relabelled if r.needs_attention]
    return "\n".join(lines)


def site_changes_text(changes: Any) -> str:
    """What a site drawing would change (``store.site_import.SiteChanges``)."""
    lines = [translate("SiteFlow", "Buildings that get their footprint from the drawing: %1")
             .replace("%1", str(len(changes.placed)))]
    lines += [f"  {code}: {area} m²" for code, area in changes.placed]
    if changes.unmatched:
        lines.append(translate("SiteFlow", "Outlines naming no building of the park: %1")
                     .replace("%1", ", ".join(changes.unmatched)))
    if changes.not_drawn:
        lines.append(translate("SiteFlow", "Not in the drawing (laid out automatically): %1")
                     .replace("%1", ", ".join(changes.not_drawn)))
    if changes.site_plan:
        lines.append(translate("SiteFlow", "The drawing's other linework becomes the site plan."))
    if changes.site_plan_kept:
        lines.append(translate("SiteFlow", "The drawing has no site linework: the previous "
                                           "site plan is kept."))
    if changes.site_plan_removed:
        lines.append(translate("SiteFlow", "The drawing has no site linework: the previous "
                                           "site plan is removed."))
    return "\n".join(lines)


def evidence_text(row: Mapping[str, Any]) -> str:
    """Why a floor has its level (``{"level", "source", "text", "matched"}``)."""
    source, text, matched = row.get("source"), row.get("text", ""), row.get("matched", "")
    if row.get("level") is None:
        return translate("ImportWizard", "unknown: enter the level")
    if source == "user":
        return translate("ImportWizard", "entered by you")
    if source == "elevation order":
        return translate("ImportWizard", "by elevation order (storey at %1 m)").replace("%1", text)
    if source == "storey name":
        return translate("ImportWizard", "from the storey name “%1”").replace("%1", text)
    if source == "title":
        return translate("ImportWizard", "from the drawing's title “%1”").replace("%1", text)
    if source == "file name":
        if matched and matched != text.rsplit(".", 1)[0]:
            return (translate("ImportWizard", "from “%1” in the file name “%2”")
                    .replace("%1", matched).replace("%2", text))
        return translate("ImportWizard", "from the file name “%1”").replace("%1", text)
    return text
