"""The files of a build (kg.nq, kg.trig, quarantine.nq, manifest.json), written without
holding the corpus in memory.

Each batch's quads go, as sorted N-Quads lines, to a run file in a temporary folder;
closing the writer merges the runs (an external merge sort, duplicates dropped) into kg.nq
and quarantine.nq, streams kg.nq into TriG, and writes the manifest. The bytes are those of
sorting every line of the corpus at once, so a build is byte-identical across runs and batch
sizes. The output folder is made only at the end, each file appears by an atomic rename, and
a build that fails leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from kg import __version__
from kg.errors import OutputError
from kg.extsort import merged_runs
from kg.files import atomic_writer
from kg.ontology import PREFIXES, load_ontology

OUTPUT_FILES = ("kg.nq", "kg.trig", "quarantine.nq", "manifest.json")
MERGE_FANIN = 64  # sorted runs open at once when the outputs are merged


def _sorted_lines(quads: Iterable[ox.Quad]) -> list[str]:
    return sorted({f"{q} .\n" for q in quads})


class _Hashing:
    """A binary file wrapper that hashes what goes through it."""

    def __init__(self, handle) -> None:
        self.handle = handle
        self.sha = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.sha.update(data)
        return self.handle.write(data)

    def flush(self) -> None:
        self.handle.flush()


class BuildWriter:
    """Writes the output files of a build, batch by batch (see the module's docstring)."""

    def __init__(self, out_dir: Path | str, base: str) -> None:
        self.out = Path(out_dir)
        self.base = base
        if self.out.exists() and not self.out.is_dir():
            raise OutputError(f"{self.out}: is a file, not a folder")
        try:  # the runs go to the temporary folder; the outputs appear only at close()
            self._tmp = Path(tempfile.mkdtemp(prefix="kg-build-runs-"))
        except OSError as exc:
            raise OutputError(f"cannot make a temporary folder ({exc.strerror})") from None
        self._runs: dict[str, list[Path]] = {"main": [], "quarantine": []}
        self.inputs: list[dict] = []
        self.articles: list[dict] = []

    def add(self, result) -> None:
        """Add a BuildResult (one batch of articles)."""
        for kind in ("main", "quarantine"):
            lines = _sorted_lines(q for a in result.articles for q in getattr(a, kind))
            self._run(kind, "".join(lines).encode("utf-8"))
        self._record(result.inputs, result.articles)

    def add_nquads(self, main: bytes, quarantine: bytes, inputs: list[dict], articles) -> None:
        """Add a batch given as the N-Quads lines of its graphs and of its quarantine
        graphs, each sorted and without duplicates (as a cluster worker sends them), and
        its articles (their quads are not read)."""
        self._run("main", main)
        self._run("quarantine", quarantine)
        self._record(inputs, articles)

    def _run(self, kind: str, data: bytes) -> None:
        if not data:
            return
        path = self._tmp / f"{kind}-{len(self._runs[kind]):06d}.nq"
        path.write_bytes(data)
        self._runs[kind].append(path)

    def _record(self, inputs: list[dict], articles) -> None:
        self.inputs += list(inputs)
        self.articles += [
            {
                "id": a.article_id,
                "graph": a.graph,
                "quarantine_graph": a.quarantine_graph,
                "entities": a.entities,
                "relations": a.relations,
                "quarantined": a.quarantined,
            }
            for a in articles
        ]

    def _merged(self, kind: str) -> Iterator[str]:
        """The distinct lines of a kind's runs, in order, never more than MERGE_FANIN files
        open at once (a corpus of 100,000 articles makes 1,000 runs)."""
        for line in merged_runs(self._runs[kind], self._tmp / f"{kind}-merges", MERGE_FANIN):
            yield line + "\n"

    def close(self) -> dict[str, Path]:
        """Merge the runs and write the four files; the temporary folder goes."""
        try:
            digests: dict[str, str] = {}
            quads = 0
            with atomic_writer(self.out / "kg.nq") as raw:
                out = _Hashing(raw)
                for line in self._merged("main"):
                    out.write(line.encode("utf-8"))
                    quads += 1
            digests["kg.nq"] = out.sha.hexdigest()
            with atomic_writer(self.out / "kg.trig") as raw:
                out = _Hashing(raw)
                parsed = ox.parse(path=str(self.out / "kg.nq"), format=ox.RdfFormat.N_QUADS)
                if quads:
                    ox.serialize(parsed, out, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
                else:
                    out.write(ox.serialize([], format=ox.RdfFormat.TRIG, prefixes=PREFIXES))
            digests["kg.trig"] = out.sha.hexdigest()
            with atomic_writer(self.out / "quarantine.nq") as raw:
                out = _Hashing(raw)
                for line in self._merged("quarantine"):
                    out.write(line.encode("utf-8"))
            digests["quarantine.nq"] = out.sha.hexdigest()
            data = (json.dumps(self.manifest(digests, quads), indent=2) + "\n").encode("utf-8")
            with atomic_writer(self.out / "manifest.json") as handle:
                handle.write(data)
        finally:
            self.abort()
        return {name: self.out / name for name in OUTPUT_FILES}

    def abort(self) -> None:
        """Drop the temporary runs (the outputs already written stay as they were)."""
        shutil.rmtree(self._tmp, ignore_errors=True)

    def manifest(self, digests: dict[str, str], quads: int) -> dict:
        onto = load_ontology()

        def total(key: str) -> int:
            return sum(a[key] for a in self.articles)

        return {
            "kg_version": __version__,
            "ontology_version": onto.version,
            "ontology_sha256": onto.sha256,
            "base": self.base,
            "inputs": self.inputs,
            "articles": self.articles,
            "counts": {
                "articles": len(self.articles),
                "entities": total("entities"),
                "relations": total("relations"),
                "quarantined": total("quarantined"),
                "quads": quads,
            },
            "outputs": dict(sorted(digests.items())),
        }
