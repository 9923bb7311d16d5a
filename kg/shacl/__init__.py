"""A SHACL Core engine over pyoxigraph terms: the build's fast validator.

pySHACL is the reference (`kg validate --engine pyshacl`); this engine reads the same
shapes.ttl, compiles each shape once into a plan, and checks data held as pyoxigraph triples
without converting them to rdflib. It reports the results pySHACL reports (focus node, path,
value, source shape, constraint component, severity, message); the differential test
(tests/test_shacl_differential.py) holds it to that on generated broken graphs.

SPARQL-based constraints (sh:sparql SELECTs) run on pyoxigraph, once over the whole data with
$this free, their rows then read per focus node. Shapes that use a feature it lacks (SPARQL
targets, for one) raise `Unsupported` when compiled, and kg.validate falls back to pySHACL.

The modules, one job each:
    terms     SHACL's vocabulary; rdflib (shapes) <-> pyoxigraph (data) terms
    data      the data graph indexed for SHACL, and the RDFS closure
    values    tests of one value node (datatypes, comparisons, kinds, strings, pairs)
    paths     property paths compiled to functions
    engine    compiled shapes run on focus nodes: results
    compile   shapes.ttl compiled into those plans
"""

from kg.shacl.compile import Shapes, compiled_shapes
from kg.shacl.data import Data, rdfs_closure
from kg.shacl.engine import Result, Shape, validate, validate_index
from kg.shacl.terms import RDF_TYPE, SH, SH_NS, Unsupported, to_ox, to_rdflib

__all__ = [
    "RDF_TYPE",
    "SH",
    "SH_NS",
    "Data",
    "Result",
    "Shape",
    "Shapes",
    "Unsupported",
    "compiled_shapes",
    "rdfs_closure",
    "to_ox",
    "to_rdflib",
    "validate",
    "validate_index",
]
