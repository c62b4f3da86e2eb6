"""claimtrack: typed, dated factual claims with exact provenance, from transcripts."""
