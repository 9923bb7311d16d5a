"""Corpus builds on a real Dask cluster: a LocalCluster of 2 worker processes on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from kg.build import OUTPUT_FILES
from kg.cli import cli
from kg.pipeline import build_inputs
from kg.rdfio import nquads_lines
from kg.store import KgStore, StoreError
from tests.conftest import SAMPLE_GOLD, SAMPLE_TEXT

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from generate import write

# the scheduler's HTTP server takes another loopback port when 8787 is taken (other clusters)
pytestmark = pytest.mark.filterwarnings("ignore:Port .* is already in use")


def _store_dump(store_dir: Path) -> bytes:
    store = KgStore(store_dir, read_only=True)
    try:
        return "".join(nquads_lines(list(store.quads(quarantine=True)))).encode("utf-8")
    finally:
        store.close()


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUT_FILES}


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            worker_dashboard_address=None,
        ) as local,
        Client(local, set_as_default=False) as client,
    ):
        yield local, client


def _named(path: Path, article_id: str, text: str, label: str, cls: str) -> None:
    """A statements file with one entity: the same label with another class in another
    batch must get the IRI a local build gives it (minted in corpus order)."""
    doc = {
        "format": "kg-statements/1",
        "article": {"id": article_id, "text": text},
        "entities": [{"id": "e1", "label": label, "class": cls}],
        "relations": [],
    }
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """12 generated articles and 3 statements files (one with a statement that violates
    the shapes), built locally in batches of 5."""
    root = tmp_path_factory.mktemp("cluster")
    articles = write(12, root / "articles")
    _named(articles / "a-mercury.yaml", "a-mercury", "Nova Mercury sang.", "Nova Mercury", "Person")
    _named(
        articles / "z-mercury.yaml",
        "z-mercury",
        "Nova Mercury rose.",
        "Nova Mercury",
        "Organization",
    )
    doc = yaml.safe_load(SAMPLE_GOLD.read_text(encoding="utf-8"))
    (root / "m-violating.txt").write_bytes(SAMPLE_TEXT.read_bytes())  # beside articles/
    doc["article"]["text_file"] = "../m-violating.txt"
    doc["relations"][0]["confidence"] = 2  # violates the shapes: quarantined
    (articles / "m-violating.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    build_inputs([articles], root / "local-out", store_dir=root / "local-store", batch_size=5)
    return articles, root / "local-out", root / "local-store"


@pytest.mark.slow
def test_a_dask_build_is_byte_for_byte_the_local_build(tmp_path, corpus):
    articles, local_out, local_store = corpus
    result = CliRunner().invoke(
        cli,
        ["build", str(articles), "--out", "out", "--store", "store", "--dask", "local:2"],
    )
    assert result.exit_code == 0, result.output
    assert "On 2 Dask worker(s)." in result.output
    assert "Built 15 article(s)" in result.output
    assert "1 statement(s) quarantined" in result.output
    # batches of 100 against batches of 5: validation grouping does not change these bytes
    assert _outputs(tmp_path / "out") == _outputs(local_out)
    assert _store_dump(tmp_path / "store") == _store_dump(local_store)
    assert not (tmp_path / "out" / "failed.txt").exists()


@pytest.mark.slow
def test_a_killed_worker_loses_no_article(tmp_path, corpus, cluster):
    local, client = cluster
    articles, local_out, local_store = corpus
    killed: list[str] = []
    stop = threading.Event()

    def kill_a_worker_that_builds() -> None:
        """Watch the scheduler; end the process of the first worker seen building a batch."""
        pids = client.run(os.getpid)
        while not stop.is_set():
            for worker, keys in client.processing().items():
                if worker in pids and any(str(k).startswith("kg-build-") for k in keys):
                    os.kill(pids[worker], signal.SIGKILL)
                    killed.extend(str(k) for k in keys)
                    return
            time.sleep(0.005)

    watcher = threading.Thread(target=kill_a_worker_that_builds)
    watcher.start()
    try:
        summary = build_inputs(
            [articles],
            tmp_path / "out",
            store_dir=tmp_path / "store",
            batch_size=5,
            dask=local.scheduler_address,
        )
    finally:
        stop.set()
        watcher.join()
    assert killed, "no worker was seen building a batch"
    assert summary.failed == []
    assert summary.articles == 15
    assert _outputs(tmp_path / "out") == _outputs(local_out)
    assert _store_dump(tmp_path / "store") == _store_dump(local_store)
    client.wait_for_workers(2, timeout=60)  # the nanny restarts it for the next tests


def _fail_once(marker_dir: str) -> None:
    """On a worker: extraction of an article named 'flaky' fails on its first attempt, and
    any build of a batch that holds an article named 'poison' fails."""
    import kg.batches as tasks  # where a worker's build_batch calls kg.build.build
    import kg.extract.pipeline as pipeline

    real_build = getattr(tasks, "_real_build", tasks.build)
    tasks._real_build = real_build

    def poisoned(statements, *args, **kwargs):
        if any(st.article.id.startswith("poison") for st in statements):
            raise RuntimeError("poisoned batch")
        return real_build(statements, *args, **kwargs)

    tasks.build = poisoned

    real = getattr(pipeline, "_real_extract_many", pipeline.extract_many)
    pipeline._real_extract_many = real

    def flaky(items, *args, **kwargs):
        items = list(items)
        for _text, article_id, _meta in items:
            marker = Path(marker_dir) / article_id
            if article_id.startswith("flaky") and not marker.exists():
                marker.write_text("failed once")
                raise RuntimeError(f"transient failure of {article_id}")
        return real(items, *args, **kwargs)

    pipeline.extract_many = flaky


@pytest.mark.slow
def test_bad_articles_are_listed_and_the_rest_stored(tmp_path, corpus, cluster):
    local, client = cluster
    articles, _local_out, _local_store = corpus
    mixed = tmp_path / "mixed"
    good = tmp_path / "good"
    mixed.mkdir()
    good.mkdir()
    for path in sorted(articles.glob("*.txt"))[:6]:
        (mixed / path.name).write_bytes(path.read_bytes())
        (good / path.name).write_bytes(path.read_bytes())
    flaky = sorted(articles.glob("*.txt"))[6].read_bytes()
    (mixed / "flaky.txt").write_bytes(flaky)  # fails once on a worker, then is stored
    (good / "flaky.txt").write_bytes(flaky)
    (mixed / "poison.txt").write_bytes(flaky)  # its batch fails on a worker; alone it fails
    (mixed / "a-binary.txt").write_bytes(b"\x00\x01 not text")  # refused by the client
    (mixed / "b-markup.html").write_text(
        "<html><body><p> </p></body></html>", encoding="utf-8"
    )  # no text once cleaned: extraction fails on a worker, twice
    (mixed / "c-url.md").write_text(
        "---\nurl: not a url\n---\nAna Ortiz met Luis Vera in Oslo on Monday.\n",
        encoding="utf-8",
    )  # extracted, but its build fails: found by building each article of its batch alone
    markers = tmp_path / "markers"
    markers.mkdir()
    client.run(_fail_once, str(markers))
    counted: list[int] = []
    try:
        summary = build_inputs(
            [mixed],
            tmp_path / "out",
            store_dir=tmp_path / "store",
            dask=local.scheduler_address,
            progress=counted.append,
        )
    finally:
        client.run(_restore)
    assert sum(counted) == len(list(mixed.iterdir()))  # the progress bar ends full
    failed = [Path(path).name for path, _why in summary.failed]
    assert failed == ["a-binary.txt", "b-markup.html", "c-url.md", "poison.txt"]
    assert (markers / "flaky").exists()  # it did fail once
    assert summary.articles == 7
    lines = (tmp_path / "out" / "failed.txt").read_text(encoding="utf-8").splitlines()
    assert [Path(line.split("\t")[0]).name for line in lines] == failed
    assert "binary" in lines[0] and "empty" in lines[1] and "URL" in lines[2]
    assert lines[3].endswith("RuntimeError: poisoned batch")
    build_inputs([good], tmp_path / "good-out", store_dir=tmp_path / "good-store")
    assert _store_dump(tmp_path / "store") == _store_dump(tmp_path / "good-store")
    assert _outputs(tmp_path / "out") != _outputs(tmp_path / "good-out")  # input paths differ
    assert (tmp_path / "out" / "kg.nq").read_bytes() == (
        tmp_path / "good-out" / "kg.nq"
    ).read_bytes()

    # fixed and run again: only what is missing is built, and the list of failures goes
    (mixed / "a-binary.txt").unlink()
    (mixed / "b-markup.html").unlink()
    (mixed / "poison.txt").unlink()
    (mixed / "c-url.md").write_text(
        "---\nurl: https://example.org/c\n---\nAna Ortiz met Luis Vera in Oslo on Monday.\n",
        encoding="utf-8",
    )
    again = build_inputs(
        [mixed], tmp_path / "out", store_dir=tmp_path / "store", dask=local.scheduler_address
    )
    assert (again.articles, again.skipped, again.failed) == (1, 7, [])
    assert not (tmp_path / "out" / "failed.txt").exists()


def _restore() -> None:
    import kg.batches as tasks
    import kg.extract.pipeline as pipeline

    tasks.build = getattr(tasks, "_real_build", tasks.build)

    pipeline.extract_many = getattr(pipeline, "_real_extract_many", pipeline.extract_many)


@pytest.mark.slow
def test_an_interrupted_build_resumes_with_what_is_missing(tmp_path, corpus, cluster):
    local, _client = cluster
    articles, _local_out, local_store = corpus

    def interrupt(_n: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_inputs(
            [articles],
            tmp_path / "out",
            store_dir=tmp_path / "store",
            batch_size=5,
            dask=local.scheduler_address,
            progress=interrupt,
        )
    assert not (tmp_path / "out").exists()  # no partial output files
    store = KgStore(tmp_path / "store", read_only=True)
    stored = len(store.article_graphs())
    store.close()
    assert stored == 5  # one whole batch went in, no more
    summary = build_inputs(
        [articles],
        None,
        store_dir=tmp_path / "store",
        batch_size=5,
        dask=local.scheduler_address,
    )
    assert (summary.articles, summary.skipped) == (10, 5)
    assert _store_dump(tmp_path / "store") == _store_dump(local_store)


@pytest.mark.slow
def test_strict_stops_a_cluster_build_with_exit_1(tmp_path, corpus, cluster):
    local, _client = cluster
    articles = corpus[0]
    result = CliRunner().invoke(
        cli, ["build", str(articles), "--strict", "--dask", local.scheduler_address]
    )
    assert result.exit_code == 1
    assert result.output.startswith("Error: 1 violation(s) of the shapes (--strict)")
    assert result.output.count("\n") == 1
    assert not (tmp_path / "build").exists()


@pytest.mark.slow
def test_a_cluster_build_keeps_the_base_of_its_store(tmp_path, cluster):
    local, _client = cluster
    folder = tmp_path / "two"
    folder.mkdir()
    # a full name, so corpus-wide: the class it took first in the store keeps the plain IRI
    _named(folder / "a.yaml", "a", "Nova Mercury sang.", "Nova Mercury", "Person")
    base = "https://example.org/kg/"
    build_inputs([folder], None, store_dir=tmp_path / "store", base=base)
    _named(folder / "b.yaml", "b", "Nova Mercury rose.", "Nova Mercury", "Organization")
    summary = build_inputs(
        [folder], tmp_path / "out", store_dir=tmp_path / "store", dask=local.scheduler_address
    )
    assert (summary.articles, summary.skipped) == (1, 1)
    nq = (tmp_path / "out" / "kg.nq").read_text(encoding="utf-8")
    assert f"<{base}nova-mercury--organization>" in nq  # the store's base and its Mercury
    with pytest.raises(StoreError, match="was built with the base IRI"):
        build_inputs(
            [folder],
            None,
            store_dir=tmp_path / "store",
            base="https://example.com/other/",
            dask=local.scheduler_address,
        )


@pytest.fixture
def oxigraph_server(tmp_path):
    import subprocess
    import time
    import urllib.request

    from kg.serve import free_port, oxigraph_binary

    port = free_port()
    location = str(tmp_path / "remote")
    command = [oxigraph_binary(), "serve", "--location", location, "--bind", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.slow
def test_push_sends_every_article_graph_to_a_sparql_store(
    tmp_path, corpus, cluster, oxigraph_server
):
    import urllib.request

    local, _client = cluster
    articles, local_out, _local_store = corpus
    summary = build_inputs(
        [articles], None, dask=local.scheduler_address, push=oxigraph_server + "/store"
    )
    assert summary.pushed == 15 and summary.failed == []
    request = urllib.request.Request(
        oxigraph_server + "/store", headers={"Accept": "application/n-quads"}
    )
    with urllib.request.urlopen(request, timeout=30) as resp:
        remote = resp.read().decode("utf-8")
    lines = sorted(line + "\n" for line in remote.splitlines() if line.strip())
    assert "".join(lines) == (local_out / "kg.nq").read_text(encoding="utf-8")


@pytest.mark.slow
def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path, corpus):
    import socket

    articles = corpus[0]
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = CliRunner().invoke(
        cli,
        ["build", str(articles), "--dask", f"tcp://127.0.0.1:{port}", "--dask-timeout", "1"],
    )
    assert result.exit_code == 2
    assert result.output.startswith(
        f"Error: cannot reach the Dask scheduler at tcp://127.0.0.1:{port}"
    )
    assert result.output.count("\n") == 1
    assert not (tmp_path / "kg-store").exists() or not any((tmp_path / "kg-store").iterdir())
    assert not (tmp_path / "build").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dask", "nonsense"], "Error: --dask 'nonsense': give a scheduler address"),
        (["--dask", "local:0"], "Error: --dask local:0: the number of local workers"),
        (["--push", "http://127.0.0.1:1/store"], "--push needs --dask"),
        (["--dask", "local:1", "--jobs", "2"], "--jobs is for local builds"),
    ],
)
def test_cluster_options_are_checked_before_anything_starts(tmp_path, args, message):
    (tmp_path / "a.txt").write_text("Ana Ortiz met Luis Vera in Oslo.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "a.txt", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "build").exists()


@pytest.mark.slow
def test_a_local_cluster_listens_on_the_loopback_only():
    import psutil

    from kg.cluster import connect

    with connect("local:2") as client:
        assert len(client.run(os.getpid)) == 2
        me = psutil.Process()
        processes = [me, *me.children(recursive=True)]
        listening = [
            c.laddr
            for p in processes
            for c in p.net_connections(kind="inet")
            if c.status == psutil.CONN_LISTEN
        ]
    assert len(listening) >= 5  # the scheduler, two nannies, two workers
    assert {addr.ip for addr in listening} == {"127.0.0.1"}


@pytest.mark.slow
def test_ctrl_c_stops_a_local_cluster_build_with_one_line(tmp_path):
    import subprocess

    # enough articles that the build is still running when Ctrl-C comes: a build that had
    # ended would be stopped in Python's shutdown (killed by SIGINT, no "Aborted!")
    articles = write(300, tmp_path / "articles")
    kg = Path(sys.executable).parent / "kg"
    proc = subprocess.Popen(
        [str(kg), "build", str(articles), "--no-out", "--store", "store", "--dask", "local:2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a process group of its own, as a terminal's foreground job
        preexec_fn=_default_sigint,  # as a terminal gives it, even under a background pytest
    )
    try:
        for _ in range(1200):  # the store folder appears once the workers are up
            if (tmp_path / "store").exists() or proc.poll() is not None:
                break
            time.sleep(0.05)
        assert proc.poll() is None, proc.communicate()
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches every process of the group
        _out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert err.decode() == "Aborted!\n"
    assert proc.returncode == 1
    assert _living_in_group(proc.pid) == []  # no worker left behind


def test_ctrl_c_is_held_until_the_client_waits():
    """A KeyboardInterrupt raised wherever the client is (in Dask's locks, a finalizer)
    can keep it from closing its cluster: Ctrl-C only sets a flag, raised at a wait."""
    from kg.cluster.ctrlc import CtrlC

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with CtrlC() as ctrl_c:
            os.kill(os.getpid(), signal.SIGINT)  # while the client works: held
            time.sleep(0.05)
            assert ctrl_c.pressed
            with pytest.raises(KeyboardInterrupt):
                ctrl_c.wait(0.01)
        with CtrlC() as ctrl_c:
            threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGINT)).start()
            # while it sleeps: at once (else it would sleep on and return without raising)
            with pytest.raises(KeyboardInterrupt):
                ctrl_c.wait(30)
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)


def _default_sigint() -> None:
    """A shell starts background jobs with SIGINT ignored and children inherit that; Ctrl-C
    from a terminal reaches a foreground job with the default disposition, so restore it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _living_in_group(pgid: int) -> list[int]:
    import psutil

    time.sleep(1)
    out = []
    for p in psutil.process_iter(["pid", "status"]):
        try:
            if os.getpgid(p.pid) == pgid and p.info["status"] != psutil.STATUS_ZOMBIE:
                out.append(p.pid)
        except (ProcessLookupError, psutil.Error):
            continue
    return out


def test_a_worker_with_threads_extracts_one_task_at_a_time(monkeypatch):
    import kg.extract.pipeline as pipeline
    from kg.cluster.tasks import extract_articles

    running, most = [0], [0]
    lock = threading.Lock()

    def fake_extract_many(items, model=None):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return [item[1] for item in items]

    monkeypatch.setattr(pipeline, "extract_many", fake_extract_many)
    threads = [
        threading.Thread(target=extract_articles, args=([("text", f"a{i}", {})], None))
        for i in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert most[0] == 1


def test_a_batch_goes_into_the_store_as_bytes_all_or_nothing(tmp_path):
    """KgStore.add_nquads: what a worker sends, bulk-loaded without Python quads; a batch
    that cannot be loaded leaves nothing, and a stored graph is never loaded over."""
    g1, g2 = "http://example.org/graph/a1", "http://example.org/graph/a2"
    q1, q2 = g1 + "/quarantine", g2 + "/quarantine"
    main = (
        f'<http://example.org/e> <http://example.org/p> "a1" <{g1}> .\n'
        f'<http://example.org/e> <http://example.org/p> "a2" <{g2}> .\n'
    ).encode()
    quarantine = f'<http://example.org/s> <http://example.org/p> "q" <{q1}> .\n'.encode()
    store = KgStore(tmp_path / "store")
    try:
        with pytest.raises(StoreError):  # the second line is broken: nothing of it stays
            store.add_nquads([(g1, q1), (g2, q2)], main[:-20], quarantine)
        assert store.article_graphs() == []
        assert list(store.quads(quarantine=True)) == []
        store.add_nquads([(g1, q1), (g2, q2)], main, quarantine)
        assert store.article_graphs() == [g1, g2]
        assert len(list(store.quads(quarantine=True))) == 3
        with pytest.raises(StoreError, match="already stored"):
            store.add_nquads([(g2, q2)], main, b"")
    finally:
        store.close()


def test_the_readme_gives_dask_processes_the_settings_of_a_local_cluster():
    """README 'On a cluster' exports kg's LocalCluster settings for `dask scheduler` and
    `dask worker`: each as an environment variable that Dask reads back as set."""
    import subprocess

    from kg.cluster.connect import LOCAL_CONFIG, dask_environment

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    env = dask_environment()
    for name, value in env.items():
        assert f"{name}={value}" in readme
    keys = list(LOCAL_CONFIG)
    code = f"import dask, distributed; print([str(dask.config.get(k)) for k in {keys!r}])"
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=dict(os.environ) | env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == repr([str(v) for v in LOCAL_CONFIG.values()])


@pytest.mark.slow
def test_local_workers_run_without_dasks_malloc_trim_threshold(monkeypatch):
    """kg's LocalCluster starts its workers without Dask's MALLOC_TRIM_THRESHOLD_ (glibc
    trimming its heap all the time slows spaCy down), with Dask's thread limits."""
    from kg.cluster import connect

    # a nanny started with Dask's defaults (the module's cluster) leaves it in os.environ
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    with connect("local:1") as client:
        (env,) = client.run(lambda: dict(os.environ)).values()
    assert "MALLOC_TRIM_THRESHOLD_" not in env
    assert env["OMP_NUM_THREADS"] == "1"


SLOW = "Creating scratch directories is taking a surprisingly long time."


def _warnings_shown(message: str) -> int:  # runs on a worker
    import warnings

    with warnings.catch_warnings(record=True) as shown:
        warnings.warn(message, UserWarning, stacklevel=1)
    return len(shown)


@pytest.mark.slow
def test_local_workers_keep_dasks_slow_scratch_warning_off_stderr(monkeypatch):
    """On a loaded machine Dask's servers warn that making their scratch directory took
    over a second; a local build's workers ignore that warning (a build's stderr is one
    line a problem), and only that one."""
    from kg.cluster import connect

    monkeypatch.delenv("PYTHONWARNINGS", raising=False)
    with connect("local:1") as client:
        slow = client.submit(_warnings_shown, SLOW + " (1.20s) This is often due to ...")
        other = client.submit(_warnings_shown, "Something else is slow.")
        assert (slow.result(), other.result()) == (0, 1)


def test_worker_tasks_collect_garbage_as_a_local_build(monkeypatch):
    """A worker freezes what every task uses out of the collector's walks once it has
    loaded it, and its tasks run with young collections as rare as a local build's; the
    worker's own setting is back afterwards."""
    import gc

    import kg.batches
    import kg.cluster.tasks as tasks
    import kg.extract.pipeline as pipeline
    from kg.pipeline import GC_THRESHOLD

    seen: list[int] = []

    def fake_extract_many(items, model=None):
        seen.append(gc.get_threshold()[0])
        return []

    def fake_build(statements, **kwargs):
        seen.append(gc.get_threshold()[0])
        raise RuntimeError("stop")

    monkeypatch.setattr(pipeline, "extract_many", fake_extract_many)
    monkeypatch.setattr(kg.batches, "build", fake_build)
    before = gc.get_threshold()
    assert before[0] != GC_THRESHOLD
    assert tasks.extract_articles([], None) == []
    with pytest.raises(RuntimeError, match="stop"):
        tasks.build_batch([], "http://example.org/", [], False, {})
    assert seen == [GC_THRESHOLD, GC_THRESHOLD]
    assert gc.get_threshold() == before

    frozen = gc.get_freeze_count()
    try:
        tasks.PreloadModel(None).setup(None)
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()


def test_minting_reads_only_what_a_worker_sends_the_client():
    """The client mints an article's IRIs from its mint_view (its entities, and the
    relations that give a position its owner): the same IRIs, labels and owners as from the
    whole statements, whether the owner is stated (positionIn) or is the holder's employer."""
    from kg.cluster.tasks import mint_view
    from kg.identity import EntityRegistry
    from kg.iri import DEFAULT_BASE
    from kg.statements import Article, Entity, Evidence, Relation, Statements

    def rel(subject: str, predicate: str, obj: str) -> Relation:
        return Relation(subject, predicate, obj, Evidence("An invented sentence.", 0, 21))

    people = [Entity("p1", "Ana Ortiz", "Person"), Entity("p2", "Luis Vera", "Person")]
    stated = Statements(
        Article("a1", "An invented text."),
        [*people, Entity("m", "Minister", "Position"), Entity("c", "Ruritania", "Country")],
        [rel("p1", "holdsPosition", "m"), rel("m", "positionIn", "c"), rel("p1", "meets", "p2")],
    )
    employed = Statements(
        Article("a2", "Another invented text."),
        [*people, Entity("d", "director", "Position"), Entity("o", "Acme Works", "Organization")],
        [rel("p2", "holdsPosition", "d"), rel("p2", "worksFor", "o"), rel("p2", "meets", "p1")],
    )
    whole, viewed = EntityRegistry(DEFAULT_BASE), EntityRegistry(DEFAULT_BASE)
    for st in (stated, employed):
        view = mint_view(st)
        assert view.article.text == "" and len(view.relations) == len(st.relations) - 1
        minted = whole.mint(st)
        assert viewed.mint(view) == minted
        assert any(m.owner is not None for m in minted.values())
