"""Messages a person reads, raised where no catalogue can be reached.

Below the views nothing translates (no Qt there), so a message that reaches a
person carries a stable ``code`` and its variable parts (``params``, strings)
beside its English text. ``views.message_text`` holds one translatable
template per code and says it in the user's language; the English text stays
what ``str()`` gives, for logs, tests and the ``--json`` report. Importers'
findings (``importers.plan.Problem``) have the same three fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol


class UserMessage(Protocol):
    """What a renderer needs: a code, its variable parts, and the English text."""

    @property
    def code(self) -> str: ...

    @property
    def params(self) -> Mapping[str, str]: ...

    @property
    def message(self) -> str: ...


@dataclass(frozen=True)
class Message:
    """A message that is not an error: a finding a refusal stands for, a warning."""

    code: str
    message: str
    params: Mapping[str, str] = field(default_factory=dict)


class UserError(Exception):
    """An error a person reads: ``str()`` is the English message.

    ``code`` picks the translated template and ``params`` fill it (values kept
    as strings, so the report's JSON and the template see the same text);
    ``parts`` are findings the message stands for (each a :class:`UserMessage`),
    said one after another when the code has no template of its own.

    >>> error = UserError("plan.dxf: no rooms", "no-rooms", file="plan.dxf")
    >>> str(error), error.code, error.params
    ('plan.dxf: no rooms', 'no-rooms', {'file': 'plan.dxf'})
    """

    code: str = ""

    def __init__(self, message: str, code: str = "", /, *,
                 parts: Iterable[UserMessage] = (), **params: object) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.params: dict[str, str] = {key: str(value) for key, value in params.items()}
        self.parts: tuple[UserMessage, ...] = tuple(parts)

    def to_json(self) -> dict[str, Any]:
        """The message as the ``--json`` reports give one: English text, code and params."""
        return {"code": self.code, "message": self.message, "params": dict(self.params)}


def message_json(message: UserMessage | BaseException) -> dict[str, Any]:
    """Any error or finding as ``{"code", "message", "params"}`` (an unknown error: no code)."""
    code = getattr(message, "code", "")
    params = getattr(message, "params", None)
    text = getattr(message, "message", None)
    return {
        "code": code if isinstance(code, str) else "",
        "message": text if isinstance(text, str) else str(message),
        "params": dict(params) if isinstance(params, Mapping) else {},
    }
