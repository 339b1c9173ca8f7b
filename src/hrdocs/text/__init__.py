"""Source-text handling shared by curation, validation and search: spans and normalisation."""
