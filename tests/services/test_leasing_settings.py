"""The park's leasing settings on a real workspace (the small park, ``tests/small_park.py``):
stage probabilities and the discount rate, read back, reset, refused, and what each save
leaves in the outbox (SYNC.md: a park's settings are plain field changes)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from domain.leasing.pipeline import DEFAULT_PROBABILITIES, Stage
from domain.leasing.quotes import QuoteTerms
from services import pipeline as p
from services.pipeline import LeadInput, PipelineRefused
from store.schema import Outbox, Park, Quote, Unit
from tests.small_leases import open_small
from tests.small_leases import park_id as park_id_of
from tests.small_park import TODAY

D = Decimal


@pytest.fixture
def ws(tmp_path):
    workspace = open_small(tmp_path / "park.leasemap")
    yield workspace
    workspace.close()


@pytest.fixture
def park_id(ws):
    return park_id_of(ws)


def _park(ws, park_id) -> Park:
    with ws.reading() as s:
        return s.get(Park, park_id)


def _park_ops(ws) -> list[tuple[str, str | None, object]]:
    with ws.reading() as s:
        return [(op.kind, op.field, op.payload) for op in s.scalars(
            select(Outbox).where(Outbox.entity == Park.__tablename__).order_by(Outbox.seq))]


def _settings(ws, park_id) -> p.LeasingSettings:
    with ws.reading() as s:
        return p.leasing_settings(s, park_id)


def test_a_new_park_reads_the_defaults_and_no_rate(ws, park_id):
    read = _settings(ws, park_id)
    assert read.probabilities == DEFAULT_PROBABILITIES
    assert read.own == frozenset()
    assert read.discount_rate is None


def test_saved_probabilities_read_back_as_the_parks_own(ws, park_id):
    before = _park_ops(ws)
    p.save_leasing_settings(ws, park_id, {Stage.LEAD: D("0.15"), Stage.IN_CONTACT: D("0.30"),
                                          Stage.QUOTED: D("0.625")}, None)
    read = _settings(ws, park_id)
    assert read.probabilities[Stage.LEAD] == D("0.15")
    assert read.probabilities[Stage.QUOTED] == D("0.625")
    assert read.probabilities[Stage.IN_CONTACT] == D("0.30")  # given at its default
    assert read.probabilities[Stage.NEGOTIATING] == D("0.60")  # not given
    assert read.own == {Stage.LEAD, Stage.QUOTED}
    assert _park(ws, park_id).stage_probabilities == {"lead": "0.15", "quoted": "0.625"}
    ops = _park_ops(ws)[len(before):]
    assert ops == [("field_set", "stage_probabilities",
                    {"value": {"lead": "0.15", "quoted": "0.625"}})]


def test_the_same_figures_again_write_nothing(ws, park_id):
    p.save_leasing_settings(ws, park_id, {Stage.NEGOTIATING: D("0.5")}, D("0.06"))
    before = _park_ops(ws)
    # 0.50 is the 0.5 stored, 0.0600 the 0.06: no change, no op to sync
    p.save_leasing_settings(ws, park_id, {Stage.NEGOTIATING: D("0.50")}, D("0.0600"))
    p.set_discount_rate(ws, park_id, D("0.06"))
    assert _park_ops(ws) == before


def test_a_stage_reset_to_its_default_stores_no_override(ws, park_id):
    p.save_leasing_settings(ws, park_id, {Stage.LEAD: D("0.2"), Stage.SIGNED: D("0.95")}, None)
    assert _settings(ws, park_id).own == {Stage.LEAD, Stage.SIGNED}
    p.save_leasing_settings(ws, park_id, {Stage.LEAD: D("0.10"), Stage.SIGNED: D("0.95")},
                            None)
    assert _park(ws, park_id).stage_probabilities == {"signed": "0.95"}
    assert _settings(ws, park_id).own == {Stage.SIGNED}
    p.save_leasing_settings(ws, park_id, dict(DEFAULT_PROBABILITIES), None)
    assert _park(ws, park_id).stage_probabilities == {}
    assert _settings(ws, park_id).probabilities == DEFAULT_PROBABILITIES


@pytest.mark.parametrize("bad", [D("-0.01"), D("1.01"), D(60), D("NaN"), D("Infinity")])
def test_a_probability_out_of_range_is_refused_and_nothing_written(ws, park_id, bad):
    p.save_leasing_settings(ws, park_id, {Stage.QUOTED: D("0.7")}, D("0.05"))
    before = _park_ops(ws)
    with pytest.raises(PipelineRefused) as refused:
        p.save_leasing_settings(ws, park_id, {Stage.LEAD: D("0.2"), Stage.QUOTED: bad},
                                D("0.08"))
    assert refused.value.code == "probability-range"
    assert [(x.field, x.code) for x in refused.value.problems] == [
        ("probability[quoted]", "probability-range")]
    park = _park(ws, park_id)
    assert park.stage_probabilities == {"quoted": "0.7"}  # the good lead figure not written
    assert park.discount_rate == D("0.05")  # nor the good rate beside it
    assert _park_ops(ws) == before


def test_every_figure_out_of_range_is_named_at_once(ws, park_id):
    with pytest.raises(PipelineRefused) as refused:
        p.save_leasing_settings(ws, park_id, {Stage.LEAD: D(10), Stage.QUOTED: D(80)}, D(6))
    assert [x.field for x in refused.value.problems] == [
        "probability[lead]", "probability[quoted]", "discount_rate"]
    assert _park(ws, park_id).stage_probabilities == {}
    assert _park(ws, park_id).discount_rate is None


def test_the_discount_rate_is_set_changed_and_cleared(ws, park_id):
    before = len(_park_ops(ws))
    p.set_discount_rate(ws, park_id, D("0.06"))
    assert _park(ws, park_id).discount_rate == D("0.060000")
    assert _settings(ws, park_id).discount_rate == D("0.06")
    p.set_discount_rate(ws, park_id, D("0.0612345"))  # kept to the column's six places
    assert _park(ws, park_id).discount_rate == D("0.061235")
    p.set_discount_rate(ws, park_id, D(0))  # 0: discounted equals undiscounted; allowed
    assert _park(ws, park_id).discount_rate == D(0)
    p.set_discount_rate(ws, park_id, None)
    assert _park(ws, park_id).discount_rate is None
    ops = _park_ops(ws)[before:]
    assert [(kind, field) for kind, field, _ in ops] == [("field_set", "discount_rate")] * 4
    assert [payload["value"] for _k, _f, payload in ops] == [
        "0.060000", "0.061235", "0.000000", None]


@pytest.mark.parametrize("bad", [D(1), D(6), D("-0.0001"), D("-0.0000001"), D("0.9999996"),
                                 D("NaN"), D("-Infinity"), D("1E+999999")])
def test_a_discount_rate_out_of_range_is_refused_and_nothing_written(ws, park_id, bad):
    p.set_discount_rate(ws, park_id, D("0.05"))
    before = _park_ops(ws)
    with pytest.raises(PipelineRefused) as refused:
        p.set_discount_rate(ws, park_id, bad)
    assert refused.value.code == "discount-rate-range"
    assert [(x.field, x.code) for x in refused.value.problems] == [
        ("discount_rate", "discount-rate-range")]
    assert refused.value.params["value"] == str(bad)
    assert _park(ws, park_id).discount_rate == D("0.05")
    assert _park_ops(ws) == before


def test_the_highest_rate_kept_below_one_is_taken(ws, park_id):
    p.set_discount_rate(ws, park_id, D("0.9999994"))  # 0.999999 once kept to six places
    assert _park(ws, park_id).discount_rate == D("0.999999")


def test_no_park_is_refused(ws):
    import uuid

    missing = uuid.uuid4()
    for write in (lambda: p.set_discount_rate(ws, missing, D("0.05")),
                  lambda: p.save_leasing_settings(ws, missing, {}, None)):
        with pytest.raises(PipelineRefused) as refused:
            write()
        assert refused.value.code == "no-park"
    with ws.reading() as s, pytest.raises(PipelineRefused):
        p.leasing_settings(s, missing)


def test_the_settings_are_what_the_pipeline_and_quotes_then_use(ws, park_id):
    """The weighted pipeline follows the probabilities saved; a quote made after the rate is
    set stores the discounted figure at that rate."""
    lead = p.create_lead(ws, park_id, LeadInput(company="上海星河生物科技有限公司",
                                                area_min=D(100), area_max=D(200),
                                                budget=D(95)), date(2026, 11, 1))
    with ws.reading() as s:
        assert p.pipeline_summary(s, park_id, TODAY).weighted == D("22800.00")  # 228,000×10%
    p.save_leasing_settings(ws, park_id, {Stage.LEAD: D("0.25")}, D("0.08"))
    with ws.reading() as s:
        assert p.pipeline_summary(s, park_id, TODAY).weighted == D("57000.00")
        unit = s.scalar(select(Unit).where(Unit.code == "ZD-A-0103"))
    terms = QuoteTerms(area=unit.billable_area, rate=D("98.50"), starts_on=date(2027, 1, 1),
                       ends_on=date(2029, 12, 31), rent_free_months=3)
    quote_id = p.make_quote(ws, lead, [unit.id], terms, TODAY)
    with ws.reading() as s:
        payload = next(op.payload for op in s.scalars(
            select(Outbox).where(Outbox.entity == Quote.__tablename__)))
    from domain.leasing.quotes import quote_figures

    assert quote_id is not None
    assert payload["discounted_ner"] == str(quote_figures(terms, D("0.08")).discounted_ner)
    assert payload["discounted_ner"] != str(quote_figures(terms, D("0.06")).discounted_ner)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(odds=st.dictionaries(st.sampled_from(list(Stage)),
                            st.decimals(min_value=0, max_value=1, places=3)),
       rate=st.none() | st.decimals(min_value=0, max_value=D("0.999999"), places=6))
def test_any_figures_in_range_read_back_as_saved(ws, park_id, odds, rate):
    p.save_leasing_settings(ws, park_id, odds, rate)
    read = _settings(ws, park_id)
    for stage in Stage:
        assert read.probabilities[stage] == odds.get(stage, DEFAULT_PROBABILITIES[stage])
    assert read.own == {s for s, v in odds.items() if v != DEFAULT_PROBABILITIES[s]}
    assert read.discount_rate == rate
