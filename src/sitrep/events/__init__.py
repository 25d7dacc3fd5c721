"""The events stage: PLOVER events coded from parsed articles.

``Coder`` is the entry point: ``Coder.load()`` then ``coder.code(article)``. Time expressions
are read by ``sitrep.temporal``, below this stage, which extraction uses as well.
"""

from sitrep.events.coder import Coder

__all__ = ["Coder"]
