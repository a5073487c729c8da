"""Tooling around the portal that is no part of a request: the development database, the
benchmark, backups."""
