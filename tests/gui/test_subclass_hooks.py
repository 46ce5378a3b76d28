"""A base dialog's subclass that forgets a hook is refused when it is defined."""

from __future__ import annotations

import pytest

from views.cancellable_work import CancellableWorkDialog
from views.record_review_dialog import RecordReviewDialog
from views.settings_dialog import SettingsDialog


@pytest.mark.parametrize("base", [CancellableWorkDialog, RecordReviewDialog, SettingsDialog])
def test_a_subclass_missing_a_hook_is_refused_naming_it(base: type) -> None:
    first, *rest = base.HOOKS
    body = {name: (lambda self, *args: None) for name in rest}
    with pytest.raises(TypeError, match=first):
        type("Forgetful", (base,), body)


@pytest.mark.parametrize("base", [CancellableWorkDialog, RecordReviewDialog, SettingsDialog])
def test_a_subclass_with_every_hook_is_defined(base: type) -> None:
    body = {name: (lambda self, *args: None) for name in base.HOOKS}
    complete = type("Complete", (base,), body)
    assert issubclass(complete, base)
