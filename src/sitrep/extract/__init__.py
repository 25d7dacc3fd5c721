"""The extract stage: raw items (HTML, scraped text, fields) to clean articles.

``extract_article`` runs the whole cascade; ``decode`` and ``clean_scraped_text`` are its
steps that callers also use on their own.
"""

from sitrep.extract.article import MIN_CHARS, extract_article
from sitrep.extract.decode import decode
from sitrep.extract.scraped import CleanedText, clean_scraped_text

__all__ = ["MIN_CHARS", "CleanedText", "clean_scraped_text", "decode", "extract_article"]
