"""benchmarks/build.py --repeat: the runs of a corpus reported as one row of medians."""

from __future__ import annotations

from benchmarks.build import medians


def run(cpu: float, ratio: float, peak: int) -> dict:
    return {
        "corpus": "generated 3",
        "articles": 3,
        "build_cpu_s": cpu,
        "ratio": ratio,
        "peak": peak,
    }


def test_each_figure_is_the_median_of_the_runs():
    row = medians([run(1.0, 0.94, 161), run(1.5, 1.26, 170), run(1.2, 0.90, 162)])
    assert row == {
        "corpus": "generated 3",
        "articles": 3,
        "build_cpu_s": 1.2,
        "ratio": 0.94,  # the median of the runs' ratios, not a ratio of medians
        "peak": 162,
    }


def test_an_even_number_of_runs_gives_the_mean_of_the_middle_two_rounded():
    row = medians([run(1.0, 0.94, 161), run(1.5, 0.90, 162)])
    assert row["build_cpu_s"] == 1.25
    assert row["ratio"] == 0.92  # not 0.9199999999999999
    assert row["peak"] == 161.5
    assert row["articles"] == 3
    same = medians([run(1.0, 0.94, 241), run(1.5, 0.90, 241)])["peak"]
    assert same == 241 and isinstance(same, int)


def test_one_run_is_its_own_row():
    one = run(1.0, 0.94, 161)
    assert medians([one]) == one


def test_an_unknown_option_or_help_stops_before_any_work(monkeypatch):
    import pytest

    from benchmarks import build as bench

    for argv, says in ((["--bogus"], "unknown option --bogus"), (["--help"], "side by side")):
        monkeypatch.setattr("sys.argv", ["build.py", *argv])
        with pytest.raises(SystemExit) as stop:
            bench.main()
        assert says in str(stop.value.code)


def test_generate_help_or_a_bad_count_stops_with_one_line(monkeypatch, tmp_path):
    import pytest

    from benchmarks import generate as gen

    for argv, says in (
        (["--help"], "OUTDIR"),
        ([], "OUTDIR"),
        (["many", str(tmp_path / "g")], "N must be a whole number, not 'many'"),
    ):
        monkeypatch.setattr("sys.argv", ["generate.py", *argv])
        with pytest.raises(SystemExit) as stop:
            gen.main()
        assert says in str(stop.value.code)
    assert not (tmp_path / "g").exists()
