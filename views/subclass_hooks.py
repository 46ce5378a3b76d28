"""The hooks a base dialog's subclass must define, checked when the subclass is defined.

Qt's metaclass rules out ``abc.ABCMeta``, so a base dialog (the cancellable work, the
rehearse-and-record import, the park's settings) names its hooks in ``HOOKS`` and calls
:func:`require_hooks` from ``__init_subclass__``: a subclass that forgets one fails at
import, naming it, instead of when a user first opens the dialog.
"""

from __future__ import annotations

from collections.abc import Iterable


def missing_hooks(cls: type, base: type, names: Iterable[str]) -> list[str]:
    """The hooks of ``names`` that ``cls`` leaves to ``base`` (which only declares them)."""
    return [name for name in names if getattr(cls, name) is getattr(base, name)]


def require_hooks(cls: type, base: type, names: Iterable[str]) -> None:
    """Refuse ``cls`` if it leaves any hook of ``names`` to ``base``."""
    missing = missing_hooks(cls, base, names)
    if missing:
        raise TypeError(
            f"{cls.__qualname__} must define {', '.join(missing)} (hooks of {base.__qualname__})"
        )
