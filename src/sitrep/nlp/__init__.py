"""The NLP stage: the spaCy pipeline shared by the actor and event coders."""

from sitrep.nlp.spacy_model import DEFAULT_MODEL, load_nlp, model_version

__all__ = ["DEFAULT_MODEL", "load_nlp", "model_version"]
