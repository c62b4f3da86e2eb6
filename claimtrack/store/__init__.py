"""The claim store: claims kept across transcripts and carried through verification."""
