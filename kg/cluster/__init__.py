"""Corpus builds on a Dask cluster: workers extract and build, the client stores.

    client: read each article, skip what the store already holds -> workers: extract
    (spaCy, once per worker process) -> client: mint entity IRIs in corpus order ->
    workers: build and validate each batch -> client: bulk-load the batch (or push it)

`build_on_cluster` is the entry point (`kg build CORPUS --dask ADDRESS`).
"""

from kg.cluster.connect import ClusterError, connect
from kg.cluster.run import build_on_cluster
from kg.cluster.summary import ClusterSummary

__all__ = ["ClusterError", "ClusterSummary", "build_on_cluster", "connect"]
