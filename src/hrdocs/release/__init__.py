"""Releases: version and changelog checks, citation metadata, diffs, the reproducible archive and downloads."""
