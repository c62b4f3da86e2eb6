"""Corpus-scale runs: many transcripts, in parallel, resumable."""
