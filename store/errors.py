"""Errors a user can read: they name the file and the problem.

Each carries a ``code`` and ``params`` (``runtime.messages.UserError``) so the
window and the CLI say it in the user's language; ``str()`` is the English.
"""

from __future__ import annotations

from runtime.messages import UserError


class WorkspaceError(UserError):
    """A workspace could not be opened or created; nothing was changed."""


class NotAWorkspace(WorkspaceError):
    pass


class NewerSchema(WorkspaceError):
    pass


class NoSuchUnit(UserError, LookupError):
    """An edit names a unit that is gone (archived, or removed by another process)."""
