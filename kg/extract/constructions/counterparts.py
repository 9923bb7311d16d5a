"""Counterparts: "her German counterpart, Tomas Ekberg": Ekberg holds, for Germany, the
post that the possessor holds; "his Sudrian counterpart, Oil Minister X": X's own title is
Sudria's."""

from __future__ import annotations

from kg.extract.constructions.base import Builder, held_position, tokens_with
from kg.extract.lexicon import lexicon, norm
from kg.extract.link import Cluster
from kg.extract.resolve import Ref


def counterparts(b: Builder) -> None:
    """A counterpart named with a title of their own, or whose possessor was named with a
    title in an earlier sentence (a title in the same sentence: positions `_counterpart`)."""
    index = b.index
    past = {start for held in index.holdings.values() for start, _p, former in held if former}
    for tok in tokens_with(b.doc, "LOWER", lexicon().counterpart_nouns):
        if tok.pos_ != "NOUN":
            continue
        sent = tok.sent
        # a former post named before ("X, a former army chief, ... her counterpart") is none
        titled = any(
            m.tok_start >= sent.start
            and m.tok_end <= tok.i
            and b.is_position(m)
            and index.pos(b.block, b.doc[m.head]) not in past
            for m in index.in_block.get(b.block, [])
        )
        countries = [
            index.as_actor(r)
            for c in tok.children
            if c.dep_ in ("amod", "compound", "nmod")
            for r in index.refs(b.block, c, with_conj=False)
            if index.as_actor(r).cluster.cls == "Country"
        ]
        owner = countries[0] if countries else None
        for person, own in _named(b, tok):
            if own is None and titled:
                continue  # positions `_counterpart` gives the sentence's title
            title = own.label if own is not None else _possessor_title(b, tok)
            if title is None:
                continue
            position = held_position(index, title, owner.cluster if owner else None)
            b.add(person, "holdsPosition", position, tok, 0.7, "counterpart", said=False)
            if owner is not None:
                b.add(position, "positionIn", owner, tok, 0.7, "counterpart", said=False)


def _named(b: Builder, tok) -> list[tuple[Ref, Cluster | None]]:
    """The person a counterpart noun names, with the title named before them: in apposition
    to it, or right after the comma that ends it (where the parser hangs the apposition
    elsewhere: "his Sudrian counterpart, Oil Minister X")."""
    index, doc = b.index, b.doc
    starts = [c.left_edge.i for c in tok.children if c.dep_ == "appos" and c.i > tok.i]
    starts = [i for i in starts if i > tok.i]
    after = tok.right_edge.i + 1
    if not starts and after < len(doc) and doc[after].text == ",":
        starts = [after + 1]
    out: list[tuple[Ref, Cluster | None]] = []
    for i in starts:
        own = None
        while i < min(len(doc), tok.sent.end):
            m = index.mention_at(b.block, doc[i])
            if m is None or m.tok_start != i:
                break
            c = index.clusters[m.cluster]
            if c.cls == "Position" and own is None:
                own, i = c, m.tok_end
                continue
            if c.cls == "Person":
                out.append((Ref(c), own))
            break
    return out


def _possessor_title(b: Builder, tok) -> str | None:
    """The title of the current post last named for the counterpart's possessor ("her")."""
    for poss in (c for c in tok.children if c.dep_ == "poss"):
        for r in b.index.refs(b.block, poss, with_conj=False):
            if r.cluster.cls == "Person":
                post = _last_post(b, r, b.index.pos(b.block, tok))
                if post is not None:
                    return post.title or post.label
    return None


def _last_post(b: Builder, person: Ref, before: int) -> Cluster | None:
    ranks = lexicon().ranks  # "General" is a rank, not a post with counterparts
    held = [(s, p) for s, p, former in b.index.holdings.get(person.cluster.id, []) if not former]
    held = [h for h in held if h[0] < before and norm(h[1].title or h[1].label) not in ranks]
    return max(held, key=lambda h: h[0])[1] if held else None
