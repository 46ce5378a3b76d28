"""Classification: bounds a GIS would draw, no data kept apart, never empty classes."""

from __future__ import annotations

import doctest
import itertools
import math

import numpy as np
import pytest

import spatial.classify
from spatial.classify import (
    JENKS_SAMPLE_SIZE,
    METHODS,
    Classification,
    class_label,
    class_of,
    classify,
    equal_interval,
    natural_breaks,
    quantile,
)

BREAKS = {"equal-interval": equal_interval, "quantile": quantile, "natural-breaks": natural_breaks}
NAN = float("nan")


def within_squares(values, bounds):
    """Total squared deviation from the class means: what Jenks minimises."""
    data = np.asarray(values, dtype=float)
    classes = np.asarray(class_of(data, bounds))
    groups = (data[classes == c] for c in set(classes.tolist()))
    return sum(float(((g - g.mean()) ** 2).sum()) for g in groups)


def brute_force_jenks(values, k):
    """The least within-class squared deviation over every split of the distinct values."""
    distinct = sorted(set(values))
    splits = itertools.combinations(distinct[:-1], k - 1)
    return min(within_squares(values, [*cut, distinct[-1]]) for cut in splits)


def random_values(seed, n, distinct=None):
    rng = np.random.default_rng(seed)
    if distinct is None:
        return rng.lognormal(3.0, 1.0, n).tolist()
    return rng.integers(0, distinct, n).astype(float).tolist()


def test_the_module_examples_hold():
    assert doctest.testmod(spatial.classify).failed == 0


def test_jenks_finds_the_three_obvious_groups():
    assert natural_breaks([1, 2, 3, 10, 11, 12, 20, 21, 22], 3) == [3.0, 12.0, 22.0]
    assert natural_breaks([22, 1, 11, 3, None, 20, 2, 12, NAN, 10, 21], 3) == [3.0, 12.0, 22.0]


def test_jenks_on_a_less_obvious_set():
    # the runner-up splits (..14, ..23, ..32) and (..14, ..20, ..32) cost 63.25 and 65.7
    values = [4, 5, 9, 10, 11, 14, 18, 19, 20, 23, 24, 26, 27, 32]
    bounds = natural_breaks(values, 4)
    assert bounds == [5.0, 14.0, 24.0, 32.0]
    assert within_squares(values, bounds) == pytest.approx(61.966667)
    assert within_squares(values, bounds) == pytest.approx(brute_force_jenks(values, 4))


@pytest.mark.parametrize("seed", range(40))
def test_jenks_is_optimal_on_small_random_sets(seed):
    rng = np.random.default_rng(seed)
    values = rng.integers(0, 30, int(rng.integers(2, 13))).astype(float).tolist()
    k = int(rng.integers(1, 5))
    bounds = natural_breaks(values, k)
    assert len(bounds) == min(k, len(set(values)))
    assert within_squares(values, bounds) == pytest.approx(
        brute_force_jenks(values, len(bounds)), abs=1e-9
    )


def test_equal_interval_splits_the_range_evenly():
    assert equal_interval([0, 10, 3, 7, 2], 5) == [2.0, 4.0, 6.0, 8.0, 10.0]
    assert equal_interval([-5, 5, None, 1, -1], 4) == [-2.5, 0.0, 2.5, 5.0]
    assert equal_interval([-5, 5], 4) == [0.0, 5.0]  # two values make two classes


def test_equal_interval_keeps_an_empty_class_in_a_gap():
    assert class_of([1, 2, 10], equal_interval([1, 2, 10], 3)) == [0, 0, 2]


def test_quantile_classes_hold_equal_counts():
    values = random_values(7, 103)
    for k in range(1, 11):
        counts = np.bincount(class_of(values, quantile(values, k)), minlength=k)
        assert len(counts) == k
        assert counts.max() - counts.min() <= 1


def test_quantile_on_a_small_set():
    assert quantile(range(1, 11), 5) == [2.0, 4.0, 6.0, 8.0, 10.0]
    assert quantile(range(1, 11), 3) == [4.0, 7.0, 10.0]


def test_class_of_uses_upper_bounds_inclusive():
    assert class_of([1, 2, 2.5, 4, 5, 6], [2, 4, 6]) == [0, 0, 1, 1, 2, 2]


def test_class_of_clamps_values_outside_the_bounds():
    assert class_of([-100, 100], [2, 4, 6]) == [0, 2]


def test_no_data_stays_none():
    values = [3.0, None, NAN, math.inf, -math.inf, 7.0]
    assert class_of(values, [5.0, 7.0]) == [0, None, None, None, None, 1]
    for method in METHODS:
        result = classify(values, method, 2)
        assert result.classes == (0, None, None, None, None, 1)
        assert result.lower == 3.0


def test_none_is_not_zero():
    for method, breaks in BREAKS.items():
        assert breaks([None, 10, 20, None, 30], 2) == breaks([10, 20, 30], 2), method
        assert classify([None, 10, 20], method, 2).lower == 10.0


def test_class_of_a_numpy_array_with_nan():
    assert class_of(np.array([1.0, np.nan, 3.0]), [2.0, 3.0]) == [0, None, 1]


def test_class_of_needs_increasing_bounds():
    with pytest.raises(ValueError, match="increasing"):
        class_of([1.0], [3.0, 2.0])
    assert class_of([1.0, None], []) == [None, None]


@pytest.mark.parametrize("method", METHODS)
def test_no_values_give_no_classes(method):
    assert BREAKS[method]([], 5) == []
    assert BREAKS[method]([None, NAN], 5) == []
    assert classify([None, NAN], method, 5) == Classification(method, (), None, (None, None))


@pytest.mark.parametrize("method", METHODS)
def test_all_equal_values_make_one_class(method):
    assert BREAKS[method]([4.5, 4.5, None, 4.5], 5) == [4.5]
    assert classify([4.5, 4.5, None], method, 5).classes == (0, 0, None)


@pytest.mark.parametrize("method", METHODS)
def test_fewer_distinct_values_than_classes(method):
    values = [3.0, 1.0, 3.0, 2.0, 1.0]
    bounds = BREAKS[method](values, 7)
    assert len(bounds) == 3
    assert len(set(class_of(values, bounds))) == 3  # no empty class, no duplicate bound
    if method != "equal-interval":
        assert bounds == [1.0, 2.0, 3.0]


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("seed", range(10))
def test_bounds_are_increasing_and_within_the_data(method, seed):
    values = random_values(seed, 500, distinct=None if seed % 2 else 12)
    present = set(values)
    for k in range(1, 10):
        bounds = BREAKS[method](values, k)
        assert 1 <= len(bounds) <= k
        assert all(low < high for low, high in itertools.pairwise(bounds))
        assert bounds[-1] == max(values)
        assert min(values) <= bounds[0]
        if method != "equal-interval":  # the others cut between data values
            assert present.issuperset(bounds)


def test_equal_interval_bounds_are_evenly_spaced():
    values = random_values(3, 200)
    bounds = equal_interval(values, 6)
    steps = np.diff([min(values), *bounds])
    assert steps == pytest.approx([steps[0]] * 6)


def test_natural_breaks_on_twenty_thousand_values():
    values = random_values(2024, 20_000)
    values[::97] = [None] * len(values[::97])
    present = [v for v in values if v is not None]
    for k in (3, 5, 7, 10):
        bounds = natural_breaks(values, k)
        assert len(bounds) == k
        assert all(low < high for low, high in itertools.pairwise(bounds))
        assert bounds[-1] == max(present)
        assert set(present).issuperset(bounds)
    assert natural_breaks(values, 5) == natural_breaks(values, 5)  # the sample is deterministic


def test_natural_breaks_weighs_repeated_values():
    # 5,000 values but 15 distinct: no sampling, each value counts as often as it occurs
    rng = np.random.default_rng(11)
    values = np.round(rng.gamma(2.0, 2.0, 5000)).clip(0, 14).tolist()
    assert len(set(values)) == 15 < JENKS_SAMPLE_SIZE
    bounds = natural_breaks(values, 3)
    assert within_squares(values, bounds) == pytest.approx(brute_force_jenks(values, 3))
    assert bounds != natural_breaks(sorted(set(values)), 3)  # the counts changed the answer


def test_natural_breaks_separates_clear_clusters_in_a_sample():
    rng = np.random.default_rng(5)
    clusters = [rng.normal(centre, 1.0, 4000) for centre in (100, 200, 300)]
    bounds = natural_breaks(np.concatenate(clusters), 3)
    assert len(bounds) == 3
    for bound, cluster in zip(bounds, clusters, strict=True):
        # the sample may miss a cluster's very top, never more than a step of it
        assert np.sort(cluster)[-6] < bound <= cluster.max()


def test_classify_returns_the_layer():
    result = classify([10, None, 20, 30, 40], "quantile", 2)
    assert result == Classification("quantile", (20.0, 40.0), 10.0, (0, None, 0, 1, 1))
    assert result.ranges == ((10.0, 20.0), (20.0, 40.0))
    assert result.labels(0) == ("10 – 20", "20 – 40")
    assert classify((v for v in [1.0, 2.0]), "natural-breaks", 2).classes == (0, 1)


def test_classify_is_frozen():
    result = classify([1.0], "quantile", 1)
    with pytest.raises(AttributeError):
        result.method = "natural-breaks"  # type: ignore[misc]


def test_unknown_method_names_the_choices():
    with pytest.raises(ValueError, match="equal-interval, quantile, natural-breaks"):
        classify([1.0], "jenks", 3)


@pytest.mark.parametrize("k", [0, -1])
def test_at_least_one_class(k):
    for method in METHODS:
        with pytest.raises(ValueError, match="at least one class"):
            classify([1.0, 2.0], method, k)


def test_class_label_is_numbers_and_an_en_dash():
    assert class_label(12.5, 30, 1) == "12.5 – 30.0"
    assert class_label(-1234.567, 0.0, 2) == "-1234.57 – 0.00"
    assert class_label(-0.01, 5, 1) == "0.0 – 5.0"
    assert class_label(3, 7, 0) == "3 – 7"
    with pytest.raises(ValueError, match="digits"):
        class_label(1, 2, -1)
