"""A contract's document for signing: every fact in the document's language, from a template.

The document's language is chosen per document (a foreign tenant's contract
in English from a Chinese desktop), not the interface's, so nothing here goes
through Qt's catalogue (services cannot reach it anyway). Two kinds of text:

- The frame of the contract (title, articles, boilerplate, where the tables,
  plan and signatures go) is a park's editable template: plain text with
  ``{placeholders}`` (:data:`FIELDS`; ``{{`` and ``}}`` for braces), ``# `` for
  the title, ``## `` for an article's heading, a blank line between
  paragraphs, and a block (:data:`BLOCKS`: the units table, the plan, the
  clauses, the schedule, the signatures) on a line of its own. The park's
  ``DocumentTemplate`` ("standard", by language) wins over the default in
  ``resources/templates``. A placeholder the document does not know is
  reported with its line, never left blank.
- The clauses in words are written from the contract's terms by code, with
  the phrases of both languages side by side in :data:`PHRASES` here, not in
  the template files: which sentence a clause needs depends on its data (a
  CPI clause with a floor and no cap, a turnover clause with bands), the
  figures are formatted as the engine computes them, and a test reads every
  clause kind in both languages. A park changes the contract's wording
  around them; the clause sentences stay the ones the schedule is computed
  from.

A bilingual document (:data:`BILINGUAL`, ``zh_CN+en``) has no template of its
own: it is made from the park's two language templates (each the park's or
the default, as above), paired section by section. A section is what runs
from one ``## `` heading to the next (the title and the parties before the
first); the two templates must have as many sections, with the same blocks in
the same order in each (else the document is refused, the section named, and
the template editor says so as the park types). Within a section, the
Chinese heading or paragraph comes first with its English beneath; where a
section's two runs of text between blocks do not match one for one, the
Chinese run is printed whole, then the English. So a park edits the bilingual
document by editing the two language templates, and a bilingual document
never says what its two single-language documents do not (but for the
governing-language clause below).
Each block (tables, plan, signatures) is printed once, its headings and words
in both languages, and the clauses each in Chinese with the English beneath.
The Chinese text governs, and the document says so in both languages
(``governing``), right before the signatures.

The plan excerpt shows the let units' part of each floor (:func:`excerpt_bounds`):
their extent with a margin, so that a unit and its code are read at a
legible size even on a large floor; the whole floor when they cover most of it.

The generated PDF (``views.contract_pdf``) and attached files are kept with
the contract as ``ContractDocument`` rows.
"""

from __future__ import annotations

import mimetypes
import string
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from shapely.geometry.base import BaseGeometry
from sqlalchemy import func, select
from sqlalchemy.orm import Session

import resources
from domain.leasing.clauses import (
    Basis,
    Charge,
    DueKind,
    Escalation,
    EscalationKind,
    LateFee,
    RentFreeRule,
    RentTerms,
    Turnover,
)
from domain.leasing.contract import ContractSpec
from domain.leasing.schedule import Problem, Reason, ScheduleLine, add_months, total
from domain.money import money, round_to
from runtime.messages import UserError
from services.contracts import find_contract, schedule_of, spec_of
from services.maps import decode_outline
from store.holds import current_link
from store.schema import (
    Building,
    Contract,
    ContractDocument,
    ContractUnit,
    DocumentTemplate,
    Floor,
    Park,
    Tenant,
    Unit,
)
from store.workspace import Workspace

LANGUAGES = ("zh_CN", "en")  # each has its phrases and a template
BILINGUAL = "zh_CN+en"  # Chinese with English beneath, the Chinese governing
DOCUMENT_LANGUAGES = (*LANGUAGES, BILINGUAL)  # what a document can be made in
TEMPLATE_NAME = "standard"
TEMPLATES = Path(resources.__file__).with_name("templates")
GENERATED, ATTACHED = "generated", "attached"

# Text placeholders, filled where they stand.
FIELDS = (
    "contract_code", "contract_version", "signed_on", "today",
    "landlord_name", "landlord_address",
    "tenant_name", "tenant_contact", "tenant_phone", "tenant_email",
    "unit_codes", "total_area", "term_start", "term_end", "term_clause", "delivered_on",
    "rent_starts_on",
    "rent_clause", "tiers_clause", "coefficient_clause", "rent_free_clause",
    "escalation_clause", "turnover_clause", "charges_clause", "deposit_clause", "due_clause",
    "late_fee_clause", "deposit", "rent_total", "schedule_total", "schedule_total_words",
    "notes",
)
# Block placeholders, each on a line of its own: a table, the plan, a list, the signatures.
BLOCKS = ("units_table", "plan_excerpt", "clauses", "schedule_table", "signatures")
PLACEHOLDERS = FIELDS + BLOCKS
BLANK = "________"  # a party's detail not on file: a line to fill in by hand
Bounds = tuple[float, float, float, float]  # minx, miny, maxx, maxy
# The plan excerpt (excerpt_bounds): a margin of this share of the let units' larger side
# around them, at least EXCERPT_LEAST metres; the whole floor when that window would be
# EXCERPT_WHOLE of the floor's box or more; a window taller than EXCERPT_TALLEST × its width
# widened to fill the paper's width (the printed excerpt is at most 110 mm tall over the
# 174 mm of A4's text, 0.63: views.contract_pdf narrows a taller one, leaving paper blank;
# 0.6 leaves room for the hair of margin it draws around the window).
EXCERPT_MARGIN, EXCERPT_LEAST, EXCERPT_WHOLE, EXCERPT_TALLEST = 0.15, 3.0, 0.6, 0.6


# -- records ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    """One side of the contract as the document names it."""

    role: str  # 出租方（甲方） / Landlord
    name: str
    address: str = ""
    contact: str = ""  # person, phone, email as one line


@dataclass(frozen=True)
class DocumentUnit:
    code: str
    building: str
    floor: str
    area: Decimal  # billable area let, m²
    area_text: str


@dataclass(frozen=True)
class ClauseText:
    """One clause in words; ``kind`` is its placeholder's stem (``rent_free``). In a
    bilingual document the English is printed beneath (``second_title``, ``second_text``)."""

    kind: str
    title: str
    text: str
    second_title: str = ""
    second_text: str = ""


@dataclass(frozen=True)
class ScheduleRow:
    """A schedule line as the document prints it."""

    period: str
    due: str
    charge: str
    amount: Decimal
    amount_text: str
    why: str


@dataclass(frozen=True)
class TemplatePart:
    """A piece of the rendered template: ``title``, ``heading``, ``paragraph`` (text filled)
    or ``block`` (``text`` is the block's name). In a bilingual document ``second`` is the
    English printed beneath the Chinese ``text`` (either may be "" where the two templates'
    text does not pair one for one)."""

    kind: str
    text: str
    second: str = ""


@dataclass(frozen=True)
class PlanUnit:
    id: uuid.UUID
    code: str
    outline: BaseGeometry
    let: bool  # one of the contract's units (highlighted)


@dataclass(frozen=True)
class PlanFloor:
    """A floor the contract lets units on, as its plan draws it."""

    id: uuid.UUID
    title: str  # building · floor
    background: BaseGeometry | None
    units: tuple[PlanUnit, ...]
    # The part of the floor the excerpt shows (minx, miny, maxx, maxy; metres, y up), from
    # excerpt_bounds; None: the whole floor.
    window: Bounds | None = None

    @property
    def let_codes(self) -> tuple[str, ...]:
        return tuple(u.code for u in self.units if u.let)


@dataclass(frozen=True)
class ContractDocumentData:
    """Everything the contract's document says, in ``language``, ready to print."""

    contract_id: uuid.UUID
    code: str
    version: int
    language: str
    currency: str
    title: str
    landlord: Party
    tenant: Party
    units: tuple[DocumentUnit, ...]
    total_area: Decimal
    starts_on: date
    ends_on: date
    clauses: tuple[ClauseText, ...]
    schedule: tuple[ScheduleRow, ...]
    totals: tuple[tuple[str, str], ...]  # (what, amount text): each charge's, then the whole
    total: Decimal  # every line of the schedule
    total_text: str  # the total as printed
    notes: tuple[str, ...]  # what the schedule cannot say yet (sales, CPI not known)
    words: Mapping[str, str]  # headings, column names, signature lines, page numbers
    fields: Mapping[str, str]  # each text placeholder's value
    template: str  # the template's text
    template_source: str  # "park", "default", or "edited" (a template being previewed)
    parts: tuple[TemplatePart, ...]
    plan: tuple[PlanFloor, ...] = ()
    plan_caption: str = ""  # under the plan: each floor and its units let
    # A bilingual document's own facts and fields are the Chinese (governing) ones; its
    # words, tables and parts say both; ``second`` is the English document it pairs with.
    second: ContractDocumentData | None = None


@dataclass(frozen=True)
class DocumentInfo:
    """A file kept with a contract, without its content."""

    id: uuid.UUID
    name: str
    kind: str  # generated | attached
    media_type: str
    version: int
    added_on: date
    size: int


@dataclass(frozen=True)
class TemplateProblem:
    """What is wrong with a template: ``code`` and its figures (``line``, ``name``…)."""

    # unknown-placeholder | block-inline | placeholder-format | malformed | unknown-language
    # | unpaired-sections | unpaired-blocks (the two templates of a bilingual document)
    code: str
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        said = ", ".join(f"{k} {v}" for k, v in self.params.items())
        return f"{self.code}: {said}" if said else self.code


class TemplateRefused(UserError):
    """A template that cannot fill the document; ``problems`` say where. Nothing written."""

    def __init__(self, message: str, code: str = "template-refused", /, *,
                 problems: Sequence[TemplateProblem] = (), **params: object) -> None:
        super().__init__(message, code, parts=problems, **params)
        self.problems = list(problems)


# -- phrases ---------------------------------------------------------------------------

# Every word the document prints, by language. str.format fields are filled with text
# already formatted for the language (amounts, dates, percentages).
PHRASES: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "房屋租赁合同",
        "landlord": "出租方（甲方）",
        "tenant": "承租方（乙方）",
        "money": "{amount}元",
        "money-other": "{amount} {currency}",
        "price-month": "{amount}元/平方米/月",
        "price-day": "{amount}元/平方米/日",
        "price-month-other": "{amount} {currency}/平方米/月",
        "price-day-other": "{amount} {currency}/平方米/日",
        "area": "{area}平方米",
        "date": "{year}年{month}月{day}日",
        "list-sep": "；",
        "stop": "。", "space": "",
        "cycle-monthly": "按月", "cycle-quarterly": "按季", "cycle-half_yearly": "按半年",
        "cycle-yearly": "按年",
        # clause titles
        "t-rent": "租金", "t-tiers": "分档计价", "t-coefficient": "面积系数",
        "t-rent_free": "免租期", "t-escalation": "租金调整", "t-turnover": "营业额提成租金",
        "t-charges": "其他费用", "t-deposit": "保证金", "t-due": "支付期限",
        "t-late_fee": "滞纳金",
        # term
        "term": "租赁期限自{start}起至{end}止，共{length}。",
        "term-months": "{months}个月", "term-days": "{days}天",
        "term-months-days": "{months}个月又{days}天",
        "term-delivered": "甲方于{day}向乙方交付房屋。",
        "term-rent-start": "计租日为{day}。",
        # rent
        "rent-month": "租金单价为{price}，计租面积{area}，月租金{monthly}。",
        "rent-day": "租金单价为{price}，计租面积{area}，按实际天数计收，日租金{daily}。",
        "rent-tiered-month": "租金按第{n}项分档计价，月租金{monthly}。",
        "rent-tiered-day": "租金按第{n}项分档计价，按实际天数计收，日租金{daily}。",
        "rent-cycle": "租金及费用{cycle}预付",
        "rent-calendar": "，计费期按自然周期划分，首末两期按实际天数折算",
        "rent-from-start": "，计费期自租期起始日起算",
        "rent-30": "；不足一个月的按每月30天折算。",
        "rent-actual": "；不足一个月的按当月实际天数折算。",
        # tiers
        "tiers": "计租面积分档计价：{bands}。",
        "tier-first": "首{upto}按{price}",
        "tier-middle": "{below}至{upto}的部分按{price}",
        "tier-rest": "超过{below}的部分按{price}",
        # coefficient
        "coefficient": "计费面积按计租面积乘以系数{k}计算，为{billed}。",
        # rent-free
        "rent-free-none": "本合同无免租期。",
        "rent-free": "{kind}自{start}至{end}，共{days}天，免收租金",
        "rent-free-charges": "（免租期内物业费等其他费用照常收取）",
        "rent-free-fit_out": "装修免租期", "rent-free-after_opening": "开业免租期",
        "rent-free-other": "免租期",
        "rent-free-stack": "多个免租期重叠的，依次顺延累计。",
        "rent-free-longer": "多个免租期重叠的，仅适用其中较长者。",
        # escalation
        "escalation-none": "租期内租金单价不作调整。",
        "escalation-percent": "自租期起始日起每满一年，租金单价在上一年度基础上"
                              "递增{percent}%。",
        "escalation-amount": "自租期起始日起每满一年，租金单价增加{price}。",
        "escalation-stepped": "租金单价按下列阶梯执行：{steps}。",
        "step": "自{day}起为{price}",
        "escalation-cpi_change": "每年{on}起，租金单价按上一年度居民消费价格指数（CPI）的"
                                 "涨幅调整{bounds}。当年所依据的指数尚未公布的，先按"
                                 "{interim}计收，公布后补收差额。",
        "escalation-cpi_ratio": "每年{on}起，租金单价调整为基期单价乘以上一年度居民消费价格"
                                "指数（CPI）与租期开始前一年度指数之比{bounds}。当年所依据的"
                                "指数尚未公布的，先按{interim}计收，公布后补收差额。",
        "cpi-on": "{month}月{day}日",
        "cpi-floor-cap": "，每年调整幅度不低于{floor}%、不高于{cap}%",
        "cpi-floor": "，每年调整幅度不低于{floor}%",
        "cpi-cap": "，每年调整幅度不高于{cap}%",
        "cpi-interim-floor": "下限{floor}%",
        "cpi-interim-none": "原单价",
        # turnover
        "turnover-none": "本合同不计收营业额提成租金。",
        "turnover": "每个自然月的租金为保底租金加上当月营业额超过{breakpoint}部分的提成{rates}，"
                    "即保底租金与提成租金孰高{limits}。乙方应按月如实申报营业额。",
        "turnover-natural": "自然保底点（保底租金÷提成比例）",
        "turnover-rate": "（提成比例{rate}%）",
        "turnover-bands": "（{bands}）",
        "turnover-band-first": "超出部分首{upto}按{rate}%",
        "turnover-band-middle": "{below}至{upto}按{rate}%",
        "turnover-band-rest": "其余按{rate}%",
        "turnover-min-max": "；每月提成部分不低于{minimum}、不高于{maximum}",
        "turnover-min": "；每月提成部分不低于{minimum}",
        "turnover-max": "；每月提成部分不高于{maximum}",
        # charges
        "charges-none": "除租金外，本合同不收取其他固定费用。",
        "charge-sqm": "{name}按{price}计收，每月{monthly}",
        "charge-fixed": "{name}每月{monthly}",
        "charges-tail": "，与租金同期支付。",
        "charge-property_fee": "物业管理费", "charge-service": "服务费",
        "charge-parking": "停车费", "charge-other": "其他费用", "charge-rent": "租金",
        # deposit
        "deposit": "乙方应于签订本合同时向甲方支付租赁保证金{amount}，租赁期满结清全部款项后"
                   "无息退还。",
        "deposit-none": "本合同不收取租赁保证金。",
        # due
        "due-days-before": "每期租金及费用应于该计费期开始前{days}日支付。",
        "due-first-day": "每期租金及费用应于该计费期首日支付。",
        "due-day-of-month": "每期租金及费用应于该计费期开始前一个月的{day}日前支付。",
        # late fee
        "late-fee-none": "本合同未约定滞纳金。",
        "late-fee": "乙方逾期支付的，每逾期一日按逾期金额的{rate}%支付滞纳金{grace}{cap}。",
        "late-fee-grace-due": "（宽限{days}日，宽限期内付清的不计；超过宽限期的，自应付日起计）",
        "late-fee-grace-after": "（宽限{days}日，宽限期内付清的不计；超过宽限期的，"
                                "自宽限期满次日起计）",
        "late-fee-cap": "，滞纳金总额以逾期金额为限",
        # notes, totals, tables
        "notes-none": "无。",
        "plan-none": "（所租单元尚无平面图。）",
        "plan-caption": "图：{floors}",
        "plan-floor": "{floor}（{units}）",
        "codes-sep": "、", "why-sep": "，",
        "clause-head": "{n}. {title}：",
        "clause-head-plain": "{title}：",
        "governing": "本合同中英文版本如有不一致，以中文版本为准。",
        "currency-cny": "元",
        "note-sales-missing": "营业额提成租金按乙方每月申报的营业额另行计算，上表仅列保底租金。",
        "note-cpi-unknown": "所依据的CPI尚未公布的年度暂按下限计算，公布后补收差额。",
        "note-problem": "本明细有待核对的事项：{code}。",
        "total": "合计", "total-of": "{name}合计", "total-all": "总计",
        "col-code": "单元编号", "col-building": "楼栋", "col-floor": "楼层",
        "col-area": "计租面积（平方米）",
        "col-period": "计费期间", "col-due": "应付日", "col-charge": "项目",
        "col-amount": "金额（{currency}）", "col-why": "说明",
        "sign-name": "名称：{name}",
        "sign-by": "授权代表（签字）：",
        "sign-seal": "（盖章）",
        "sign-date": "日期：　　　　年　　月　　日",
        "page": "第 {page} 页，共 {pages} 页",
        "footer": "合同编号 {code}",
        # reasons of a schedule line
        "why-prorated": "按{days}/{of}天折算",
        "why-rent-free": "免租",
        "why-step": "{start}起单价{price}",
        "why-escalation": "{start}起递增{percent}%",
        "why-escalation-amount": "{start}起单价增加{amount}",
        "why-cpi": "CPI涨幅{change}%，按{applied}%调整",
        "why-cpi-unknown": "CPI未公布，暂按{applied}%",
        "why-turnover": "营业额{sales}，提成{amount}",
        "why-turnover-minimum": "提成不低于{minimum}",
        "why-turnover-maximum": "提成不高于{maximum}",
        "why-sales-missing": "营业额未申报",
        "why-month": "{month}{said}",
        "why-rent-free-not-applied": "免租期内照收",
    },
    "en": {
        "title": "Lease Agreement",
        "landlord": "Landlord",
        "tenant": "Tenant",
        "money": "CNY {amount}",
        "money-other": "{currency} {amount}",
        "price-month": "CNY {amount} per m² per month",
        "price-day": "CNY {amount} per m² per day",
        "price-month-other": "{currency} {amount} per m² per month",
        "price-day-other": "{currency} {amount} per m² per day",
        "area": "{area} m²",
        "date": "{day} {month_name} {year}",
        "list-sep": "; ",
        "stop": ".", "space": " ",
        "cycle-monthly": "monthly", "cycle-quarterly": "quarterly",
        "cycle-half_yearly": "half-yearly", "cycle-yearly": "yearly",
        "t-rent": "Rent", "t-tiers": "Area bands", "t-coefficient": "Area coefficient",
        "t-rent_free": "Rent-free periods", "t-escalation": "Rent review",
        "t-turnover": "Turnover rent", "t-charges": "Charges", "t-deposit": "Deposit",
        "t-due": "Payment", "t-late_fee": "Late payment",
        "term": "The term runs from {start} to {end}, {length}.",
        "term-months": "{months} months", "term-days": "{days} days",
        "term-months-days": "{months} months and {days} days",
        "term-delivered": "The Landlord hands the premises over on {day}.",
        "term-rent-start": "Rent starts on {day}.",
        "rent-month": "The rent is {price} on a billable area of {area}, {monthly} a month.",
        "rent-day": "The rent is {price} on a billable area of {area}, billed by the actual "
                    "days, {daily} a day.",
        "rent-tiered-month": "The rent is priced by the area bands of clause {n}, {monthly} a "
                             "month.",
        "rent-tiered-day": "The rent is priced by the area bands of clause {n}, billed by the "
                           "actual days, {daily} a day.",
        "rent-cycle": "Rent and charges are paid {cycle} in advance",
        "rent-calendar": "; periods follow the calendar, the first and the last prorated by "
                         "their days",
        "rent-from-start": "; periods count from the start of the term",
        "rent-30": "; a part of a month is prorated over 30 days.",
        "rent-actual": "; a part of a month is prorated by its actual days.",
        "tiers": "The billable area is priced in bands: {bands}.",
        "tier-first": "the first {upto} at {price}",
        "tier-middle": "{below} to {upto} at {price}",
        "tier-rest": "above {below} at {price}",
        "coefficient": "The area billed is the billable area × {k}, {billed}.",
        "rent-free-none": "There is no rent-free period.",
        "rent-free": "{kind} from {start} to {end} ({days} days): no rent is billed",
        "rent-free-charges": " (charges are billed as usual)",
        "rent-free-fit_out": "Fit-out rent-free period",
        "rent-free-after_opening": "Rent-free period after opening",
        "rent-free-other": "Rent-free period",
        "rent-free-stack": "Overlapping rent-free periods add up, one after the other.",
        "rent-free-longer": "Where rent-free periods overlap, only the longer applies.",
        "escalation-none": "The rent per m² does not change over the term.",
        "escalation-percent": "On each anniversary of the start of the term the rent per m² "
                              "rises by {percent} % over the year before.",
        "escalation-amount": "On each anniversary of the start of the term the rent rises by "
                             "{price}.",
        "escalation-stepped": "The rent per m² follows these steps: {steps}.",
        "step": "from {day}, {price}",
        "escalation-cpi_change": "Each year from {on}, the rent per m² changes by the previous "
                                 "year's consumer price index (CPI) change{bounds}. A year whose "
                                 "index is not yet published is billed at {interim}, and the "
                                 "difference is billed once it is.",
        "escalation-cpi_ratio": "Each year from {on}, the rent per m² is the starting rent × "
                                "the previous year's consumer price index (CPI) ÷ the index of "
                                "the year before the term began{bounds}. A year whose index is "
                                "not yet published is billed at {interim}, and the difference "
                                "is billed once it is.",
        "cpi-on": "{day} {month_name}",
        "cpi-floor-cap": ", a yearly change of at least {floor} % and at most {cap} %",
        "cpi-floor": ", a yearly change of at least {floor} %",
        "cpi-cap": ", a yearly change of at most {cap} %",
        "cpi-interim-floor": "the floor of {floor} %",
        "cpi-interim-none": "the rent before",
        "turnover-none": "There is no turnover rent.",
        "turnover": "The rent of each calendar month is the base rent plus a share of the "
                    "month's sales above {breakpoint}{rates}: the higher of the base rent "
                    "and the turnover rent{limits}. The Tenant reports its sales every "
                    "month.",
        "turnover-natural": "the natural breakpoint (base rent ÷ rate)",
        "turnover-rate": " at {rate} %",
        "turnover-bands": " ({bands})",
        "turnover-band-first": "the first {upto} above it at {rate} %",
        "turnover-band-middle": "{below} to {upto} at {rate} %",
        "turnover-band-rest": "the rest at {rate} %",
        "turnover-min-max": "; the turnover part is at least {minimum} and at most {maximum} "
                            "a month",
        "turnover-min": "; the turnover part is at least {minimum} a month",
        "turnover-max": "; the turnover part is at most {maximum} a month",
        "charges-none": "There are no fixed charges besides the rent.",
        "charge-sqm": "{name} at {price}, {monthly} a month",
        "charge-fixed": "{name} of {monthly} a month",
        "charges-tail": ", paid with the rent.",
        "charge-property_fee": "Property management fee", "charge-service": "Service charge",
        "charge-parking": "Parking", "charge-other": "Other charge", "charge-rent": "Rent",
        "deposit": "The Tenant pays a deposit of {amount} on signing, returned without "
                   "interest when the lease ends and every amount is settled.",
        "deposit-none": "No deposit is due.",
        "due-days-before": "Rent and charges for each period are due {days} days before "
                           "it starts.",
        "due-first-day": "Rent and charges for each period are due on its first day.",
        "due-day-of-month": "Rent and charges for each period are due on day {day} of the "
                            "month before it starts.",
        "late-fee-none": "No late fee is agreed.",
        "late-fee": "An amount paid late bears a late fee of {rate} % of it for each day "
                    "late{grace}{cap}.",
        "late-fee-grace-due": " (paid within {days} days of the due date: no fee; paid later: "
                              "counted from the due date)",
        "late-fee-grace-after": " (paid within {days} days of the due date: no fee; paid "
                                "later: counted from the day after those {days} days)",
        "late-fee-cap": ", never more than the amount overdue",
        "notes-none": "None.",
        "plan-none": "(The units let have no plan drawn yet.)",
        "plan-caption": "Plan: {floors}",
        "plan-floor": "{floor} ({units})",
        "codes-sep": ", ", "why-sep": "; ",
        "clause-head": "{n}. {title}. ",
        "clause-head-plain": "{title}. ",
        "governing": "Should the Chinese and English versions differ, the Chinese version "
                     "prevails.",
        "currency-cny": "CNY",
        "note-sales-missing": "Turnover rent follows from the sales the Tenant reports each "
                              "month; the schedule shows the base rent.",
        "note-cpi-unknown": "A year whose CPI is not yet published is billed at the floor; "
                            "the difference is billed once it is.",
        "note-problem": "To be checked in this schedule: {code}.",
        "total": "Total", "total-of": "{name} in all", "total-all": "Total",
        "col-code": "Unit", "col-building": "Building", "col-floor": "Floor",
        "col-area": "Billable area (m²)",
        "col-period": "Period", "col-due": "Due", "col-charge": "Item",
        "col-amount": "Amount ({currency})", "col-why": "Notes",
        "sign-name": "Name: {name}",
        "sign-by": "Signed by (authorised representative):",
        "sign-seal": "(Seal)",
        "sign-date": "Date:",
        "page": "Page {page} of {pages}",
        "footer": "Contract {code}",
        "why-prorated": "{days}/{of} days",
        "why-rent-free": "rent-free",
        "why-step": "{price} from {start}",
        "why-escalation": "+{percent} % from {start}",
        "why-escalation-amount": "+{amount} from {start}",
        "why-cpi": "CPI {change} %, applied {applied} %",
        "why-cpi-unknown": "CPI not yet known: {applied} % for now",
        "why-turnover": "sales {sales}: turnover {amount}",
        "why-turnover-minimum": "turnover at least {minimum}",
        "why-turnover-maximum": "turnover at most {maximum}",
        "why-sales-missing": "sales not reported",
        "why-month": "{month}: {said}",
        "why-rent-free-not-applied": "billed in rent-free",
    },
    # A bilingual document stacks each language's words (a column's name, a role: the
    # Chinese with the English beneath); these lines read better said once in both.
    BILINGUAL: {
        "sign-name": "名称 Name：{name}",
        "sign-date": "日期 Date：　　　　年　　月　　日",
        "page": "第 {page} 页，共 {pages} 页 · Page {page} of {pages}",
        "footer": "合同编号 Contract no. {code}",
    },
}
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def _language_problem(language: str) -> TemplateProblem:
    return TemplateProblem("unknown-language", {"language": language})


def _known_language(language: str) -> None:
    """Refuse a language the document has no words for (by its code, for the reader)."""
    if language not in LANGUAGES:
        raise TemplateRefused(f"no contract document in language {language}",
                              "unknown-language", problems=[_language_problem(language)],
                              language=language)


class _Words:
    """The phrases of one language, filled (a missing phrase is a bug: KeyError)."""

    def __init__(self, language: str, currency: str) -> None:
        _known_language(language)
        self.language = language
        self.table = PHRASES[language]
        self.currency = currency

    def __call__(self, key: str, **params: str) -> str:
        return self.table[key].format(**params)

    def money(self, amount: Decimal) -> str:
        key = "money" if self.currency == "CNY" else "money-other"
        return self(key, amount=number_text(money(amount)), currency=self.currency)

    def price(self, amount: Decimal, basis: Basis) -> str:
        key = "price-day" if basis is Basis.PER_SQM_DAY else "price-month"
        if self.currency != "CNY":
            key += "-other"
        return self(key, amount=price_text(amount), currency=self.currency)

    def area(self, area: Decimal) -> str:
        return self("area", area=number_text(area))

    def day(self, day: date) -> str:
        """A date in prose: 2026年3月1日, 1 March 2026."""
        return self("date", year=str(day.year), month=str(day.month), day=str(day.day),
                    month_name=MONTHS_EN[day.month - 1])

    def join(self, texts: Iterable[str]) -> str:
        return self("list-sep").join(texts)


# -- figures as printed -----------------------------------------------------------------


def number_text(value: Decimal, places: int = 2) -> str:
    """An amount or area as printed: grouped, to ``places`` (``37,620.00``)."""
    return f"{round_to(value, places):,}"


def price_text(value: Decimal) -> str:
    """A price per m²: two places, or up to four when it has them (``4.125``)."""
    for places in (2, 3):
        if value == round_to(value, places):
            return number_text(value, places)
    return number_text(value, 4)


def percent_text(value: Decimal) -> str:
    """A percentage without trailing zeros: ``5``, ``2.5``, ``0.05``."""
    return f"{value.normalize():f}"


def chinese_amount(amount: Decimal) -> str:
    """An amount in Chinese capital numerals as a contract or an invoice writes it.

    >>> chinese_amount(Decimal("696600.00"))
    '陆拾玖万陆仟陆佰元整'
    >>> chinese_amount(Decimal("100500.05"))
    '壹拾万零伍佰元零伍分'
    >>> chinese_amount(Decimal("0.50"))
    '伍角整'
    """
    digits = "零壹贰叁肆伍陆柒捌玖"
    value = money(amount)
    cents = int(abs(value) * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    groups = []  # of four digits, the lowest first: 个, 万, 亿, 万亿
    while yuan:
        groups.append(yuan % 10000)
        yuan //= 10000
    out, gap = "", False
    for g in range(len(groups) - 1, -1, -1):
        group = groups[g]
        if not group:
            gap = bool(out)  # a whole group of zeros: one 零 before what follows
            continue
        zero = bool(out) and (gap or group < 1000)
        gap = False
        for place, unit in ((1000, "仟"), (100, "佰"), (10, "拾"), (1, "")):
            digit = group // place % 10
            if not digit:
                zero = zero or group >= place * 10  # after a digit of this group
                continue
            out += ("零" if zero else "") + digits[digit] + unit
            zero = False
        out += ("", "万", "亿", "万")[g % 4]
    if out:
        out += "元"
    if jiao:
        out += digits[jiao] + "角"
    if fen:
        out += ("零" if out and not jiao else "") + digits[fen] + "分"
    sign = "负" if value < 0 else ""
    return sign + (out or "零元") + ("" if fen else "整")


_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def english_amount(amount: Decimal, currency: str = "CNY") -> str:
    """An amount in words as a cheque writes it.

    >>> english_amount(Decimal("696600.00"))
    'CNY six hundred ninety-six thousand six hundred and 00/100'
    """
    value = money(amount)
    whole = int(abs(value))
    cents = int(abs(value) * 100) % 100

    def below_thousand(n: int) -> list[str]:
        words = []
        if n >= 100:
            words += [_ONES[n // 100], "hundred"]
            n %= 100
        if n >= 20:
            words.append(_TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else ""))
        elif n:
            words.append(_ONES[n])
        return words

    words: list[str] = []
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand"), (1, "")):
        if whole >= size:
            words += below_thousand(whole // size) + ([name] if name else [])
            whole %= size
    said = " ".join(words) or "zero"
    return f"{currency} {'minus ' if value < 0 else ''}{said} and {cents:02d}/100"


# -- the clauses in words ---------------------------------------------------------------


CLAUSE_ORDER = ("rent", "tiers", "coefficient", "rent_free", "escalation", "turnover",
                "charges", "deposit", "due", "late_fee")


def clause_texts(spec: ContractSpec, language: str, currency: str = "CNY"
                 ) -> tuple[ClauseText, ...]:
    """The contract's clauses in words, numbered as printed: rent, area bands and the
    coefficient when there are any, rent-free, escalation, turnover when there is one,
    charges, deposit, payment, late fee (a clause the contract lacks says so: "no
    rent-free period" is a term too)."""
    w = _Words(language, currency)
    return _clauses(w, spec.terms, _clause_sentences(w, spec))


def _clauses(w: _Words, terms: RentTerms, sentences: Mapping[str, str]
             ) -> tuple[ClauseText, ...]:
    return tuple(ClauseText(kind, w(f"t-{kind}"), sentences[kind])
                 for kind in _shown_clauses(terms))


def _shown_clauses(terms: RentTerms) -> list[str]:
    optional = {"tiers": bool(terms.tiers), "coefficient": terms.area_coefficient != 1,
                "turnover": terms.turnover is not None}
    return [kind for kind in CLAUSE_ORDER if optional.get(kind, True)]


def _clause_sentences(w: _Words, spec: ContractSpec) -> dict[str, str]:
    """Each clause's sentence, present or not (a template may name any of them)."""
    terms = spec.terms
    shown = _shown_clauses(terms)
    tiers_clause = str(shown.index("tiers") + 1) if "tiers" in shown else ""
    return {
        "rent": _rent_sentence(w, terms, tiers_clause),
        "tiers": _tiers_sentence(w, terms),
        "coefficient": _coefficient_sentence(w, terms),
        "rent_free": _rent_free_sentence(w, terms),
        "escalation": _escalation_sentence(w, terms.escalation, terms.basis),
        "turnover": _turnover_sentence(w, terms.turnover),
        "charges": _charges_sentence(w, terms.charges, terms.area),
        "deposit": (w("deposit", amount=w.money(spec.deposit)) if spec.deposit
                    else w("deposit-none")),
        "due": _due_sentence(w, terms),
        "late_fee": _late_fee_sentence(w, terms.late_fee),
    }


def _billed_rent(terms: RentTerms, price: Decimal) -> Decimal:
    """A month's (or per day a day's) rent at ``price`` over the bands, as the engine bills
    it before proration."""
    area = terms.area * terms.area_coefficient
    if not terms.tiers:
        return price * area
    rent, below = Decimal(0), Decimal(0)
    for upper, band in terms.tiers:
        top = area if upper is None else min(area, upper)
        if top > below:
            rent += (top - below) * (band + price - terms.rate)
        below = max(below, top)
    return rent


def _rent_sentence(w: _Words, terms: RentTerms, tiers_clause: str = "") -> str:
    """The price, the rent it makes, the cycle and how a part of a month is billed."""
    per_day = terms.basis is Basis.PER_SQM_DAY
    amount = w.money(_billed_rent(terms, terms.rate))
    if tiers_clause:
        head = w("rent-tiered-day" if per_day else "rent-tiered-month", n=tiers_clause,
                 monthly=amount, daily=amount)
    else:
        head = w("rent-day" if per_day else "rent-month",
                 price=w.price(terms.rate, terms.basis), area=w.area(terms.area),
                 monthly=amount, daily=amount)
    cycle = w("rent-cycle", cycle=w(f"cycle-{terms.cycle.value}"))
    periods = w("rent-calendar") if terms.calendar_periods else w("rent-from-start")
    if per_day:
        partial = w("stop")  # every day billed: no part of a month to prorate
    else:
        partial = w("rent-30") if terms.thirty_day_months else w("rent-actual")
    return head + w("space") + cycle + periods + partial


def _bands(w: _Words, bands: Sequence[tuple[Decimal | None, Decimal]], prefix: str,
           bound: Callable[[Decimal], str], name: str, say: Callable[[Decimal], str]) -> str:
    """Banded figures in words (``<prefix>-first``, ``-middle``, ``-rest``): the first band
    up to its top, each next one from the top before, the last (no top) above it; ``bound``
    says a top, ``say`` a band's figure (the phrase's ``{name}``)."""
    said, below = [], Decimal(0)
    for upper, figure in bands:
        if upper is None:
            said.append(w(f"{prefix}-rest", below=bound(below), **{name: say(figure)}))
        elif not below:
            said.append(w(f"{prefix}-first", upto=bound(upper), **{name: say(figure)}))
        else:
            said.append(w(f"{prefix}-middle", below=bound(below), upto=bound(upper),
                          **{name: say(figure)}))
        below = upper if upper is not None else below
    return w.join(said)


def _limits(w: _Words, prefix: str, *limits: tuple[str, str, str | None]) -> str:
    """A lower and an upper limit, whichever are set: ``<prefix>-<low>-<high>``,
    ``<prefix>-<low>`` or ``<prefix>-<high>`` (each limit its key word, its phrase's figure
    name and the figure said); "" with neither."""
    given = [(word, name, figure) for word, name, figure in limits if figure is not None]
    if not given:
        return ""
    return w("-".join([prefix, *(word for word, _name, _figure in given)]),
             **{name: figure for _word, name, figure in given})


def _tiers_sentence(w: _Words, terms: RentTerms) -> str:
    if not terms.tiers:
        return w("tiers", bands="—")
    return w("tiers", bands=_bands(w, terms.tiers, "tier", w.area, "price",
                                   lambda price: w.price(price, terms.basis)))


def _coefficient_sentence(w: _Words, terms: RentTerms) -> str:
    return w("coefficient", k=percent_text(terms.area_coefficient),
             billed=w.area(terms.area * terms.area_coefficient))


def _rent_free_sentence(w: _Words, terms: RentTerms) -> str:
    if not terms.rent_free:
        return w("rent-free-none")
    said = [w("rent-free", kind=w(f"rent-free-{f.kind.value}"), start=w.day(f.starts_on),
              end=w.day(f.ends_on), days=str(f.days))
            for f in sorted(terms.rent_free, key=lambda f: f.starts_on)]
    text = w.join(said) + (w("rent-free-charges") if terms.charges else "") + w("stop")
    if len(terms.rent_free) > 1:
        rule = terms.rent_free_rule
        text += w("space") + w("rent-free-stack" if rule is RentFreeRule.STACK
                               else "rent-free-longer")
    return text


def _escalation_sentence(w: _Words, clause: Escalation | None, basis: Basis) -> str:
    if clause is None:
        return w("escalation-none")
    kind = clause.kind
    if kind is EscalationKind.FIXED_PERCENT:
        return w("escalation-percent", percent=percent_text(clause.percent))
    if kind is EscalationKind.FIXED_AMOUNT:
        return w("escalation-amount", price=w.price(clause.amount, basis))
    if kind is EscalationKind.STEPPED:
        steps = [w("step", day=w.day(when), price=w.price(price, basis))
                 for when, price in sorted(clause.steps)]
        return w("escalation-stepped", steps=w.join(steps))
    on = w("cpi-on", month=str(clause.on_month), day=str(clause.on_day),
           month_name=MONTHS_EN[clause.on_month - 1] if 1 <= clause.on_month <= 12 else "")
    floor = None if clause.floor is None else percent_text(clause.floor)
    cap = None if clause.cap is None else percent_text(clause.cap)
    bounds = _limits(w, "cpi", ("floor", "floor", floor), ("cap", "cap", cap))
    interim = (w("cpi-interim-floor", floor=floor) if floor is not None
               else w("cpi-interim-none"))
    return w(f"escalation-{kind.value}", on=on, bounds=bounds, interim=interim)


def _turnover_sentence(w: _Words, clause: Turnover | None) -> str:
    if clause is None:
        return w("turnover-none")
    breakpoint = (w("turnover-natural") if clause.breakpoint is None
                  else w.money(clause.breakpoint))
    if clause.tiers:
        rates = w("turnover-bands", bands=_bands(
            w, clause.tiers, "turnover-band", w.money, "rate",
            lambda rate: percent_text(rate * 100)))
    else:
        rates = w("turnover-rate", rate=percent_text(clause.rate * 100))
    limits = _limits(
        w, "turnover",
        ("min", "minimum", None if clause.minimum is None else w.money(clause.minimum)),
        ("max", "maximum", None if clause.maximum is None else w.money(clause.maximum)))
    return w("turnover", breakpoint=breakpoint, rates=rates, limits=limits)


def charge_name(w: _Words, code: str) -> str:
    """What a schedule line bills, by its ``charge`` code (``service:空调`` is 空调)."""
    kind, _, name = code.partition(":")
    if name:
        return name
    key = f"charge-{kind}"
    return w(key) if key in w.table else code


def _charges_sentence(w: _Words, charges: Sequence[Charge], area: Decimal) -> str:
    if not charges:
        return w("charges-none")
    said = []
    for charge in charges:
        name = charge.name or w(f"charge-{charge.kind.value}")
        monthly = w.money(charge.amount * area if charge.per_sqm else charge.amount)
        if charge.per_sqm:
            said.append(w("charge-sqm", name=name, price=w.price(charge.amount,
                                                                 Basis.PER_SQM_MONTH),
                          monthly=monthly))
        else:
            said.append(w("charge-fixed", name=name, monthly=monthly))
    return w.join(said) + w("charges-tail")


def _due_sentence(w: _Words, terms: RentTerms) -> str:
    due = terms.due
    if due.kind is DueKind.DAY_OF_MONTH:
        return w("due-day-of-month", day=str(due.days))
    if due.days:
        return w("due-days-before", days=str(due.days))
    return w("due-first-day")


def _late_fee_sentence(w: _Words, fee: LateFee | None) -> str:
    if fee is None:
        return w("late-fee-none")
    grace = ""
    if fee.grace_days:
        grace = w("late-fee-grace-due" if fee.from_due_date else "late-fee-grace-after",
                  days=str(fee.grace_days))
    return w("late-fee", rate=percent_text(fee.rate_per_day * 100), grace=grace,
             cap=w("late-fee-cap") if fee.capped else "")


def term_sentence(w: _Words, spec: ContractSpec) -> str:
    start, end = spec.starts_on, spec.ends_on
    months = 0
    while add_months(start, months + 1, start.day) <= end + timedelta(days=1):
        months += 1
    days = (end + timedelta(days=1) - add_months(start, months, start.day)).days
    if months and days:
        length = w("term-months-days", months=str(months), days=str(days))
    elif months:
        length = w("term-months", months=str(months))
    else:
        length = w("term-days", days=str(days))
    text = w("term", start=w.day(start), end=w.day(end), length=length)
    more = []
    if spec.delivered_on is not None:
        more.append(w("term-delivered", day=w.day(spec.delivered_on)))
    if spec.rent_starts_on is not None and spec.rent_starts_on != start:
        more.append(w("term-rent-start", day=w.day(spec.rent_starts_on)))
    return w("space").join([text, *more])


# -- the schedule as printed -------------------------------------------------------------


def reason_words(w: _Words, reason: Reason, dated: bool = False) -> str:
    """A schedule line's reason in a few words; "" for what the table says already.

    ``dated``: the line spans several calendar months, each of whose turnover is reckoned
    on its own, so a month's sales and turnover (or its missing sales) say which month."""
    said = _reason_words(w, reason)
    month = reason.params.get("month", "")
    if dated and month and reason.code in ("turnover", "sales-missing"):
        return w("why-month", month=month[:7], said=said)
    return said


def _reason_words(w: _Words, reason: Reason) -> str:
    p = reason.params
    code = reason.code

    def figure(key: str, say: Callable[[Decimal], str] = number_text) -> str:
        return say(Decimal(p.get(key, "0")))

    if code == "prorated":
        return w("why-prorated", days=p.get("days", ""), of=p.get("of", ""))
    if code == "rent-free":
        return w("why-rent-free")
    if code == "step":
        return w("why-step", price=figure("price", price_text), start=p.get("from", ""))
    if code == "escalation":
        return w("why-escalation", percent=figure("percent", percent_text),
                 start=p.get("from", ""))
    if code == "escalation-amount":
        return w("why-escalation-amount", amount=figure("amount", price_text),
                 start=p.get("from", ""))
    if code == "cpi":
        if p.get("known") == "no":
            return w("why-cpi-unknown", applied=p.get("applied", ""))
        return w("why-cpi", change=p.get("change", ""), applied=p.get("applied", ""))
    if code == "turnover":
        return w("why-turnover", sales=figure("sales"), amount=figure("amount"))
    if code == "turnover-minimum":
        return w("why-turnover-minimum", minimum=figure("minimum"))
    if code == "turnover-maximum":
        return w("why-turnover-maximum", maximum=figure("maximum"))
    if code == "sales-missing":
        return w("why-sales-missing")
    if code == "rent-free-not-applied":
        return w("why-rent-free-not-applied")
    return ""  # base, charge, turnover-band: the columns and the clauses say them


def schedule_rows(w: _Words, lines: Sequence[ScheduleLine]) -> tuple[ScheduleRow, ...]:
    sep = w("why-sep")
    rows = []
    for line in lines:
        dated = (line.starts_on.year, line.starts_on.month) != (line.ends_on.year,
                                                                line.ends_on.month)
        said = (reason_words(w, r, dated) for r in line.reasons)
        rows.append(ScheduleRow(
            f"{line.starts_on.isoformat()} – {line.ends_on.isoformat()}",
            line.due_on.isoformat(), charge_name(w, line.charge), line.amount,
            number_text(line.amount), sep.join(dict.fromkeys(t for t in said if t))))
    return tuple(rows)


def schedule_totals(w: _Words, lines: Sequence[ScheduleLine]) -> tuple[tuple[str, str], ...]:
    """Each charge's total when there is more than one kind of line, then the whole."""
    kinds = list(dict.fromkeys(line.charge for line in lines))
    said = []
    if len(kinds) > 1:
        said = [(w("total-of", name=charge_name(w, kind)), number_text(total(lines, kind)))
                for kind in kinds]
    return (*said, (w("total-all") if said else w("total"), number_text(total(lines, None))))


def schedule_notes(w: _Words, problems: Sequence[Problem]) -> tuple[str, ...]:
    said: dict[str, str] = {}
    for problem in problems:
        if problem.code == "sales-missing":
            said.setdefault(problem.code, w("note-sales-missing"))
        elif problem.code == "cpi-unknown":
            said.setdefault(problem.code, w("note-cpi-unknown"))
        else:
            said.setdefault(problem.code, w("note-problem", code=problem.code))
    return tuple(said.values())


# -- templates --------------------------------------------------------------------------


def default_template(language: str) -> str:
    """The template the app ships for ``language``."""
    _known_language(language)
    return (TEMPLATES / f"contract_{language}.txt").read_text(encoding="utf-8")


def template_of(session: Session, park_id: uuid.UUID, language: str) -> tuple[str, str]:
    """The park's template for ``language`` and where it came from: "park" or "default"."""
    row = _template_row(session, park_id, language)
    if row is not None and not row.archived:
        return row.body, "park"
    return default_template(language), "default"


def _template_row(session: Session, park_id: uuid.UUID, language: str
                  ) -> DocumentTemplate | None:
    return session.scalar(select(DocumentTemplate).where(
        DocumentTemplate.park_id == park_id, DocumentTemplate.name == TEMPLATE_NAME,
        DocumentTemplate.language == language))


def template_problems(body: str) -> list[TemplateProblem]:
    """Everything that keeps ``body`` from filling a document, line by line."""
    return _parse(body)[1]


def _parse(body: str) -> tuple[list[tuple[str, int, str]], list[TemplateProblem]]:
    """The template's pieces (kind, first line number, raw text) and its problems."""
    pieces: list[tuple[str, int, str]] = []
    problems: list[TemplateProblem] = []
    paragraph: list[str] = []
    start = 0

    def close() -> None:
        if paragraph:
            pieces.append(("paragraph", start, "\n".join(paragraph)))
            paragraph.clear()

    for number, raw in enumerate(body.replace("\r\n", "\n").split("\n"), 1):
        line = raw.rstrip()
        stripped = line.strip()
        kind, text = "paragraph", line
        if stripped.startswith("## "):
            kind, text = "heading", stripped[3:].strip()
        elif stripped.startswith("# "):
            kind, text = "title", stripped[2:].strip()
        names = _names(text, number, problems)
        alone = len(names) == 1 and stripped == "{" + names[0] + "}"
        for name in names:
            if name in BLOCKS and not (alone and kind == "paragraph"):
                problems.append(TemplateProblem("block-inline", {"name": name,
                                                                 "line": str(number)}))
            elif name not in PLACEHOLDERS:
                problems.append(TemplateProblem("unknown-placeholder",
                                                {"name": name, "line": str(number)}))
        if not stripped:
            close()
        elif alone and names[0] in BLOCKS:
            close()
            pieces.append(("block", number, names[0]))
        elif kind != "paragraph":
            close()
            pieces.append((kind, number, text))
        else:
            if not paragraph:
                start = number
            paragraph.append(text.strip())
    close()
    return pieces, problems


def _names(text: str, number: int, problems: list[TemplateProblem]) -> list[str]:
    """The placeholders of one line; a malformed one or one with a format is a problem."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        problems.append(TemplateProblem("malformed", {"line": str(number),
                                                      "detail": str(exc)}))
        return []
    names = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if spec or conversion:
            problems.append(TemplateProblem("placeholder-format",
                                            {"name": name, "line": str(number)}))
        names.append(name)
    return names


def _refuse(problems: Sequence[TemplateProblem]) -> None:
    if problems:
        said = "; ".join(p.message for p in problems)
        raise TemplateRefused(f"the contract template cannot be used: {said}",
                              problems=problems)


def _fill(text: str, fields: Mapping[str, str]) -> str:
    return "".join(literal + (fields[name] if name is not None else "")
                   for literal, name, _spec, _conv in string.Formatter().parse(text))


def render_parts(body: str, fields: Mapping[str, str]) -> tuple[TemplatePart, ...]:
    """The template's pieces with every text placeholder filled; refused with every problem
    (an unknown placeholder is named with its line, never left blank)."""
    pieces, problems = _parse(body)
    _refuse(problems)
    return tuple(TemplatePart(kind, text if kind == "block" else _fill(text, fields))
                 for kind, _number, text in pieces)


def render_template(body: str, data: ContractDocumentData) -> str:
    """The document as plain text: the template filled, each block written out as lines."""
    out = []
    for part in render_parts(body, data.fields):
        out.append(block_text(part.text, data) if part.kind == "block" else part.text)
    return "\n\n".join(out) + "\n"


def document_text(data: ContractDocumentData) -> str:
    """The document as plain text from its rendered parts (a bilingual one's too: each
    part's second language on the lines beneath)."""
    out = []
    for part in data.parts:
        if part.kind == "block":
            out.append(block_text(part.text, data))
        else:
            out.append("\n".join(t for t in (part.text, part.second) if t))
    return "\n\n".join(out) + "\n"


def block_text(name: str, data: ContractDocumentData) -> str:
    """A block as lines of text (the plain-text document; the PDF draws tables). A cell
    with both languages says them on one line, " / " between."""
    w = {key: value.replace("\n", " / ") for key, value in data.words.items()}
    if name == "units_table":
        rows = [f"{u.code}\t{u.building}\t{u.floor}\t{u.area_text}" for u in data.units]
        return "\n".join([f"{w['col-code']}\t{w['col-building']}\t{w['col-floor']}\t"
                          f"{w['col-area']}", *rows,
                          f"{w['total']}\t\t\t{number_text(data.total_area)}"])
    if name == "plan_excerpt":
        return data.plan_caption.replace("\n", " / ") if data.plan else w["plan-none"]
    if name == "clauses":
        lines = []
        for i, c in enumerate(data.clauses, 1):
            lines.append(w["clause-head"].format(n=i, title=c.title) + c.text)
            if c.second_text:
                lines.append(w["clause-head-plain"].format(title=c.second_title)
                             + c.second_text)
        return "\n".join(lines)
    if name == "schedule_table":
        rows = [f"{r.period}\t{r.due}\t{r.charge}\t{r.amount_text}\t{r.why}".rstrip()
                .replace("\n", " / ") for r in data.schedule]
        head = (f"{w['col-period']}\t{w['col-due']}\t{w['col-charge']}\t"
                f"{w['col-amount']}\t{w['col-why']}")
        return "\n".join([head, *rows, *(f"{what}\t{amount}".replace("\n", " / ")
                                         for what, amount in data.totals), *data.notes])
    if name == "signatures":
        lines = []
        for party in (data.landlord, data.tenant):
            lines += [party.role.replace("\n", " / "), w["sign-name"].format(name=party.name),
                      w["sign-by"], w["sign-seal"], w["sign-date"], ""]
        return "\n".join(lines).rstrip()
    raise KeyError(name)


def set_template(workspace: Workspace, park_id: uuid.UUID, language: str, body: str
                 ) -> uuid.UUID:
    """Keep ``body`` as the park's template for ``language``; refused (nothing written) when
    a placeholder is unknown or out of place."""
    problems = template_problems(body)
    if language not in LANGUAGES:
        problems.insert(0, _language_problem(language))
    _refuse(problems)
    with workspace.transaction() as session:
        row = _template_row(session, park_id, language)
        if row is None:
            row = DocumentTemplate(park_id=park_id, name=TEMPLATE_NAME, language=language,
                                   body=body)
            session.add(row)
        else:
            if row.body != body:
                row.body = body
            if row.archived:
                row.archived = False
        session.flush()
        return row.id


def reset_template(workspace: Workspace, park_id: uuid.UUID, language: str) -> None:
    """Go back to the default template (the park's is archived, its text kept)."""
    with workspace.transaction() as session:
        row = _template_row(session, park_id, language)
        if row is not None and not row.archived:
            row.archived = True


# -- the document's data -----------------------------------------------------------------


def document_data(session: Session, contract_id: uuid.UUID | str, language: str,
                  on: date | None = None, template: str | None = None
                  ) -> ContractDocumentData:
    """Every fact of the contract's document in ``language`` (one of
    :data:`DOCUMENT_LANGUAGES`): parties, units and the plan of their floors, term, clauses
    in words, the full schedule and its total, and the park's template (``template``
    instead, to preview an edit of a single language's) rendered.

    Raises ``TemplateRefused`` when the template names a placeholder it should not, or, for
    a bilingual document, when the two templates do not pair (the problems name the
    template, ``template``: its language).
    """
    if language != BILINGUAL:
        return _document_data(session, contract_id, language, on, template)
    if template is not None:
        raise ValueError("a bilingual document has no template of its own to preview")
    zh = _tagged(lambda: _document_data(session, contract_id, "zh_CN", on), "zh_CN")
    en = _tagged(lambda: _document_data(session, contract_id, "en", on), "en")
    return bilingual_data(zh, en)


def _tagged(make: Callable[[], ContractDocumentData], language: str) -> ContractDocumentData:
    """``make()``, a template's refusal naming the template (two are read for one document)."""
    try:
        return make()
    except TemplateRefused as exc:
        problems = [TemplateProblem(p.code, {**p.params, "template": language})
                    for p in exc.problems]
        raise TemplateRefused(f"the {language} contract template cannot be used: "
                              + "; ".join(p.message for p in problems),
                              problems=problems) from exc


def _document_data(session: Session, contract_id: uuid.UUID | str, language: str,
                   on: date | None = None, template: str | None = None
                   ) -> ContractDocumentData:
    contract = find_contract(session, str(contract_id))
    park = session.get(Park, contract.park_id)
    assert park is not None  # a contract's park is a foreign key
    currency = park.currency or "CNY"
    w = _Words(language, currency)
    spec = spec_of(session, contract)
    tenant = session.get(Tenant, contract.tenant_id)
    units = _units(session, contract)
    schedule = schedule_of(session, contract.id)
    lines = schedule.lines
    whole = total(lines, None)
    sentences = _clause_sentences(w, spec)
    clauses = _clauses(w, spec.terms, sentences)
    landlord = Party(w("landlord"), park.name, _address(park, language))
    contact = [] if tenant is None else [tenant.contact_name, tenant.contact_phone,
                                         tenant.contact_email]
    tenant_party = Party(w("tenant"), spec.tenant_name or BLANK, "",
                         " · ".join(x for x in contact if x))
    plan = plan_floors(session, contract.id)
    total_area = sum((u.area for u in units), Decimal(0))
    words = {**{k: v for k, v in w.table.items() if k.startswith(("col-", "sign-", "total",
                                                                  "page", "footer", "plan-",
                                                                  "clause-"))},
             "col-amount": w("col-amount", currency=_currency_word(w))}
    fields = {
        "contract_code": contract.code,
        "contract_version": str(contract.version),
        "signed_on": w.day(contract.signed_on),
        "today": w.day(on or date.today()),
        "landlord_name": park.name,
        "landlord_address": landlord.address or BLANK,
        "tenant_name": tenant_party.name,
        "tenant_contact": (tenant.contact_name if tenant else "") or BLANK,
        "tenant_phone": (tenant.contact_phone if tenant else "") or BLANK,
        "tenant_email": (tenant.contact_email if tenant else "") or BLANK,
        "unit_codes": w("codes-sep").join(u.code for u in units),
        "total_area": number_text(total_area),
        "term_start": w.day(spec.starts_on),
        "term_end": w.day(spec.ends_on),
        "term_clause": term_sentence(w, spec),
        "delivered_on": w.day(spec.delivered_on) if spec.delivered_on else BLANK,
        "rent_starts_on": w.day(spec.first_rent_day),
        **{f"{kind}_clause": text for kind, text in sentences.items()},
        "deposit": w.money(spec.deposit),
        "rent_total": w.money(total(lines)),
        "schedule_total": w.money(whole),
        "schedule_total_words": (chinese_amount(whole) if language == "zh_CN"
                                 else english_amount(whole, currency)),
        "notes": spec.notes.strip() or w("notes-none"),
    }
    if template is None:
        body, source = template_of(session, park.id, language)
    else:
        body, source = template, "edited"
    parts = render_parts(body, fields)
    caption = w("plan-caption", floors=w.join(
        w("plan-floor", floor=f.title, units=w("codes-sep").join(f.let_codes))
        for f in plan)) if plan else ""
    title = next((p.text for p in parts if p.kind == "title"), w("title"))
    return ContractDocumentData(
        contract_id=contract.id, code=contract.code, version=contract.version,
        language=language, currency=currency, title=title, landlord=landlord,
        tenant=tenant_party, units=units, total_area=total_area, starts_on=spec.starts_on,
        ends_on=spec.ends_on, clauses=clauses, schedule=schedule_rows(w, lines),
        totals=schedule_totals(w, lines), total=whole, total_text=number_text(whole),
        notes=schedule_notes(w, schedule.problems), words=words, fields=fields,
        template=body, template_source=source, parts=parts, plan=plan, plan_caption=caption)


# -- the bilingual document ----------------------------------------------------------------


def bilingual_data(zh: ContractDocumentData, en: ContractDocumentData) -> ContractDocumentData:
    """One document from the contract's Chinese and English ones: the Chinese facts, every
    heading, paragraph and clause in Chinese with the English beneath, the tables' words
    stacked, and the governing-language clause before the signatures.

    Raises ``TemplateRefused`` when the two templates do not pair (see the module)."""
    parts, problems = pair_parts(zh.parts, en.parts)
    _refuse(problems)
    words = {key: stacked(zh.words[key], en.words[key]) for key in zh.words}
    words.update(PHRASES[BILINGUAL])
    words["clause-head"] = zh.words["clause-head"]
    words["clause-head-plain"] = en.words["clause-head-plain"]
    clauses = tuple(ClauseText(a.kind, a.title, a.text, b.title, b.text)
                    for a, b in zip(zh.clauses, en.clauses, strict=True))
    rows = tuple(ScheduleRow(a.period, a.due, stacked(a.charge, b.charge), a.amount,
                             a.amount_text, stacked(a.why, b.why))
                 for a, b in zip(zh.schedule, en.schedule, strict=True))
    totals = tuple((stacked(a[0], b[0]), a[1]) for a, b in zip(zh.totals, en.totals,
                                                                strict=True))
    notes = tuple(note for pair in zip(zh.notes, en.notes, strict=True) for note in pair)
    sources = {zh.template_source, en.template_source}
    return replace(
        zh, language=BILINGUAL, title=f"{zh.title} {en.title}",
        landlord=replace(zh.landlord, role=stacked(zh.landlord.role, en.landlord.role)),
        tenant=replace(zh.tenant, role=stacked(zh.tenant.role, en.tenant.role)),
        clauses=clauses, schedule=rows, totals=totals, notes=notes, words=words,
        template_source="park" if "park" in sources else zh.template_source, parts=parts,
        plan_caption=stacked(zh.plan_caption, en.plan_caption), second=en)


def stacked(first: str, second: str) -> str:
    """Two languages' words for one cell or line: the first with the second beneath, once
    when they are the same (a code, a name, a date)."""
    if not second or second == first:
        return first
    return f"{first}\n{second}" if first else second


def pair_parts(first: Sequence[TemplatePart], second: Sequence[TemplatePart]
               ) -> tuple[tuple[TemplatePart, ...], list[TemplateProblem]]:
    """Two languages' rendered templates as one, section by section (see the module), the
    governing-language clause before the signatures; the problems when they do not pair."""
    a, b = _sections(first), _sections(second)
    if len(a) != len(b):
        return (), [TemplateProblem("unpaired-sections", {
            "zh_CN": str(len(a) - 1), "en": str(len(b) - 1)})]
    problems = []
    for number, ((head, body_a), (_head, body_b)) in enumerate(zip(a, b, strict=True)):
        blocks_a = [p.text for p in body_a if p.kind == "block"]
        blocks_b = [p.text for p in body_b if p.kind == "block"]
        if blocks_a != blocks_b:
            problems.append(TemplateProblem("unpaired-blocks", {
                "section": str(number), "heading": head.text if head else "",
                "zh_CN": ", ".join(blocks_a) or "-", "en": ", ".join(blocks_b) or "-"}))
    if problems:
        return (), problems
    governing = TemplatePart("paragraph", PHRASES["zh_CN"]["governing"],
                             PHRASES["en"]["governing"])
    out: list[TemplatePart] = []
    for (head_a, body_a), (head_b, body_b) in zip(a, b, strict=True):
        if head_a is not None and head_b is not None:
            out.append(TemplatePart("heading", head_a.text, head_b.text))
        blocks = [p for p in body_a if p.kind == "block"]
        for run_a, run_b, block in zip(_runs(body_a), _runs(body_b), [*blocks, None],
                                       strict=True):
            if [p.kind for p in run_a] == [p.kind for p in run_b]:
                out += [TemplatePart(x.kind, x.text, y.text)
                        for x, y in zip(run_a, run_b, strict=True)]
            else:  # not one for one: all of the Chinese, then all of the English
                out += [*run_a, *(TemplatePart(y.kind, "", y.text) for y in run_b)]
            if block is not None:
                if block.text == "signatures" and governing not in out:
                    out.append(governing)
                out.append(block)
    if governing not in out:
        out.append(governing)
    return tuple(out), []


def _sections(parts: Sequence[TemplatePart]
              ) -> list[tuple[TemplatePart | None, list[TemplatePart]]]:
    """The parts before the first heading, then each heading and the parts up to the next."""
    sections: list[tuple[TemplatePart | None, list[TemplatePart]]] = [(None, [])]
    for part in parts:
        if part.kind == "heading":
            sections.append((part, []))
        else:
            sections[-1][1].append(part)
    return sections


def _runs(parts: Sequence[TemplatePart]) -> list[list[TemplatePart]]:
    """A section's text between its blocks: one run more than it has blocks."""
    runs: list[list[TemplatePart]] = [[]]
    for part in parts:
        if part.kind == "block":
            runs.append([])
        else:
            runs[-1].append(part)
    return runs


def pairing_problems(zh_body: str, en_body: str) -> list[TemplateProblem]:
    """Why the two templates cannot make a bilingual document (each must be clean first:
    its own problems are :func:`template_problems`'); [] when they pair."""
    zh_pieces, zh_problems = _parse(zh_body)
    en_pieces, en_problems = _parse(en_body)
    if zh_problems or en_problems:
        return []

    def parts(pieces: list[tuple[str, int, str]]) -> list[TemplatePart]:
        return [TemplatePart(kind, text) for kind, _number, text in pieces]

    return pair_parts(parts(zh_pieces), parts(en_pieces))[1]


def _currency_word(w: _Words) -> str:
    return w("currency-cny") if w.currency == "CNY" else w.currency


def _address(park: Park, language: str) -> str:
    """The park's address: city first in Chinese (unless the address names it), last in
    English."""
    if language == "zh_CN":
        return park.address if park.address.startswith(park.city) else \
            f"{park.city}{park.address}"
    return ", ".join(x for x in (park.address, park.city) if x)


def _units(session: Session, contract: Contract) -> tuple[DocumentUnit, ...]:
    rows = session.execute(
        select(Unit.code, Building.code, Building.name, Floor.name, ContractUnit.billable_area)
        .join(Unit, Unit.id == ContractUnit.unit_id)
        .join(Floor, Floor.id == Unit.floor_id)
        .join(Building, Building.id == Floor.building_id)
        .where(ContractUnit.contract_id == contract.id, current_link())
        .order_by(Unit.code)).all()
    return tuple(DocumentUnit(code, _building(b_code, b_name), floor, area, number_text(area))
                 for code, b_code, b_name, floor, area in rows)


def _building(code: str, name: str) -> str:
    """``A栋 办公楼`` rather than ``A A栋 办公楼``: the code once."""
    return name if name.startswith(code) else f"{code} {name}".strip()


def plan_floors(session: Session, contract_id: uuid.UUID) -> tuple[PlanFloor, ...]:
    """The floors the contract lets units on, with every drawn unit of each and the let ones
    marked; a floor where none of the let units has an outline is left out."""
    let = dict(session.execute(
        select(Unit.id, Unit.floor_id).join(ContractUnit, ContractUnit.unit_id == Unit.id)
        .where(ContractUnit.contract_id == contract_id, current_link())).all())
    floors = session.execute(
        select(Floor, Building.code, Building.name)
        .join(Building, Building.id == Floor.building_id)
        .where(Floor.id.in_(set(let.values())))
        .order_by(Building.sort_order, Building.code, Floor.level)).all()
    found = []
    for floor, b_code, b_name in floors:
        units = []
        for unit_id, code, geometry in session.execute(
                select(Unit.id, Unit.code, Unit.geometry)
                .where(Unit.floor_id == floor.id, ~Unit.archived).order_by(Unit.code)):
            outline = decode_outline(geometry)
            if outline is not None:
                units.append(PlanUnit(unit_id, code, outline, unit_id in let))
        if any(u.let for u in units):
            background = decode_outline(floor.background)
            drawn = [u.outline for u in units]
            let_box = _bounds(u.outline for u in units if u.let)
            floor_box = _bounds([*drawn, *([background] if background is not None else [])])
            found.append(PlanFloor(floor.id, f"{_building(b_code, b_name)} · {floor.name}",
                                   background, tuple(units),
                                   excerpt_bounds(let_box, floor_box)))
    return tuple(found)


def _bounds(shapes: Iterable[BaseGeometry]) -> Bounds:
    """The box around every shape that has one."""
    boxes = [s.bounds for s in shapes if not s.is_empty]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def excerpt_bounds(let: Bounds, floor: Bounds, margin: float = EXCERPT_MARGIN,
                   least: float = EXCERPT_LEAST, whole: float = EXCERPT_WHOLE,
                   tallest: float = EXCERPT_TALLEST) -> Bounds | None:
    """The part of a floor (box ``floor``) the plan excerpt shows around the let units (box
    ``let``): their box grown by ``margin`` of its larger side (at least ``least`` metres)
    on every side, kept within the floor, and widened (within the floor) when it is taller
    than ``tallest`` × its width, as the printed excerpt is never taller; None for the whole
    floor, when that window would cover ``whole`` of the floor's box or more.

    >>> excerpt_bounds((40, 10, 60, 15), (0, 0, 100, 60))  # 3 m around: 15 % of 20 m
    (37.0, 7.0, 63.0, 18.0)
    >>> excerpt_bounds((0, 0, 90, 50), (0, 0, 100, 60)) is None
    True
    """
    lx0, ly0, lx1, ly1 = let
    fx0, fy0, fx1, fy1 = floor
    pad = max(margin * max(lx1 - lx0, ly1 - ly0), least)
    x0, x1 = max(fx0, lx0 - pad), min(fx1, lx1 + pad)
    y0, y1 = max(fy0, ly0 - pad), min(fy1, ly1 + pad)
    if (y1 - y0) > tallest * (x1 - x0):
        x0, x1 = _widened(x0, x1, (y1 - y0) / tallest, fx0, fx1)
    area = (fx1 - fx0) * (fy1 - fy0)
    if area <= 0 or (x1 - x0) * (y1 - y0) >= whole * area:
        return None
    return (float(x0), float(y0), float(x1), float(y1))


def _widened(low: float, high: float, size: float, least: float, most: float
             ) -> tuple[float, float]:
    """``[low, high]`` grown to ``size`` about its middle, moved to stay within
    ``[least, most]`` and never wider than that."""
    size = min(size, most - least)
    start = max(least, min((low + high - size) / 2, most - size))
    return start, start + size


# -- files kept with a contract ----------------------------------------------------------


def store_document(workspace: Workspace, contract_id: uuid.UUID, pdf_bytes: bytes,
                   name: str, on: date | None = None) -> uuid.UUID:
    """Keep a generated document with the contract, as of the contract's version."""
    return _keep(workspace, contract_id, name, GENERATED, "application/pdf", pdf_bytes, on)


def attach_file(workspace: Workspace, contract_id: uuid.UUID, path: Path | str,
                on: date | None = None) -> uuid.UUID:
    """Keep a file (the signed scan, a plan, a letter) with the contract; its media type
    from its name."""
    path = Path(path)
    content = path.read_bytes()
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return _keep(workspace, contract_id, path.name, ATTACHED, media_type, content, on)


def _keep(workspace: Workspace, contract_id: uuid.UUID, name: str, kind: str,
          media_type: str, content: bytes, on: date | None) -> uuid.UUID:
    """A file kept with the contract as of its version (a ``ContractDocument`` row)."""
    with workspace.transaction() as session:
        contract = find_contract(session, str(contract_id))
        row = ContractDocument(contract_id=contract.id, name=name, kind=kind,
                               media_type=media_type, version=contract.version,
                               added_on=on or date.today(), content=content)
        session.add(row)
        session.flush()
        return row.id


def documents_of(session: Session, contract_id: uuid.UUID) -> list[DocumentInfo]:
    """The files kept with a contract, newest first (their content is read on demand)."""
    rows = session.execute(
        select(ContractDocument.id, ContractDocument.name, ContractDocument.kind,
               ContractDocument.media_type, ContractDocument.version,
               ContractDocument.added_on, func.length(ContractDocument.content))
        .where(ContractDocument.contract_id == contract_id, ~ContractDocument.archived)
        .order_by(ContractDocument.added_on.desc(), ContractDocument.id.desc())).all()
    return [DocumentInfo(*row) for row in rows]


def document_content(session: Session, document_id: uuid.UUID) -> bytes:
    row = session.get(ContractDocument, document_id)
    if row is None:
        raise UserError(f"no document {document_id}", "no-document",
                        document=str(document_id))
    return row.content
