"""An envoy's posting the text leaves unsaid: in an article datelined in a country's capital,
"the Norlandic ambassador" (of another country, to no place written) is Norland's
ambassador to that country ("BRASÍLIA — ... The Russian ambassador, X, was summoned")."""

from __future__ import annotations

from kg.extract.clusters import Cluster
from kg.extract.lexicon import gazetteer, lexicon, norm
from kg.extract.resolve import ArticleIndex
from kg.extract.text import dateline_place


def write_posting(index: ArticleIndex, position: Cluster) -> None:
    """Add "<title> to <host>" to how a posted title (lexicon `posted_titles`) of a country
    is written, when the article's dateline is the capital (a gazetteer metonym) of another
    country the article names: the host."""
    if position.title is None or norm(position.title) not in lexicon().posted_titles:
        return
    owner = index.clusters[position.of] if position.of is not None else None
    if owner is None or owner.cls != "Country":
        return
    host = _host(index)
    if host is None or host.id == owner.id or host.entry is owner.entry:
        return  # no host, or the country's own ambassador
    text = f"{position.title} to {host.label}"
    if text not in position.written:
        position.written.append(text)


def _host(index: ArticleIndex) -> Cluster | None:
    """The country whose capital the article's dateline names, when the article names it
    too (once per article)."""
    memo = index.__dict__
    if "_host" not in memo:
        memo["_host"] = None
        place = dateline_place(index.text)
        entry = gazetteer().by_metonym.get(norm(place)) if place else None
        if entry is not None and entry.cls == "Country":
            memo["_host"] = next(
                (c for c in index.clusters if c.cls == "Country" and c.entry is entry), None
            )
    return memo["_host"]
