"""The use cases the GUI and the CLI both call: import, maps, info (later contracts, billing, sync).

No Qt here (an import-linter contract says so): each use case takes plain
arguments, returns plain records, and writes in one transaction with its
outbox ops.
"""
