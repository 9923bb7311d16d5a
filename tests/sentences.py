"""What kg extracts from an invented sentence, for the tests of the extraction layers."""

from __future__ import annotations


def relations(text: str) -> dict[tuple[str, str, str], str]:
    """(subject label, predicate, object label) -> modality."""
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    label = {e.id: e.label for e in st.entities}
    return {(label[r.subject], r.predicate, label[r.object]): r.modality for r in st.relations}


def names(text: str) -> dict[str, set[str]]:
    """label -> the label and aliases of each entity kg finds in `text`."""
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    return {e.label: {e.label, *e.aliases} for e in st.entities}


def position_names(text: str) -> set[str]:
    """The labels and aliases of the positions kg finds in `text`."""
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    return {a for e in st.entities if e.cls == "Position" for a in (e.label, *e.aliases)}


def named(text: str, name: str) -> bool:
    """Whether kg finds an entity of `text` with `name` as its label or an alias."""
    return any(name in found for found in names(text).values())


def has(found, s, p, o, modality=None) -> bool:
    """Whether `found` (from relations) states s p o (either way for a symmetric
    predicate), with `modality` if given."""
    for key in ((s, p, o), (o, p, s)) if p in ("meets", "holdsTalksWith") else ((s, p, o),):
        if key in found and (modality is None or found[key] == modality):
            return True
    return False


def posts(text: str) -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    """(holder, title) -> (modality, qualifiers) of each holdsPosition."""
    from kg.extract.pipeline import extract

    st = extract(text, "t")
    label = {e.id: e.label for e in st.entities}
    return {
        (label[r.subject], label[r.object]): (r.modality, tuple(r.qualifiers or ()))
        for r in st.relations
        if r.predicate == "holdsPosition"
    }
