"""The version of claimtrack: the one place it is kept (``pyproject.toml`` reads it here).

Kept in a module rather than read from the installed metadata at import time:
``importlib.metadata`` alone takes about 30 ms to import, paid by every command and
every spawned worker.
"""

__version__ = "0.1.0.dev0"
