"""The kg command line: thin click wrappers over the library."""

from __future__ import annotations

import contextlib
import os
import re
import sys
import warnings
from pathlib import Path

import click

from kg import __version__
from kg.errors import KgError, KgWarning

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def one_line(text: str) -> str:
    """A message as one line: its lines joined, runs of white space made one space, and
    control characters (which a terminal would obey) shown as escapes."""
    lines = [" ".join(line.split()) for line in str(text).splitlines()]
    joined = "; ".join(line for line in lines if line) or "(no message)"
    return visible(joined)


def visible(text: str) -> str:
    """Text for a terminal: control characters other than tab and line breaks escaped."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    if issubclass(category, KgWarning):
        click.echo(f"Warning: {one_line(str(message))}", err=True)
    else:
        _default_showwarning(message, category, filename, lineno, file, line)


_default_showwarning = warnings.showwarning


class KgGroup(click.Group):
    """Turns library errors into one line on stderr; never shows a traceback. Library
    warnings (KgWarning) are one line each."""

    def invoke(self, ctx: click.Context):
        with warnings.catch_warnings():
            warnings.simplefilter("always", KgWarning)
            warnings.showwarning = _show_warning
            return self._invoke(ctx)

    def _invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as exc:
            error = click.ClickException(one_line(str(exc)))
            error.exit_code = exc.exit_code
            raise error from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            raise click.Abort() from None
        except BrokenPipeError:  # the reader left (`kg export ... | head`): stop quietly
            _quiet_stdout()
            raise click.exceptions.Exit(141) from None  # as a process ended by SIGPIPE
        except Exception as exc:  # a bug: still one line, unless asked for more
            if os.environ.get("KG_DEBUG"):
                raise
            error = click.ClickException(
                one_line(f"unexpected {type(exc).__name__}: {exc} (set KG_DEBUG=1 for a traceback)")
            )
            error.exit_code = 3
            raise error from None


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush finds no closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):  # a test runner's stdout has no descriptor
        os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


@click.group(cls=KgGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="kg")
def cli() -> None:
    """kg turns news articles into a validated RDF knowledge graph.

    Flow: article text -> extract -> statements -> build RDF -> validate -> query / export.
    Exit codes: 0 success, 1 the data does not conform to the shapes, 2 bad input.
    """


def output_option(func):
    return click.option(
        "-o", "--output", default="-", show_default=True, help="Output file; '-' writes to stdout."
    )(func)


def graph_format_option(func):
    return click.option(
        "--input-format",
        "input_format",
        default=None,
        help="RDF format of GRAPH (default: from its extension).",
    )(func)


# ---------------------------------------------------------------------------------------


def store_option(func):
    return click.option(
        "--store",
        "store_dir",
        type=click.Path(path_type=Path),
        default=None,
        help=f"The store folder (default: ./{DEFAULT_STORE_NAME}).",
    )(func)


DEFAULT_STORE_NAME = "kg-store"


def _set_max_chars(ctx: click.Context, param: click.Parameter, value: int | None) -> None:
    if value is not None:  # read by kg.corpus.max_chars(), here and in worker processes
        os.environ["KG_MAX_CHARS"] = str(value)


def max_chars_option(func):
    return click.option(
        "--max-chars",
        type=click.IntRange(1),
        default=None,
        expose_value=False,
        callback=_set_max_chars,
        help="Refuse article texts longer than this (default: 1,000,000 characters).",
    )(func)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    default="build",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder for kg.nq, kg.trig, quarantine.nq and manifest.json.",
)
@click.option("--no-out", is_flag=True, help="Write no files (a corpus goes to the store only).")
@store_option
@click.option("--no-store", is_flag=True, help="Do not add the articles to a store.")
@click.option("--base", default=None, help="Base IRI of minted entities, articles and statements.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) on any violation of the shapes.")
@click.option("--model", default=None, help="spaCy pipeline for article texts.")
@click.option(
    "-j",
    "--jobs",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Processes for the per-article work (reading, extraction, RDF and validation).",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Replace a stored article whose id comes back with a different text.",
)
@click.option(
    "--dask",
    "dask_address",
    default=None,
    metavar="ADDRESS",
    help="Build on a Dask cluster: a scheduler address (tcp://host:8786), or local:N for "
    "N worker processes on this machine. See README 'On a cluster'.",
)
@click.option(
    "--push",
    "push_endpoint",
    default=None,
    metavar="ENDPOINT",
    help="With --dask: also send each article's graph to this Graph Store Protocol URL "
    "(http://host:7878/store); add --no-store to skip the local store.",
)
@click.option(
    "--dask-timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(0.1, 3600),
    help="Seconds to wait for the scheduler and its first worker.",
)
@max_chars_option
def build(
    inputs: tuple[Path, ...],
    out_dir: Path,
    no_out: bool,
    store_dir: Path | None,
    no_store: bool,
    base: str | None,
    strict: bool,
    model: str | None,
    jobs: int,
    replace: bool,
    dask_address: str | None,
    push_endpoint: str | None,
    dask_timeout: float,
) -> None:
    """Build the RDF graph of articles: texts (.txt, .md, .html), statements files (.yaml,
    .json) or folders of them. Each article is validated, written to the output files and
    added to the store as its own named graph (building it again replaces it).

    Example:

    \b
        kg build data/articles/ARTICLE.txt --out build
        kg build data/articles/ --store kg-store --no-out --jobs 2
        kg build data/articles/ --no-out --dask tcp://10.0.0.5:8786
    """
    from kg.corpus import expand
    from kg.pipeline import build_inputs

    if dask_address is None and push_endpoint is not None:
        raise click.UsageError("--push needs --dask; after a local build use 'kg push'")
    if dask_address is not None and jobs != 1:
        raise click.UsageError("--jobs is for local builds; with --dask each worker is a job")
    store = None if no_store else (store_dir or Path(DEFAULT_STORE_NAME))
    paths = expand(list(inputs))
    bar = None
    if sys.stderr.isatty() and len(paths) > 1:  # a progress bar for people, not for logs
        bar = click.progressbar(length=len(paths), label="Building", file=sys.stderr, show_pos=True)
        bar.__enter__()
    try:
        summary = build_inputs(
            paths,
            None if no_out else out_dir,
            base=base,
            strict=strict,
            model=model,
            store_dir=store,
            jobs=jobs,
            replace=replace,
            progress=bar.update if bar else None,
            dask=dask_address,
            push=push_endpoint,
            dask_timeout=dask_timeout,
        )
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    click.echo(summary.text())
    if getattr(summary, "failed", None):  # a cluster build stored the rest: exit 2
        raise click.exceptions.Exit(2)


@cli.command()
@click.argument("article_id")
@store_option
@click.option(
    "--base", default=None, help="Base IRI the store was built with (default: recorded in it)."
)
def remove(article_id: str, store_dir: Path | None, base: str | None) -> None:
    """Remove an article (its graph and its quarantine graph) from the store.

    Example:

    \b
        kg remove ARTICLE-ID --store kg-store
    """
    from kg.iri import DEFAULT_BASE
    from kg.store import KgStore

    store = KgStore(store_dir or Path(DEFAULT_STORE_NAME))
    try:
        store.remove(article_id, base or store.base or DEFAULT_BASE)
    finally:
        store.close()
    click.echo(f"Removed {article_id}.")


@cli.command()
@click.argument("article", type=click.Path(path_type=Path))
@output_option
@click.option("--model", default=None, help="spaCy pipeline (default: en_core_web_sm).")
@max_chars_option
def extract(article: Path, output: str, model: str | None) -> None:
    """Extract an article's entities and relations as a statements file to review.

    Example:

    \b
        kg extract data/articles/ARTICLE.txt --output ARTICLE.yaml
    """
    from kg.pipeline import extract_to_file

    st = extract_to_file(article, output, model=model)
    if output != "-":
        click.echo(
            f"Extracted {len(st.entities)} entities and {len(st.relations)} relations to {output}",
            err=True,
        )


@cli.command(name="eval")
@click.option(
    "--gold",
    "gold",
    default=None,
    type=click.Path(path_type=Path),
    help="Gold statements of ARTICLE.",
)
@click.argument("article", type=click.Path(path_type=Path), required=False)
@click.option(
    "--corpus",
    default=None,
    type=click.Path(path_type=Path, file_okay=False),
    help="Score a whole annotated corpus (NAME.txt + gold/NAME.yaml) with its scorer.",
)
@click.option(
    "--split",
    "split_file",
    default=Path("data/eval/split.yaml"),
    show_default=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="With --corpus: the fixed development/test split.",
)
@click.option(
    "--dev-extra",
    default=Path("data/eval/dev"),
    show_default=True,
    type=click.Path(path_type=Path),
    help="With --corpus: more annotated development articles (same layout), if present.",
)
@click.option(
    "--scorer",
    default=None,
    type=click.Path(path_type=Path, dir_okay=False),
    help="With --corpus: the scorer (default: CORPUS/../eval/score.py).",
)
@click.option(
    "--misses", is_flag=True, help="With --corpus: list what the development articles miss."
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("--model", default=None, help="spaCy pipeline (default: en_core_web_sm).")
def eval_(
    gold: Path | None,
    article: Path | None,
    corpus: Path | None,
    split_file: Path,
    dev_extra: Path,
    scorer: Path | None,
    misses: bool,
    fmt: str,
    model: str | None,
) -> None:
    """Score extraction against gold: one ARTICLE, or a corpus split into dev and test.

    Example:

    \b
        kg eval --gold data/gold/ARTICLE.yaml data/articles/ARTICLE.txt

        kg eval --corpus ../shared/corpus --split data/eval/split.yaml
    """
    import json

    if corpus is not None:
        from kg.quality import as_dict, evaluate_corpus, format_misses, format_table

        scores = evaluate_corpus(corpus, split_file, scorer, extra_dev=dev_extra, model=model)
        if fmt == "json":
            click.echo(json.dumps(as_dict(scores), indent=2))
            return
        click.echo(format_table(scores))
        if misses:
            click.echo(format_misses(scores))
        return
    if gold is None or article is None:
        raise click.UsageError("give --gold and ARTICLE, or --corpus")

    from kg.evaluate import evaluate, format_evaluation
    from kg.pipeline import load_input
    from kg.statements import load_statements

    result = evaluate(load_statements(gold), load_input(article, model=model))
    if fmt == "json":
        click.echo(json.dumps(result.as_dict(), indent=2))
    else:
        click.echo(format_evaluation(result))


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path), required=False)
@graph_format_option
@store_option
@click.option(
    "--inference",
    type=click.Choice(["rdfs", "none"]),
    default="rdfs",
    show_default=True,
    help="Materialise the class and property hierarchy before checking.",
)
@click.option(
    "--engine",
    type=click.Choice(["kg", "pyshacl"]),
    default="kg",
    show_default=True,
    help="kg's SHACL engine (the same results, faster) or pySHACL, the reference.",
)
def validate(
    graph: Path | None,
    input_format: str | None,
    store_dir: Path | None,
    inference: str,
    engine: str,
) -> None:
    """Validate GRAPH (or a whole store) against the SHACL shapes; exit 1 on any violation.

    Example:

    \b
        kg validate build/kg.nq
        kg validate --store kg-store
    """
    from kg.validate import format_report

    with _source(graph, input_format, store_dir) as src:
        report = src.validate(inference=inference, engine=engine)
    click.echo(visible(format_report(report)))
    if not report.conforms:
        sys.exit(1)


def _source(graph: Path | None, input_format: str | None, store_dir: Path | None):
    """A graph file, or a store read where it lies (kg.source)."""
    from kg.source import open_source

    if (graph is None) == (store_dir is None):
        raise click.UsageError("give a GRAPH file or --store DIR")
    return open_source(graph, store_dir, input_format)


def _graph_quads(graph: Path, input_format: str | None):
    """The quads of a graph file."""
    with _source(graph, input_format, None) as src:
        return list(src.quads())


@cli.command()
@click.argument("graph", required=False)
@store_option
@click.argument("query", required=False)
@click.option(
    "-f",
    "--file",
    "query_file",
    type=click.Path(path_type=Path),
    help="Read the SPARQL query from a file.",
)
@click.option("--cq", is_flag=True, help="Run every competency question of the ontology.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "xml"]),
    default="table",
    show_default=True,
    help="Results format (W3C SPARQL 1.1 for csv/tsv/json/xml).",
)
@output_option
@graph_format_option
@click.option(
    "--timeout-s",
    default=60,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Stop a query that runs longer than this (seconds).",
)
def query(
    graph: str | None,
    store_dir: Path | None,
    query: str | None,
    query_file: Path | None,
    cq: bool,
    fmt: str,
    output: str,
    input_format: str | None,
    timeout_s: float,
) -> None:
    """Run a SPARQL query over GRAPH (all named graphs form the default graph).

    Queries are screened (SERVICE, LOAD, FROM and updates are refused) and run in a
    process without network access; Ctrl-C stops a running query.

    Example:

    \b
        kg query build/kg.nq 'SELECT ?name WHERE { ?p a kgo:Person ; rdfs:label ?name }'
        kg query --store kg-store --cq --format csv -o answers.csv
    """
    from kg.query import competency_chunks, query_chunks, read_query_file

    if store_dir is not None and graph is not None and query is None:
        graph, query = None, graph  # with --store the first argument is the query

    given = sum(x is not None and x is not False for x in (query, query_file, cq or None))
    if given != 1:
        raise click.UsageError("give exactly one of QUERY, -f FILE or --cq")
    if (graph is None) == (store_dir is None):
        raise click.UsageError("give a GRAPH file or --store DIR")
    quads = None if graph is None else _graph_quads(Path(graph), input_format)
    where = {"store_dir": store_dir, "quads": quads, "timeout_s": timeout_s}
    if cq:  # nothing is written unless every question is answered
        pieces = competency_chunks(fmt, **where)
    else:  # the answer in pieces, as the query's process left it (never whole in memory)
        text = read_query_file(query_file) if query_file else query
        pieces = query_chunks(text or "", fmt, **where)
    end = "\n" if cq or fmt == "table" else ""
    _write_pieces((visible(p) for p in pieces) if fmt == "table" else pieces, output, end)


def _write_pieces(pieces, output: str, end: str = "") -> None:
    """Text pieces to stdout ('-') or to a file written whole or not at all (a temporary
    file renamed when the last piece is written); `end` after the last piece."""
    from kg.files import atomic_writer

    if output == "-":
        for piece in pieces:
            click.echo(piece, nl=False)
        click.echo(end, nl=False)
        return
    with atomic_writer(output, "w") as handle:
        for piece in pieces:
            handle.write(piece)
        handle.write(end)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path), required=False)
@store_option
@click.option(
    "-f",
    "--format",
    "fmt",
    required=True,
    help="RDF: turtle, ntriples, nquads, trig, jsonld. Visual: graphml, gexf, "
    "cytoscape, dot, neo4j (a folder), html.",
)
@output_option
@graph_format_option
@click.option("--focus", default=None, help="Keep the neighbourhood of this entity (name or IRI).")
@click.option("--depth", default=1, show_default=True, type=int, help="Radius of --focus.")
@click.option("--class", "keep_classes", multiple=True, help="Keep entities of this class.")
@click.option(
    "--max-nodes",
    type=int,
    default=None,
    help="Keep the N most connected entities, so a large graph opens.",
)
@click.option("--literals", is_flag=True, help="Draw aliases as literal nodes.")
@click.option("--provenance", is_flag=True, help="Draw the articles entities come from.")
@click.option("--classes", "classes_as_nodes", is_flag=True, help="Draw ontology classes.")
@click.option(
    "--modality",
    "modalities",
    multiple=True,
    help="Keep only relations of this modality (asserted: the plain facts; offered, "
    "considered, planned, possible, refused, negated: claims). Repeatable.",
)
def export(
    graph: Path | None,
    store_dir: Path | None,
    fmt: str,
    output: str,
    input_format: str | None,
    focus: str | None,
    depth: int,
    keep_classes: tuple[str, ...],
    max_nodes: int | None,
    literals: bool,
    provenance: bool,
    classes_as_nodes: bool,
    modalities: tuple[str, ...],
) -> None:
    """Export GRAPH as RDF or for a graph visualiser (Gephi, Cytoscape, yEd, a browser).
    Claims (offered, planned, refused ... relations) are drawn dashed, their modality in
    their label; --modality keeps only some.

    Example:

    \b
        kg export build/kg.nq --format turtle --output kg.ttl
        kg export build/kg.nq --format html --output graph.html
        kg export build/kg.nq --format graphml --focus "Ana Ortiz" --depth 2 -o ortiz.graphml
        kg export build/kg.nq --format html --modality asserted -o facts.html
    """
    from kg.export import ViewOptions, export_to

    view = ViewOptions(
        literals=literals,
        provenance=provenance,
        classes_as_nodes=classes_as_nodes,
        focus=focus,
        depth=depth,
        keep_classes=keep_classes,
        max_nodes=max_nodes,
        modalities=modalities,
    )
    with _source(graph, input_format, store_dir) as src:
        done = export_to(src.quads(), fmt, sys.stdout.buffer if output == "-" else output, view)
    if done.nodes is not None:
        if done.nodes == 0:
            click.echo("Note: the graph has no entities; the file is empty but valid.", err=True)
        for why, count in done.left_out.items():
            click.echo(f"Note: left out {count} entities {why}.", err=True)


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path), required=False)
@store_option
@graph_format_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("--top", default=10, show_default=True, help="How many most connected entities.")
@click.option(
    "--modality",
    "modalities",
    multiple=True,
    help="Count only relations of this modality (asserted: the plain facts). Repeatable.",
)
def stats(
    graph: Path | None,
    store_dir: Path | None,
    input_format: str | None,
    fmt: str,
    top: int,
    modalities: tuple[str, ...],
) -> None:
    """Counts by class and relation, centralities and components of GRAPH (networkx).

    Example:

    \b
        kg stats build/kg.nq
        kg stats build/kg.nq --modality asserted
    """
    import json

    from kg.graphview import format_stats, project
    from kg.graphview import stats as graph_stats

    with _source(graph, input_format, store_dir) as src:
        view = project(src.quads(), modalities=modalities)  # the quads as they come
    result = graph_stats(view.graph, top=top)
    click.echo(json.dumps(result, indent=2) if fmt == "json" else visible(format_stats(result)))


@cli.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--input-format",
    "input_format",
    default=None,
    help="RDF format of OLD and NEW when they are files (default: from their extensions).",
)
def diff(old: Path, new: Path, fmt: str, input_format: str | None) -> None:
    """The quads added and removed between two builds or two stores, by article and entity.

    Example:

    \b
        kg diff old-build/kg.nq build/kg.nq
        kg diff kg-store-yesterday kg-store
    """
    import json

    from kg.diff import diff_paths, format_diff

    result = diff_paths(old, new, input_format)
    click.echo(
        json.dumps(result.as_dict(), indent=2) if fmt == "json" else visible(format_diff(result))
    )


@cli.command()
@store_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 0.0.0.0 listens on every interface (put a real "
    "server in front, see the README).",
)
@click.option(
    "-p", "--port", default=7878, show_default=True, type=int, help="Port; 0 picks a free one."
)
@click.option(
    "--timeout-s",
    default=30,
    show_default=True,
    type=int,
    help="Time limit of one query, in seconds.",
)
@click.option(
    "--max-rows",
    default=10000,
    show_default=True,
    type=int,
    help="Results are capped at this many rows.",
)
@click.option(
    "--max-memory-mb",
    default=2048,
    show_default=True,
    type=click.IntRange(256),
    help="Memory limit of one query's process.",
)
@click.option("--cors", is_flag=True, help="Allow cross-origin requests.")
def serve(
    store_dir: Path | None,
    host: str,
    port: int,
    timeout_s: int,
    max_rows: int,
    max_memory_mb: int,
    cors: bool,
) -> None:
    """Serve the store over SPARQL 1.1 (read-only), with a query page at /.

    Queries are screened (SERVICE, LOAD, FROM and updates are refused with HTTP 400) and
    run in a process without network access, with a time and a memory limit; quarantine
    graphs are left out.

    Example:

    \b
        kg serve --store kg-store --port 7878
        curl 'http://127.0.0.1:7878/query?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%201'
    """
    import signal
    import threading

    from kg.serve import Server

    server = Server(
        store_dir or Path(DEFAULT_STORE_NAME),
        host=host,
        port=port,
        timeout_s=timeout_s,
        max_rows=max_rows,
        cors=cors,
        memory_mb=max_memory_mb,
    ).start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    click.echo(
        f"Serving {store_dir or DEFAULT_STORE_NAME} (read-only) at {server.url} ; "
        f"SPARQL endpoint {server.url}query ; Ctrl-C stops."
    )
    try:
        stop.wait()  # until SIGTERM, or Ctrl-C below
    except KeyboardInterrupt:
        click.echo("Stopping.", err=True)
    finally:
        server.stop()


@cli.command()
@click.argument("graph", type=click.Path(path_type=Path), required=False)
@store_option
@graph_format_option
@click.option(
    "--endpoint", required=True, help="Graph Store Protocol URL (Oxigraph: http://host:7878/store)."
)
@click.option("--timeout-s", default=30, show_default=True, type=float)
def push(
    graph: Path | None,
    store_dir: Path | None,
    input_format: str | None,
    endpoint: str,
    timeout_s: float,
) -> None:
    """Send every named graph of GRAPH (or of a store) to a remote SPARQL store.

    Each graph replaces the remote graph of the same name (HTTP PUT).

    Example:

    \b
        kg push --store kg-store --endpoint http://127.0.0.1:7878/store
    """
    from kg.push import push as send

    with _source(graph, input_format, store_dir) as src:
        done = send(src.graphs(), endpoint, timeout=timeout_s)  # one graph held at a time
    click.echo(f"Pushed {len(done.graphs)} graph(s), {done.triples} triples, to {endpoint}.")


@cli.command()
@store_option
@click.option(
    "--base", default=None, help="Base IRI the store was built with (default: recorded in it)."
)
@click.option(
    "--min-score",
    default=0.7,
    show_default=True,
    type=float,
    help="Record merges at least this sure.",
)
@click.option("--list", "list_only", is_flag=True, help="List the recorded merges.")
@click.option("--undo", "undo_iri", default=None, help="Take back the merge with this IRI.")
def link(
    store_dir: Path | None,
    base: str | None,
    min_score: float,
    list_only: bool,
    undo_iri: str | None,
) -> None:
    """Merge entities minted apart across articles (owl:sameAs with score and evidence).

    Example:

    \b
        kg link --store kg-store
        kg link --store kg-store --undo https://w3id.org/newskg/id/merge/0123abcd
    """
    from kg.iri import DEFAULT_BASE
    from kg.link import link as record
    from kg.link import recorded, undo
    from kg.store import KgStore

    store = KgStore(store_dir or Path(DEFAULT_STORE_NAME))
    base = base or store.base or DEFAULT_BASE
    try:
        if undo_iri:
            m = undo(store, base, undo_iri)
            click.echo(f"Undid the merge of <{m.a}> and <{m.b}>.")
            return
        merges = recorded(store, base) if list_only else record(store, base, min_score)
    finally:
        store.close()
    for m in merges:
        click.echo(visible(f"{m.iri}  {m.score:.2f}  <{m.a}> = <{m.b}>  ({m.evidence})"))
    if not list_only:
        click.echo(f"Recorded {len(merges)} new merge(s).")


def main() -> None:
    import atexit
    import gc

    # At exit the interpreter collects garbage over every object still alive (a build's
    # spaCy pipeline, ontology and shapes: 0.3 s of CPU); none of it needs collecting then.
    # Registered first, so it runs after every other exit handler.
    atexit.register(gc.freeze)
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
