"""What a cluster build reports: its summary, and failed.txt for the articles that failed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.files import write_bytes
from kg.pipeline import BuildSummary

FAILED_FILE = "failed.txt"


def failed_file(out_dir: Path | None, store_dir: Path | None) -> Path:
    """Where failed.txt goes: beside the output files, else beside the store."""
    if out_dir is not None:
        return Path(out_dir) / FAILED_FILE
    if store_dir is not None:
        return Path(store_dir).parent / FAILED_FILE
    return Path(FAILED_FILE)


@dataclass
class ClusterSummary(BuildSummary):
    """A local build's summary, with the workers, what was skipped, failed and pushed."""

    workers: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
    failed_file: Path | None = None
    pushed: int = 0
    endpoint: str | None = None

    def text(self) -> str:
        lines = [super().text()]
        lines.append(f"On {self.workers} Dask worker(s).")
        if self.skipped:
            lines.append(
                f"Skipped {self.skipped} article(s) already stored with the same text"
                + (
                    " (not in the output files; kg export --store writes the whole store)"
                    if self.outputs
                    else ""
                )
                + "."
            )
        if self.endpoint is not None:
            lines.append(f"Pushed {self.pushed} graph(s) to {self.endpoint}.")
        if self.failed:
            path, why = self.failed[0]
            first = why if why.startswith(path) else f"{path}: {why}"
            lines.append(
                f"{len(self.failed)} article(s) failed, listed in {self.failed_file}; "
                f"first: {first}. Run the same command again to retry them."
            )
        return "\n".join(lines)

    def write_failed(self, out_dir: Path | None, store_dir: Path | None) -> None:
        """List the failed articles in failed.txt (path TAB why) beside the outputs, or
        remove an earlier run's list when nothing failed: everything in it is stored now."""
        target = failed_file(out_dir, store_dir)
        if self.failed:
            text = "".join(f"{path}\t{why}\n" for path, why in self.failed)
            write_bytes(target, text.encode("utf-8"))
            self.failed_file = target
        elif target.is_file():
            target.unlink()
