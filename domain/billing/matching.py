"""Matching received payments to tenants and their open bills (SPEC §5, issue 12).

A bank line says who paid (the payer's name as the bank prints it), how much,
and what they wrote (摘要/用途/附言). Each line gets one of three outcomes:

**AUTO** — allocated without a person — only when all three hold:

1. *payer*: the payer's name, normalised (:func:`normalise_name`), is the
   tenant's legal name or one of its known aliases, and no other tenant's;
2. *reference*: the remarks name one of the tenant's contracts (its code, e.g.
   ``HT-2026-0001``) or one of its open bills — by its short number
   (:func:`bill_reference`, ``HT-2026-0001-2607-R``) or the number it was
   posted with (``bills.bill_number``, ``HT-2026-0001/2026-07-01/rent``); a
   bill number names its contract too — and name no other tenant's contract
   and no bill that is not open (paid already: perhaps paid twice);
3. *amount*: the amount clears bills **whole, with nothing over**: the bills
   named first, then the named contracts' open bills oldest first. So the
   amount of one named bill, or a month's rent and property fee paid in one
   transfer naming the contract (the sum of its oldest open items), is
   matched; a sum no run of whole bills makes is not.

Codes are looked for in the remarks and the bank's reference however they are
typed (full-width, lower case, any dash or none: ``ＨＴ－２０２６－０００１``,
``ht_2026_0001``, ``HT20260001``), never inside a longer run of letters and
digits (``HT-2026-00012`` does not name ``HT-2026-0001``, nor does
``HT-2026-000107月``: a person decides). A space splits a code.

Bills named are paid before older ones: the payer said which debts it pays
(民法典 第560条); otherwise the oldest bills are paid first.

**PROPOSED** — put in the queue with its reasons and ranked candidates (at
most ``MAX_CANDIDATES``) — when some evidence points at a tenant but not all
of the above holds: a similar payer name (:func:`similarity`, bigram Dice on
the names less their legal form, at least ``FUZZY_MIN``; only names sharing
an uncommon character pair with the payer are scored, so no line is compared
with every tenant), the short name, a name two tenants share, a reference
alone, a partial, under- or over-payment (the remainder: hold as credit,
refund or the deposit, ``allocation.remainder_uses``), another tenant's
contract, a bill not open, or, with nothing else, an amount that is exactly
the open balance of bills of one tenant only in the whole park.

**UNMATCHED** — nothing points anywhere — with the reasons why.

Confidence (0–100) is the sum of three parts, each a reason with its points:
payer 50 (legal name or alias 50, the short name 40, a name shared by several
tenants 35, a similar name 40 × the similarity), reference 30 (a bill or a
contract of the tenant), amount 20 (exact 20; partial, under or over 10). AUTO
is exactly 100.

:func:`match_all` matches a whole statement, in the order the money came
(date, then the order given): each AUTO allocation lowers the balances the
next lines see, so two transfers never pay one bill twice; a proposal does
not (a person may reject it: confirming re-runs :func:`allocation.allocate`
on the balances of that moment).

>>> normalise_name("上海鼎盛科技（股份）有限公司 6222 0212 3456 7890")
'上海鼎盛科技有限公司'
>>> from datetime import date
>>> bill_reference("HT-2026-0001", date(2026, 7, 1), "property_fee")
'HT-2026-0001-2607-PF'
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from domain.billing.allocation import Part, allocate
from domain.billing.balances import Id, OpenItem, PaymentEntry, oldest_first
from domain.billing.bills import bill_number
from domain.leasing.schedule import Reason
from domain.money import ZERO, round_to
from runtime.jobs import gc_paused

# -- names -------------------------------------------------------------------------------

# The same legal form written three ways is one name (two tenants that still collide are
# reported as a shared name, never AUTO).
_LEGAL_FORMS = (("股份有限公司", "有限公司"), ("有限责任公司", "有限公司"))
_ENGLISH_FORMS = tuple((re.compile(pattern), short) for pattern, short in (
    (r"\bcompany\s+limited\b", "co ltd"), (r"\blimited\b", "ltd"),
    (r"\bcompany\b", "co"), (r"\bcorporation\b", "corp"), (r"\bincorporated\b", "inc")))
# Banks print the counterparty's account after its name (招商银行's 对手信息 does).
_ACCOUNT_TAIL = re.compile(r"[\s:#-]*(?:\d[\s-]?){8,}$")
_NOT_WORD = re.compile(r"[\W_]+")
_LATIN = re.compile(r"[a-z]")
# Left off a name to compare what tells it apart (every tenant is a 有限公司).
_SUFFIXES = ("有限公司", "公司", "coltd", "ltd", "co", "inc", "corp")


@lru_cache(maxsize=65_536)
def normalise_name(text: str) -> str:
    """A payer's or tenant's name as matching compares it.

    Full-width → half-width (NFKC), case folded, an account number printed after the
    name dropped, brackets, spaces and punctuation removed (``（上海）`` = ``(上海)`` =
    ``上海``), and 有限责任公司 / 股份有限公司 / (股份)有限公司 written 有限公司; English
    legal forms shortened alike (``Co., Ltd.`` = ``Company Limited``).

    >>> normalise_name("ＡＢＣ Trading Company Limited")
    'abctradingcoltd'
    """
    name = unicodedata.normalize("NFKC", text).casefold()
    name = _ACCOUNT_TAIL.sub("", name)
    if _LATIN.search(name):
        for pattern, short in _ENGLISH_FORMS:
            name = pattern.sub(short, name)
    name = _NOT_WORD.sub("", name)
    for variant, form in _LEGAL_FORMS:
        name = name.replace(variant, form)
    return name


def name_core(normalised: str) -> str:
    """A normalised name less its legal form (``上海鼎盛科技有限公司`` → ``上海鼎盛科技``)."""
    for suffix in _SUFFIXES:
        if normalised.endswith(suffix) and len(normalised) > len(suffix):
            return normalised[: -len(suffix)]
    return normalised


def bigrams(core: str) -> frozenset[str]:
    """The name's character pairs (a one-character name is its own "pair")."""
    if len(core) < 2:
        return frozenset((core,)) if core else frozenset()
    return frozenset(core[i:i + 2] for i in range(len(core) - 1))


def similarity(a: str, b: str) -> Decimal:
    """Dice on character bigrams of the two names' cores: 2 × shared ÷ (pairs of a + pairs
    of b), 0–1 to two places. Explainable: "8 of 10 character pairs in common".

    >>> similarity("鼎盛科技（上海）有限公司", "上海鼎盛科技有限公司")
    Decimal('0.80')
    """
    left, right = (bigrams(name_core(normalise_name(n))) for n in (a, b))
    return _dice(left, right)


def _dice(left: frozenset[str], right: frozenset[str]) -> Decimal:
    return Decimal(_dice_percent(left, right)).scaleb(-2)


def _dice_percent(left: frozenset[str], right: frozenset[str]) -> int:
    """Dice in whole per cent, rounded half up, in integers (it runs on every shortlisted
    name)."""
    total = len(left) + len(right)
    if not left or not right:
        return 0
    return (400 * len(left & right) + total) // (2 * total)


# -- references --------------------------------------------------------------------------

# A charge's tag in a bill number; a named charge adds its name ("service:空调" → "S空调"),
# a kind not listed here is "X" and its code.
CHARGE_TAGS = {"rent": "R", "property_fee": "PF", "service": "S", "parking": "PK",
               "other": "O", "electricity": "E", "water": "W", "gas": "G", "heat": "H",
               "late_fee": "LF", "deposit": "DP"}
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−_/\\"})
_SPACES = re.compile(r"\s+")
# What follows a contract code in a bill number: the short one ("-2607-R",
# "-260715-S空调") or the posted one ("/2026-07-01/rent", dashed as compared).
_BILL_SHAPE = re.compile(r"-(?:\d{4}(?:\d{2})?|\d{4}-\d{2}-\d{2})-[A-Z\u4e00-\u9fff]")
_RESTS_START = frozenset("-0123456789")
_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def bill_reference(contract_code: str, period_start: date, charge: str) -> str:
    """A bill's short human number: contract code, period (YYMM, or YYMMDD for a period
    that does not start on the 1st) and the charge's tag.

    Derived like the bill's id from (contract, period, charge), so it is the same on every
    device and unique for the house charges. Tenants copy it into their transfer's remarks.

    >>> bill_reference("HT-2026-0001", date(2026, 7, 15), "service:空调")
    'HT-2026-0001-260715-S空调'
    """
    kind, _, name = charge.partition(":")
    tag = CHARGE_TAGS.get(kind, f"X{kind.upper()}") + name
    period = f"{period_start:%y%m}" if period_start.day == 1 else f"{period_start:%y%m%d}"
    return f"{contract_code}-{period}-{tag}"


@lru_cache(maxsize=65_536)
def code_key(text: str) -> str:
    """Codes and remarks as the search compares them: half-width, upper case, a run of
    spaces one space (a boundary: "HT-2026-0001 7月"), every dash, underscore or slash
    a "-"."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).upper()).translate(_DASHES)


def _compact(key: str) -> str:
    """A code as people type it without its dashes (HT20260001)."""
    return key.replace("-", "")


def _cuts(text: str, at: int) -> bool:
    """Position ``at`` falls inside a run of ASCII letters and digits (HT-2026-0001 is not
    in HT-2026-00012); next to a Chinese character, a space or a dash it does not."""
    return 0 < at < len(text) and text[at - 1] in _ASCII_ALNUM and text[at] in _ASCII_ALNUM


# -- records -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TenantNames:
    """What matching knows of a tenant: its names and its contracts' codes."""

    id: Id
    name: str  # the legal name
    short_name: str = ""
    aliases: tuple[str, ...] = ()  # payer names a person confirmed
    contract_codes: tuple[str, ...] = ()


class Outcome(StrEnum):
    AUTO = "auto"
    PROPOSED = "proposed"
    UNMATCHED = "unmatched"


@dataclass(frozen=True)
class Candidate:
    """A tenant the payment may be from, and what allocating it to them would do."""

    tenant_id: Id
    confidence: int  # 0–100, the reasons' points added up
    parts: tuple[Part, ...]  # the allocations, oldest first
    remainder: Decimal  # what no open bill takes
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Match:
    payment_id: Id
    outcome: Outcome
    confidence: int  # the best candidate's (0 when unmatched)
    candidates: tuple[Candidate, ...]  # best first
    reasons: tuple[Reason, ...]  # why this outcome (what AUTO lacked, for a proposal)

    @property
    def parts(self) -> tuple[Part, ...]:
        """The allocations proposed (made, when AUTO): the best candidate's."""
        return self.candidates[0].parts if self.candidates else ()


PAYER_POINTS, REFERENCE_POINTS, AMOUNT_POINTS = 50, 30, 20
SHORT_NAME_POINTS, SHARED_NAME_POINTS, SIMILAR_POINTS = 40, 35, 40
PART_AMOUNT_POINTS = 10  # partial, under- or over-payment
FUZZY_MIN = Decimal("0.50")  # a similar name below this is no evidence
_FUZZY_MIN_PERCENT = int(FUZZY_MIN * 100)
MAX_CANDIDATES = 5
# A character pair shared by more names than this is too common to shortlist by (上海, 科技).
COMMON_PAIR_SHARE = Decimal("0.02")
COMMON_PAIR_FLOOR = 50


# -- the index ---------------------------------------------------------------------------


class MatchIndex:
    """The park's tenants and open items, indexed once for a statement: names by their
    normalised form, bigrams for the fuzzy shortlist, contract codes and bill numbers,
    open balances by amount. Balances change as AUTO allocations are made."""

    def __init__(self, tenants: Iterable[TenantNames], items: Iterable[OpenItem]) -> None:
        self.tenants: dict[Id, TenantNames] = {}
        self.by_name: dict[str, set[Id]] = defaultdict(set)  # legal names and aliases
        self.alias_of: dict[tuple[Id, str], str] = {}  # which alias a key came from
        self.by_short: dict[str, set[Id]] = defaultdict(set)
        self.by_code: dict[str, set[Id]] = defaultdict(set)  # code key (dashed, compact)
        self.code_of: dict[str, str] = {}  # code key → the contract code as written
        self._names: list[tuple[Id, str, frozenset[str]]] = []  # (tenant, name, pairs)
        self._postings: dict[str, list[int]] = defaultdict(list)
        for tenant in tenants:
            self._add_tenant(tenant)
        limit = max(COMMON_PAIR_FLOOR, int(len(self._names) * COMMON_PAIR_SHARE))
        self._rare = {pair: at for pair, at in self._postings.items() if len(at) <= limit}
        self._similar: dict[str, list[tuple[Id, str, Decimal]]] = {}

        # Bills are keyed by their id's integer inside the index: a UUID hashes in Python.
        self.items: dict[int, OpenItem] = {}
        self.by_tenant: dict[Id, list[OpenItem]] = defaultdict(list)  # oldest first
        self.by_contract: dict[str, list[OpenItem]] = defaultdict(list)  # by code key
        self._by_amount: dict[Decimal, set[int]] | None = None  # built when first asked
        # contract code key → {bill number after the code (dashed or compact) → bills}
        refs: dict[str, dict[str, list[int]]] = {}
        keys: dict[str, str] = {}  # contract code as written → its key
        # (period, charge) → the posted number after its contract code, and the bill
        # numbers' rests (dashed, compact) to look for: the short one, the posted one
        rests: dict[tuple[date, str], tuple[str, tuple[str, str], tuple[str, str]]] = {}
        contract: tuple[str, Id, list[OpenItem], dict[str, list[int]],
                        dict[str, list[int]]] | None = None
        for item in sorted(items, key=oldest_first):
            number = item.bill_id.int
            self.items[number] = item
            self.by_tenant[item.tenant_id].append(item)
            written = item.contract_code
            if not written:
                continue
            if contract is None or contract[0] != written or contract[1] != item.tenant_id:
                contract = self._contract(written, item.tenant_id, keys, refs)
            contract[2].append(item)
            rest = rests.get((item.period_start, item.charge))
            if rest is None:
                rest = rests[item.period_start, item.charge] = _rests(item.period_start,
                                                                      item.charge)
            for dashed, compact in rest[1:]:
                contract[3].setdefault(dashed, []).append(number)
                contract[4].setdefault(compact, []).append(number)
            if item.number and item.number != written + rest[0] \
                    and item.number.startswith(written):
                dashed = code_key(item.number[len(written):])
                contract[3].setdefault(dashed, []).append(number)
                contract[4].setdefault(_compact(dashed), []).append(number)
        self.known: dict[int, OpenItem] = dict(self.items)  # paid later ones too
        self.refs = refs
        self.contract_keys = keys  # contract code as written → its key
        self._rest_lengths = {code: sorted({len(rest) for rest in of_code})
                              for code, of_code in refs.items()}
        self._lengths = sorted({len(k) for k in self.by_code})
        self._starts = "".join(sorted({k[0] for k in self.by_code}))

    def _contract(self, written: str, tenant_id: Id, keys: dict[str, str],
                  refs: dict[str, dict[str, list[int]]]
                  ) -> tuple[str, Id, list[OpenItem], dict[str, list[int]],
                             dict[str, list[int]]]:
        """A contract's lists as the items loop fills them, its code indexed the first
        time it is seen."""
        code = keys.get(written)
        if code is None:
            code = keys[written] = code_key(written)
        if tenant_id not in self.by_code.get(code, ()):
            self._add_code(code, written, tenant_id)
        return (written, tenant_id, self.by_contract[code], refs.setdefault(code, {}),
                refs.setdefault(_compact(code), {}))

    def _add_tenant(self, tenant: TenantNames) -> None:
        self.tenants[tenant.id] = tenant
        for text, is_alias in ((tenant.name, False), *((a, True) for a in tenant.aliases)):
            key = normalise_name(text)
            if key:
                self.by_name[key].add(tenant.id)
                if is_alias:
                    self.alias_of.setdefault((tenant.id, key), text)
                self._add_name(tenant.id, text, key)
        short = normalise_name(tenant.short_name)
        if short:
            self.by_short[short].add(tenant.id)
            self._add_name(tenant.id, tenant.short_name, short)
        for code in tenant.contract_codes:
            self._add_code(code_key(code), code, tenant.id)

    def _add_name(self, tenant_id: Id, text: str, key: str) -> None:
        pairs = bigrams(name_core(key))
        at = len(self._names)
        self._names.append((tenant_id, text, pairs))
        for pair in pairs:
            self._postings[pair].append(at)

    def _add_code(self, key: str, written: str, tenant_id: Id) -> None:
        for form in (key, _compact(key)):
            if form:
                self.by_code[form].add(tenant_id)
                self.code_of.setdefault(form, written)

    # -- lookups

    def similar(self, payer_key: str) -> list[tuple[Id, str, Decimal]]:
        """Tenants whose names are similar to the payer's: (tenant, name, similarity),
        best first, at least ``FUZZY_MIN``. Only names sharing an uncommon character pair
        with the payer are scored; a payer seen before is answered from memory."""
        known = self._similar.get(payer_key)
        if known is not None:
            return known
        pairs = bigrams(name_core(payer_key))
        hits: dict[int, int] = defaultdict(int)
        for pair in pairs:
            for at in self._rare.get(pair, ()):
                hits[at] += 1
        best: dict[Id, tuple[int, str]] = {}
        for at in hits:
            tenant_id, text, theirs = self._names[at]
            score = _dice_percent(pairs, theirs)
            if score >= _FUZZY_MIN_PERCENT and (tenant_id not in best
                                                or score > best[tenant_id][0]):
                best[tenant_id] = (score, text)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0].int))
        found = [(tenant_id, text, Decimal(score).scaleb(-2))
                 for tenant_id, (score, text) in ranked]
        self._similar[payer_key] = found
        return found

    def codes_in(self, remarks: str) -> tuple[dict[str, set[Id]], set[int], dict[str, str]]:
        """What the remarks name: contract codes (as written → their tenants), bills (their
        ids' integers; a bill number names its contract too), and bill numbers of no open
        bill (bill number as written → its contract code): paid already, or not billed.

        Searched as written and, when that names no bill and the remarks have dashes,
        without them, so ``HT20260001`` names ``HT-2026-0001``."""
        text = code_key(remarks)
        contracts: dict[str, set[Id]] = {}
        bills: set[int] = set()
        closed: dict[str, str] = {}
        self._search(text, contracts, bills, closed)
        if not bills and "-" in text:
            self._search(_compact(text), contracts, bills, closed)
        return contracts, bills, closed

    def _starts_in(self, text: str) -> Iterator[int]:
        """Where a code may start: at a code's first character, not inside a run of ASCII
        letters and digits."""
        places: Iterable[int]
        if len(self._starts) == 1:
            places = _find_all(text, self._starts)
        elif len(self._starts) <= 8:
            places = sorted(i for first in self._starts for i in _find_all(text, first))
        else:  # codes of many shapes: every position
            places = (i for i, c in enumerate(text) if c in self._starts)
        for i in places:
            if not _cuts(text, i):
                yield i

    def _search(self, text: str, contracts: dict[str, set[Id]], bills: set[int],
                closed: dict[str, str]) -> None:
        for i in self._starts_in(text):
            for length in self._lengths:
                end = i + length
                if end > len(text):
                    break
                key = text[i:end]
                owners = self.by_code.get(key)
                if owners is None:
                    continue
                named = False
                refs = self.refs.get(key)
                # a bill number goes on with a dash (or, typed without, a digit)
                if refs is not None and end < len(text) and text[end] in _RESTS_START:
                    for rest_length in self._rest_lengths[key]:
                        of_ref = refs.get(text[end:end + rest_length])
                        if of_ref is not None and not _cuts(text, end + rest_length):
                            bills.update(of_ref)
                            named = True
                if named or not _cuts(text, end):
                    contracts.setdefault(self.code_of[key], set()).update(owners)
                if not named and (shaped := _BILL_SHAPE.match(text, end)):
                    closed[text[i:shaped.end()]] = self.code_of[key]

    def owing(self, amount: Decimal) -> set[int]:
        """The open bills whose balance is exactly ``amount`` (indexed on the first call:
        a statement whose lines all name someone never needs it)."""
        if self._by_amount is None:
            self._by_amount = defaultdict(set)
            for number, item in self.items.items():
                self._by_amount[item.amount].add(number)
        return self._by_amount.get(amount, set())

    def settle(self, parts: Iterable[Part]) -> None:
        """Lower the open balances by allocations just made."""
        for bill_id, amount in parts:
            number = bill_id.int
            item = self.items[number]
            left = item.amount - amount
            if self._by_amount is not None:
                self._by_amount[item.amount].discard(number)
            lists = [self.by_tenant[item.tenant_id]]
            if item.contract_code:
                lists.append(self.by_contract[self.contract_keys[item.contract_code]])
            if left > 0:
                item = replace(item, amount=left)
                self.items[number] = item
                if self._by_amount is not None:
                    self._by_amount[left].add(number)
            else:
                del self.items[number]
            for listed in lists:
                at = next(i for i, x in enumerate(listed) if x.bill_id == bill_id)
                if left > 0:
                    listed[at] = item
                else:
                    del listed[at]


def _rests(period_start: date, charge: str
           ) -> tuple[str, tuple[str, str], tuple[str, str]]:
    """What follows a contract code in a bill's numbers: the posted one's tail as written,
    and the short and posted numbers' tails as the search compares them."""
    posted = bill_number("", period_start, charge)
    short, long = (code_key(bill_reference("", period_start, charge)), code_key(posted))
    return posted, (short, _compact(short)), (long, _compact(long))


def _find_all(text: str, char: str) -> Iterator[int]:
    at = text.find(char)
    while at >= 0:
        yield at
        at = text.find(char, at + 1)


# -- matching ----------------------------------------------------------------------------


@dataclass
class _Evidence:
    """What one payment says about one tenant, as it is gathered."""

    payer_points: int = 0
    payer_reason: Reason | None = None
    contracts: set[str] | None = None  # codes of the tenant's contracts named
    bills: set[int] | None = None  # the tenant's open bills named (ids' integers)
    same_amount: set[int] | None = None  # no other evidence: bills of exactly the amount
    closed: list[str] = field(default_factory=list)  # bill numbers of no open bill


def _text(amount: Decimal) -> str:
    return str(amount + ZERO)


def _shown(item: OpenItem) -> str:
    """A bill as a reason names it: the number it was posted with, else its short one."""
    return item.number or bill_reference(item.contract_code, item.period_start, item.charge)


def _scope(own_id: Id, evidence: _Evidence, index: MatchIndex) -> list[OpenItem]:
    """The open items the payment pays, in order: the bills it names first (the payer said
    which debts it pays, 民法典 第560条), then the rest of the contracts it names, oldest
    first; naming nothing, all the tenant's."""
    own = index.by_tenant.get(own_id, [])
    if evidence.same_amount:
        return [item for item in own if item.bill_id.int in evidence.same_amount][:1]
    bills = evidence.bills
    named = [item for item in own if item.bill_id.int in bills] if bills else []
    if not evidence.contracts:
        return named or own
    wanted = sorted({code_key(c) for c in evidence.contracts})
    rest = []
    for code in wanted:
        listed = index.by_contract.get(code, ())
        if len(index.by_code.get(code, ())) > 1:  # a code two tenants claim: theirs apart
            listed = [item for item in listed if item.tenant_id == own_id]
        rest.extend(listed)
    if len(wanted) > 1:
        rest.sort(key=oldest_first)
    if bills:
        rest = [item for item in rest if item.bill_id.int not in bills]
    return named + rest


def _evaluate(tenant_id: Id, evidence: _Evidence, payment: PaymentEntry,
              others_named: list[str], index: MatchIndex) -> Candidate:
    """Score one candidate: its payer, reference and amount parts, and the allocation."""
    reasons: list[Reason] = []
    points = evidence.payer_points
    if evidence.payer_reason is not None:
        reasons.append(evidence.payer_reason)
    elif not evidence.same_amount:
        reasons.append(Reason("payer-differs", {"payer": payment.payer, "points": "0"}))
    if evidence.bills:
        points += REFERENCE_POINTS
        named = [index.items[number] for number in evidence.bills]
        named.sort(key=oldest_first)
        reasons.append(Reason("names-bill", {
            "bills": ", ".join(_shown(i) for i in named), "points": str(REFERENCE_POINTS)}))
    elif evidence.contracts:
        points += REFERENCE_POINTS
        reasons.append(Reason("names-contract", {"contracts": ", ".join(
            sorted(evidence.contracts)), "points": str(REFERENCE_POINTS)}))
    for code in others_named:
        reasons.append(Reason("names-other-contract", {"contract": code}))
    for number in evidence.closed:
        reasons.append(Reason("names-bill-not-open", {"bill": number}))
    scope = _scope(tenant_id, evidence, index)
    parts, left = allocate(payment.amount, scope, in_order=True)
    amount_points, amount_reason = _amount_reason(payment.amount, scope, parts, left)
    if evidence.same_amount:
        amount_reason = Reason("amount-only", {"amount": _text(payment.amount),
                                               "points": str(amount_points)})
    points += amount_points
    reasons.append(amount_reason)
    return Candidate(tenant_id, points, tuple(parts), left, tuple(reasons))


def _amount_reason(amount: Decimal, scope: Sequence[OpenItem], parts: Sequence[Part],
                   left: Decimal) -> tuple[int, Reason]:
    if not parts:
        return 0, Reason("no-open-items", {"remainder": _text(left), "points": "0"})
    if left > 0:
        return PART_AMOUNT_POINTS, Reason("amount-over", {
            "bills": str(len(parts)), "remainder": _text(left),
            "points": str(PART_AMOUNT_POINTS)})
    last = scope[len(parts) - 1]
    if parts[-1].amount == last.amount:
        return AMOUNT_POINTS, Reason("amount-exact", {"bills": str(len(parts)),
                                                      "points": str(AMOUNT_POINTS)})
    short = last.amount - parts[-1].amount
    if len(parts) == 1:
        return PART_AMOUNT_POINTS, Reason("amount-under", {
            "expected": _text(last.amount), "short": _text(short),
            "points": str(PART_AMOUNT_POINTS)})
    return PART_AMOUNT_POINTS, Reason("amount-partial", {
        "bills": str(len(parts) - 1), "left": _text(short),
        "bill": _shown(last),
        "points": str(PART_AMOUNT_POINTS)})


def match_payment(payment: PaymentEntry, index: MatchIndex) -> Match:
    """One payment against the index's tenants and balances (the balances are not
    changed: :meth:`MatchIndex.settle` does that for an allocation made)."""
    if payment.amount <= 0:
        return Match(payment.id, Outcome.UNMATCHED, 0, (),
                     (Reason("amount-not-positive", {"amount": _text(payment.amount)}),))
    evidence: dict[Id, _Evidence] = {}
    payer_key = normalise_name(payment.payer)
    exact = index.by_name.get(payer_key, ())
    for tenant_id in exact:
        alias = index.alias_of.get((tenant_id, payer_key))
        if len(exact) > 1:
            reason = Reason("payer-shared", {"payer": payment.payer, "tenants": str(len(exact)),
                                             "points": str(SHARED_NAME_POINTS)})
            evidence[tenant_id] = _Evidence(SHARED_NAME_POINTS, reason)
        elif alias is not None and normalise_name(index.tenants[tenant_id].name) != payer_key:
            evidence[tenant_id] = _Evidence(PAYER_POINTS, Reason(
                "payer-alias", {"alias": alias, "points": str(PAYER_POINTS)}))
        else:
            evidence[tenant_id] = _Evidence(PAYER_POINTS, Reason(
                "payer-name", {"name": index.tenants[tenant_id].name,
                               "points": str(PAYER_POINTS)}))
    if not evidence:
        for tenant_id in index.by_short.get(payer_key, ()):
            evidence[tenant_id] = _Evidence(SHORT_NAME_POINTS, Reason("payer-short-name", {
                "name": index.tenants[tenant_id].short_name,
                "points": str(SHORT_NAME_POINTS)}))
    if not evidence and payer_key:
        for tenant_id, name, score in index.similar(payer_key)[:MAX_CANDIDATES]:
            points = int(round_to(SIMILAR_POINTS * score, 0))
            evidence[tenant_id] = _Evidence(points, Reason("payer-similar", {
                "payer": payment.payer, "name": name, "similarity": str(score),
                "points": str(points)}))

    contracts, bills, closed = index.codes_in(f"{payment.remarks} {payment.reference}")
    for code, owners in contracts.items():
        for tenant_id in owners:
            found = evidence.setdefault(tenant_id, _Evidence())
            found.contracts = (found.contracts or set()) | {code}
            found.closed.extend(ref for ref, of in closed.items() if of == code)
    for number in bills:
        item = index.items.get(number)
        if item is not None:
            found = evidence[item.tenant_id]
            found.bills = (found.bills or set()) | {number}
        else:  # paid by an earlier line of the statement
            item = index.known[number]
            evidence[item.tenant_id].closed.append(_shown(item))

    if not evidence:
        return _amount_only(payment, index)
    candidates = []
    for tenant_id, found in evidence.items():
        others = sorted(code for code, owners in contracts.items() if tenant_id not in owners)
        candidates.append(_evaluate(tenant_id, found, payment, others, index))
    candidates.sort(key=lambda c: (-c.confidence, -evidence[c.tenant_id].payer_points,
                                   c.tenant_id.int))
    best = candidates[0]
    kept = tuple(candidates[:MAX_CANDIDATES])
    if best.confidence == PAYER_POINTS + REFERENCE_POINTS + AMOUNT_POINTS and not any(
            r.code in _NO_AUTO for r in best.reasons):
        return Match(payment.id, Outcome.AUTO, best.confidence, (best,), ())
    return Match(payment.id, Outcome.PROPOSED, best.confidence, kept,
                 _why_not_auto(best, len(candidates)))


# A candidate with one of these reasons is never allocated without a person.
_NO_AUTO = frozenset({"names-other-contract", "names-bill-not-open"})


def _why_not_auto(best: Candidate, count: int) -> tuple[Reason, ...]:
    """What the best candidate lacks to be allocated without a person."""
    codes = {r.code for r in best.reasons}
    why = []
    if not codes & {"payer-name", "payer-alias"}:
        why.append(Reason("payer-not-exact"))
    if not codes & {"names-bill", "names-contract"}:
        why.append(Reason("no-reference"))
    why.extend(Reason(code) for code in sorted(codes & _NO_AUTO))
    if "amount-exact" not in codes:
        why.append(Reason("amount-not-exact"))
    if count > 1:
        why.append(Reason("several-candidates", {"count": str(count)}))
    return tuple(why)


def _amount_only(payment: PaymentEntry, index: MatchIndex) -> Match:
    """No name or code points anywhere: the amount alone, when it is exactly the open
    balance of bills of one tenant only, is a weak proposal (the oldest such bill);
    otherwise the payment is unmatched."""
    why = [Reason("payer-unknown", {"payer": payment.payer}), Reason("no-reference")]
    same = index.owing(payment.amount)
    tenants = {index.items[b].tenant_id for b in same}
    if len(tenants) == 1:
        (tenant_id,) = tenants
        candidate = _evaluate(tenant_id, _Evidence(same_amount=set(same)), payment, [], index)
        return Match(payment.id, Outcome.PROPOSED, candidate.confidence, (candidate,),
                     (*why, Reason("amount-only")))
    if tenants:
        why.append(Reason("amount-matches-many", {"tenants": str(len(tenants))}))
    else:
        why.append(Reason("amount-matches-none", {"amount": _text(payment.amount)}))
    return Match(payment.id, Outcome.UNMATCHED, 0, (), tuple(why))


def match_all(payments: Sequence[PaymentEntry], tenants: Iterable[TenantNames],
              open_items: Iterable[OpenItem]) -> list[Match]:
    """Match a statement's payments, in the order the money came; the results are in the
    order given. Each AUTO allocation lowers the balances later payments see.

    The cyclic garbage collector is held meanwhile (``runtime.jobs.gc_paused``): the
    index and the results are a few hundred thousand objects without cycles, and the full
    collections they trigger took a third of the time and freed nothing.
    """
    with gc_paused():
        index = MatchIndex(tenants, open_items)
        results: list[Match | None] = [None] * len(payments)
        order = sorted(range(len(payments)), key=lambda i: (payments[i].received_on, i))
        for i in order:
            found = match_payment(payments[i], index)
            if found.outcome is Outcome.AUTO:
                index.settle(found.parts)
            results[i] = found
    return [r for r in results if r is not None]
