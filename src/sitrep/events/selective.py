"""Parse only the sentences that can hold an event.

The dependency parser is the costliest component of the pipeline, and most sentences of a
readout or a speech hold no event ("The leaders discussed the shared challenges..."). So the
coder runs every component but the parser on the whole text, splits sentences at final
punctuation and blank lines, and then parses only the sentences with both a trigger word (by
lemma) and something that may name an actor (an entity, a pronoun, a title); the parser may
split a parsed sentence further, as it would in a full parse.

The parser reads the tagger's shared token vectors from ``doc.tensor``, which each sentence
copy keeps (``Span.as_doc``), so a sentence is parsed with the context of its whole article.
The parse is then written back into the article's ``Doc``: sentences left unparsed get a flat
tree (every word attached to the first), so that ``doc.sents`` still splits them where the
sentence splitter did and every later step sees one parsed ``Doc`` per article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import cast

import numpy
from spacy.attrs import DEP, HEAD, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import Pipe, Sentencizer
from spacy.tokens import Doc, Span
from thinc.types import Ints2d

SKIPPED = ("parser", "senter")
"""Components not run on the whole text (``senter`` is disabled in the stock pipelines; a
punctuation splitter costs far less and the parser re-splits what it parses)."""
UNPARSED_KEY = "sitrep.unparsed"
"""``doc.user_data`` key: first-token indices of the sentences left unparsed."""
SENTENCE_BATCH = 128
"""Sentences per parser batch. The parser advances every sentence of a batch together, so
it pays to give it all those of an article batch at once (a few dozen): on a quarter of the
bundled corpus, 5.4 s of CPU with batches of 4 (the article batch) and 4.6 s with all of
them (the best of 5 runs each, alternated). Sentences are short, so this costs little memory."""


class SelectiveParser:
    """Runs a spaCy pipeline, parsing only the sentences that ``wanted`` accepts.

    Args:
        nlp: a pipeline with a ``parser``.
        wanted: whether a sentence (tagged, lemmatised, with entities) needs a parse.

    Use ``available(nlp)`` first: a pipeline without a parser cannot be run this way.
    """

    def __init__(self, nlp: Language, wanted: Callable[[Span], bool]) -> None:
        self.nlp = nlp
        self.wanted = wanted
        self.parser = cast(Pipe, nlp.get_pipe("parser"))
        self.front = [(name, cast(Pipe, nlp.get_pipe(name))) for name in nlp.pipe_names
                      if name not in SKIPPED]
        # punctuation splitting: the statistical splitter costs nearly as much as the parse
        # it saves (measured with bench/bench_coding.py), and the parser re-splits anyway
        self.senter = Sentencizer()
        self.parsed = 0
        self.sentences = 0
        """Counts of sentences parsed and seen, for the benchmark."""

    @staticmethod
    def available(nlp: Language) -> bool:
        """Whether ``nlp`` has a parser (selective parsing needs nothing else)."""
        return "parser" in nlp.component_names

    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
        """Docs for ``texts``, in order, parsed where a sentence may hold an event.

        Args:
            texts: the article texts.
            batch_size: texts per batch for every component.

        Yields:
            One ``Doc`` per text, with tags, lemmas, entities and (selective) parses.
        """
        docs: Iterable[Doc] = (self.nlp.make_doc(t) for t in texts)
        docs = (_paragraph_breaks(d) for d in self.senter.pipe(docs, batch_size=batch_size))
        for _, proc in self.front:
            docs = proc.pipe(docs, batch_size=batch_size)
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._parse(batch, batch_size)
                batch = []
        if batch:
            yield from self._parse(batch, batch_size)

    def __call__(self, text: str) -> Doc:
        """One text through ``pipe``."""
        return next(self.pipe([text]))

    def _parse(self, docs: list[Doc], batch_size: int) -> list[Doc]:
        jobs: list[tuple[int, Span]] = []
        for k, doc in enumerate(docs):
            for sent in doc.sents:
                self.sentences += 1
                if self.wanted(sent):
                    jobs.append((k, sent))
        subs = list(self.parser.pipe((_unsplit(s.as_doc()) for _, s in jobs),
                                     batch_size=max(batch_size, SENTENCE_BATCH)))
        self.parsed += len(subs)
        by_doc: dict[int, list[tuple[Span, Doc]]] = {}
        for (k, sent), sub in zip(jobs, subs, strict=True):
            by_doc.setdefault(k, []).append((sent, sub))
        for k, doc in enumerate(docs):
            parsed = by_doc.get(k, [])
            done = {sent.start for sent, _ in parsed}
            doc.user_data[UNPARSED_KEY] = frozenset(
                sent.start for sent in doc.sents if sent.start not in done)
            _write_parse(doc, parsed)
        return docs


_FINAL = (".", "!", "?", ":", ";", "…")
_CLOSING = frozenset({'"', "”", "’", "'", ")", "]", "''"})


def _paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, and nowhere else without a full stop.

    Headers, datelines and speaker lines ("Office of the Spokesperson") stand on lines of
    their own, and the sentence splitter would glue them to the next sentence; but it also
    splits some long lists of names ("... Action Service (EEAS) | Secretary General ..."), so
    a break that follows no sentence-final mark is undone (the parser may still split there).

    Only the words after a space token or at a splitter's sentence start are looked at (read
    from arrays): a Python object per word cost more than the rest of this stage.
    """
    if len(doc) < 2:
        return doc
    flags = doc.to_array([IS_SPACE, SENT_START])
    after_space = numpy.flatnonzero(flags[:-1, 0]) + 1
    starts = numpy.flatnonzero(flags[1:, 1] == 1) + 1
    for i in sorted(set(after_space.tolist()) | set(starts.tolist())):
        prev = doc[i - 1]
        if prev.is_space and prev.text.count("\n") >= 2:
            doc[i].is_sent_start = True
        elif flags[i, 1] == 1 and not prev.is_space and not _ends_sentence(doc, i - 1):
            doc[i].is_sent_start = False
    return doc


def _ends_sentence(doc: Doc, i: int) -> bool:
    """Whether token ``i`` ends a sentence: a final mark, possibly followed by closing quotes
    ("... soon.”")."""
    while i > 0 and doc[i].text in _CLOSING:
        i -= 1
    return doc[i].text.endswith(_FINAL)


def _unsplit(doc: Doc) -> Doc:
    """Clear the sentence splitter's decisions inside a sentence copy: the parser keeps
    preset boundaries (and non-boundaries), and it splits better than the splitter. But it
    splits after a parenthesis that ends no sentence ("spoke with Republic of Korea (ROK) |
    First Vice Foreign Minister Choi"), so a word after one is marked as no sentence start."""
    if len(doc) > 1:
        starts = doc.to_array([SENT_START]).astype("int64")
        starts[1:] = 0
        for i in range(2, len(doc)):
            if doc[i - 1].text == ")" and not _ends_sentence(doc, i - 1):
                starts[i] = -1
        doc.from_array([SENT_START], cast(Ints2d, starts.astype("uint64")))
    return doc


def _write_parse(doc: Doc, parsed: list[tuple[Span, Doc]]) -> None:
    """Set heads and labels on ``doc``: the sentence parses where given, a flat tree (each
    word under the sentence's first, labelled ``dep``) elsewhere."""
    if len(doc) == 0:
        return
    strings = doc.vocab.strings
    flat, root = strings.add("dep"), strings.add("ROOT")
    heads = numpy.zeros(len(doc), dtype="int64")
    deps = numpy.full(len(doc), flat, dtype="uint64")
    for sent in doc.sents:
        heads[sent.start:sent.end] = sent.start - numpy.arange(sent.start, sent.end)
        deps[sent.start] = root
    for sent, sub in parsed:
        arr = sub.to_array([HEAD, DEP])
        heads[sent.start:sent.end] = arr[:, 0].astype("int64")
        deps[sent.start:sent.end] = arr[:, 1]
    doc.from_array([HEAD, DEP], cast(Ints2d, numpy.stack([heads.astype("uint64"), deps], axis=1)))
