"""Corpus-scale runs: many transcripts, in parallel, resumable.

>>> from claimtrack.batch import extract_corpus
>>> [r.ok for r in extract_corpus(["examples/lavrov-interfax-2017-12-28.txt"], jobs=1)]
[True]
"""

from claimtrack.batch._corpus import DocumentResult, default_jobs, extract_corpus, file_hash

__all__ = ["DocumentResult", "default_jobs", "extract_corpus", "file_hash"]
