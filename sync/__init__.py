"""Sync between the local store and the team server (SYNC.md).

The store already writes what sync reads: client-made UUIDv7 ids, HLC stamps,
row versions and an outbox row per change. The protocol, its client and its
server arrive with the sync issue; this package is where they will live.
"""
