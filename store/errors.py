"""Errors a user can read: they name the file and the problem."""

from __future__ import annotations


class WorkspaceError(Exception):
    """A workspace could not be opened or created; nothing was changed."""


class NotAWorkspace(WorkspaceError):
    pass


class NewerSchema(WorkspaceError):
    pass
