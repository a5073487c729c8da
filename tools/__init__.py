"""Tooling around the portal that is no part of a request: backups and the like."""
