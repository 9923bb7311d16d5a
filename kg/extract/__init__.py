"""Extraction: article text to statements (entities and relations with evidence).

    text -> segment (blocks, sentences) -> spaCy -> mentions -> link (coreference, gazetteer)
         -> relations (verb frames and noun constructions) -> statements

`kg.extract.pipeline` holds the entry points (`extract`, `extract_many`); importing this
package does not load spaCy.
"""

from kg.extract import lean_spacy

lean_spacy.install()  # spaCy, when kg's modules import it, comes without its command line
