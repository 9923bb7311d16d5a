"""Article text to statements: the extraction pipeline end to end."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from kg.errors import ExtractionError
from kg.extract.collector import fewer_collections
from kg.extract.constructions import construction_candidates
from kg.extract.constructions.bylines import byline_candidates
from kg.extract.doc_memo import know_text
from kg.extract.frames.candidates import Candidate
from kg.extract.frames.match import noun_candidates, verb_candidates
from kg.extract.frames.state import state_candidates
from kg.extract.lexicon import gazetteer, lexicon, norm
from kg.extract.link import Cluster, link
from kg.extract.mentions import find_mentions
from kg.extract.naming import name_candidates, unit_candidates
from kg.extract.nlp import load_pipeline, model_name
from kg.extract.resolve import ArticleIndex
from kg.extract.section_names import mark_section_names
from kg.extract.sources import bylines, source
from kg.extract.syntax.modality import retracted
from kg.extract.text import blocks, chunks, clean_text, title_of
from kg.extract.voices import block_roles, interviewee
from kg.iri import slug
from kg.ontology import fits, load_ontology
from kg.statements import Article, Entity, Evidence, Relation, Statements

EXTRACTOR_VERSION = "0.1.0"


@dataclass
class _Piece:
    article: int
    block: int
    start: int
    end: int
    heading: bool
    source: bool = False  # a dateline's or a masthead's news source


def extract(text: str, article_id: str, model: str | None = None, **meta) -> Statements:
    """Extract the statements of one article."""
    return next(extract_many([(text, article_id, meta)], model=model))


def publication(name: str) -> bool:
    """Whether a heading's part before "|" names a publication: the gazetteer knows it as a
    NewsAgency, or it is written as a name (every word capitalised but a few small words) and
    ends in a publication word of the lexicon ("The Norvik Herald")."""
    entry = gazetteer().by_name.get(norm(name))
    if entry is not None:
        return entry.cls == "NewsAgency"
    lex = lexicon()
    written = name.replace(".", " ").split()
    if not all(w[0].isupper() or w in lex.publication_lower_words for w in written):
        return False  # "Norland to send troops, says the Post": a headline
    words = tuple(w.lower() for w in written)
    return any(words[-len(end) :] == end for end in lex.publication_words)


def segment(texts: Sequence[str], limit: int) -> tuple[list[_Piece], list[str], list]:
    """The pieces of cleaned texts that spaCy parses: each block (heading or paragraph),
    cut at sentence ends to at most `limit` characters."""
    pieces: list[_Piece] = []
    spans: list[str] = []
    all_blocks = []
    for a, text in enumerate(texts):
        lex = lexicon()
        parts = blocks(
            text,
            lex.masthead_skip_words,
            publication,
            lex.byline_words,
            lex.time_zones,
            lex.headline_slugs,
            lex.list_bullets,
        )
        all_blocks.append(parts)
        for b, part in enumerate(parts):
            for start, end in chunks(part.start, part.end, text, limit):
                pieces.append(_Piece(a, b, start, end, part.heading, part.source))
                spans.append(text[start:end])
    return pieces, spans, all_blocks


def extract_many(
    items: Iterable[tuple[str, str, dict]],
    model: str | None = None,
    batch_size: int | None = None,
    n_process: int = 1,
) -> Iterator[Statements]:
    """Extract many articles, running spaCy over all their blocks with nlp.pipe, in
    batches of `batch_size` blocks: by default the model's own (`nlp.batch_size`, 256 for
    en_core_web_sm), as spaCy's nlp.pipe runs it and benchmarks/extract.py times it. The
    statements do not depend on it."""
    nlp = load_pipeline(model)
    items = list(items)
    texts = [clean_text(text) for text, _id, _meta in items]
    pieces, spans, all_blocks = segment(texts, max(1000, nlp.max_length - 1))
    docs = nlp.pipe(spans, batch_size=batch_size, n_process=n_process)
    per_article: dict[int, list[tuple[_Piece, object]]] = {i: [] for i in range(len(items))}
    with fewer_collections():  # kg's components' objects; benchmarks/extract.py: spaCy's too
        for piece, doc in zip(pieces, docs, strict=True):
            per_article[piece.article].append((piece, doc))
    method_suffix = f"@{EXTRACTOR_VERSION}"
    model = model_name(nlp)  # nlp.meta is rebuilt on each read: once, not per article
    for a, (raw, article_id, meta) in enumerate(items):
        text = texts[a]
        if not text.strip():
            raise ExtractionError(f"article {article_id}: the text is empty")
        title = meta.get("title") or title_of(text, all_blocks[a])
        article = Article(
            id=article_id,
            text=text,
            title=title,
            source=meta.get("source"),
            date=meta.get("date"),
            url=meta.get("url"),
            text_file=meta.get("text_file") if text == raw else None,
        )
        # the article's Docs (and what kg_clauses and the statement step kept beside them)
        # are dropped once its statements are made: the collector's walks of the articles
        # still to come no longer step over them (0.3 s -> 0.04 s of collections on the
        # benchmark's 200 texts), and the batch's memory shrinks as it goes
        with fewer_collections():  # restored between articles: the caller's code runs as set
            statements = _statements(article, per_article.pop(a), method_suffix, model)
        yield statements


def _statements(
    article: Article, parsed: Sequence[tuple[_Piece, object]], suffix: str, model: str
) -> Statements:
    docs, offsets, mentions, starts = [], [], [], []
    authors: set[int] = set()  # mentions of a byline: no interviewee
    sections = mark_section_names(
        [(article.text[p.start : p.end], d) for p, d in parsed if p.heading and not p.source],
        [d for p, d in parsed if not p.heading],
    )
    sent_no = 0
    for piece, doc in parsed:
        block = len(docs)
        docs.append(doc)
        know_text(doc, article.text[piece.start : piece.end])  # what doc.text would rebuild
        offsets.append(piece.start)
        sent_index: dict[int, int] = {}
        for sent in doc.sents:
            starts.append(piece.start + sent.start_char)
            for i in range(sent.start, sent.end):  # indices, not Token objects
                sent_index[i] = sent_no
            sent_no += 1
        found = find_mentions(doc, block, piece.start, sent_index, len(mentions))
        if piece.source:  # "(Norpress)" in a dateline, "THE NORVIK HERALD | Defence"
            found = source(doc, block, piece.start, sent_index, len(mentions))
        elif piece.heading:
            # headings name things, but NER mislabels them; the body names them too. A
            # byline ("By Mira Solvang, Defence Correspondent") names its author only there.
            named = sections.get(id(doc), {})
            heads = [m for m in found if (m.tok_start, m.tok_end) in named]
            for m in heads:
                m.text = named[(m.tok_start, m.tok_end)]
            found = bylines(doc, found)
            authors.update(m.id for m in found)
            # a heading in capitals names its section ("VELCOR", "NORLAND: ..."): kept
            for k, m in enumerate(heads, start=len(mentions) + len(found)):
                m.id = k
            found += heads
        mentions += found
    clusters = link(mentions, article.text, docs)
    index = ArticleIndex(article.text, docs, offsets, mentions, clusters, sentence_starts=starts)
    # a block's text is the article's slice it was parsed from (doc.text rebuilds it)
    texts = [article.text[p.start : p.end] for p, _d in parsed]
    index.roles = block_roles(texts, [p.block for p, _d in parsed])
    index.interviewee = interviewee(
        index.roles, [m for m in mentions if m.id not in authors], clusters
    )
    candidates: list[Candidate] = []
    for block, ((piece, doc)) in enumerate(parsed):
        if piece.heading:
            if authors:  # "By Mira Solvang, Defence Correspondent | ..."
                candidates += byline_candidates(index, block, doc, authors)
            continue
        # the constructions first: the posts they find tell whose "his government" is
        found = construction_candidates(index, block, doc)
        candidates += verb_candidates(index, block, doc)
        candidates += noun_candidates(index, block, doc)
        candidates += found
    # a correction note's retracted claim states nothing ("an earlier version ... said")
    said_wrongly: dict[tuple[int, int], bool] = {}
    for c in candidates:
        key = (c.block, c.sent.start)
        if key not in said_wrongly:
            said_wrongly[key] = retracted(c.sent)
    candidates = [c for c in candidates if not said_wrongly[(c.block, c.sent.start)]]
    candidates = state_candidates(index, candidates)
    candidates += name_candidates(index)
    candidates += unit_candidates(index)
    return _assemble(article, index, candidates, suffix, model)


def _check(index: ArticleIndex, c: Candidate) -> Candidate | None:
    """Keep a candidate whose subject and object fit the relation's domain and range,
    reading a seat of government as its country where an actor is needed."""
    rel = load_ontology().relations[c.predicate]
    s, o = c.subject, c.object
    if not fits(s.cluster.cls, rel.domain):
        s = index.as_actor(s)
    if not fits(o.cluster.cls, rel.range):
        o = index.as_actor(o)
    if not (fits(s.cluster.cls, rel.domain) and fits(o.cluster.cls, rel.range)):
        return None
    if s.cluster.id == o.cluster.id:
        return None
    attributed = c.attributed
    if attributed is not None:
        attributed = index.as_actor(attributed)
        if not fits(attributed.cluster.cls, "Actor"):
            attributed = None
    c.subject, c.object, c.attributed = s, o, attributed
    return c


def _assemble(
    article: Article, index: ArticleIndex, candidates: list[Candidate], suffix: str, model: str
) -> Statements:
    kept: dict[tuple, Candidate] = {}
    for c in candidates:
        c = _check(index, c)
        if c is None:
            continue
        start = index.offsets[c.block] + c.sent.start_char
        key = (c.subject.cluster.id, c.predicate, c.object.cluster.id, start)
        if key not in kept or kept[key].confidence < c.confidence:
            kept[key] = c
    used: set[int] = set()
    for c in kept.values():
        used.update({c.subject.cluster.id, c.object.cluster.id})
        if c.attributed:
            used.add(c.attributed.cluster.id)
    for cid in list(used):  # a position names its owner
        owner = index.clusters[cid].of
        if owner is not None:
            used.add(owner)
    ids = _entity_ids(index.clusters)
    entities = [
        Entity(
            id=ids[c.id],
            label=c.label,
            cls=c.cls,
            aliases=tuple(c.aliases),
            ids=c.entry.ids if c.entry else (),
            title=c.title if c.cls == "Position" else None,
            of=ids[c.of] if c.cls == "Position" and _owned(index, c) else None,
        )
        for c in index.clusters
        if (c.mentions and c.cls != "Position") or c.id in used
    ]
    known = set(load_ontology().qualifiers)
    relations = []
    for key in sorted(kept, key=lambda k: (k[3], k[0], k[1], k[2])):
        c = kept[key]
        start = index.offsets[c.block] + c.sent.start_char
        # the sentence's text is the article's slice (Span.text rebuilds it token by token)
        sentence = article.text[start : index.offsets[c.block] + c.sent.end_char].rstrip()
        relations.append(
            Relation(
                subject=ids[c.subject.cluster.id],
                predicate=c.predicate,
                object=ids[c.object.cluster.id],
                evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence)),
                modality=c.modality,
                attributed_to=ids[c.attributed.cluster.id] if c.attributed else None,
                confidence=c.confidence,
                method=f"{c.method}{suffix} ({model})",
                qualifiers=tuple(sorted(q for q in set(c.qualifiers) if q in known)),
            )
        )
    return Statements(article=article, entities=entities, relations=relations)


def _owned(index: ArticleIndex, c: Cluster) -> bool:
    """Whether a position's owner is one the statements format takes: an actor or a place
    (kg.statements refuses a file whose position is 'of' an event, so `kg extract` followed
    by `kg build` of its file stopped where a build from the text went on). A post of what
    the text named as an event ("president of the Conference of Heads of State") keeps its
    title and holder, without that owner."""
    if c.of is None:
        return False
    owner = index.clusters[c.of].cls
    return fits(owner, "Actor") or fits(owner, "Place")


def _entity_ids(clusters: list[Cluster]) -> dict[int, str]:
    ids: dict[int, str] = {}
    taken: set[str] = set()
    for c in clusters:
        base = slug(c.label)
        eid = base
        n = 2
        while eid in taken:
            eid = f"{base}-{n}"
            n += 1
        taken.add(eid)
        ids[c.id] = eid
    return ids
