"""The temporal tagger: rules as data (`rules.py`, `resources.py`), normalisers, and `tag()`."""

from .tagger import Timex, clear_caches, tag

__all__ = ["Timex", "clear_caches", "tag"]
