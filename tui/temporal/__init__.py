"""The temporal tagger: rules as data (`rules.py`, `resources.py`), normalisers, and `tag()`."""

from .tagger import Timex, tag

__all__ = ["Timex", "tag"]
