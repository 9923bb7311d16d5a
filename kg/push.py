"""Pushing named graphs to a remote store with the SPARQL 1.1 Graph Store Protocol.

Each graph is sent with one HTTP PUT, which replaces that graph on the server as a whole:
after a failure every remote graph is either fully replaced or untouched.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import KgError
from kg.rdfio import triple_lines


class PushError(KgError):
    """The remote store refused a graph or could not be reached."""


@dataclass
class Pushed:
    graphs: list[str] = field(default_factory=list)
    triples: int = 0


def push(
    graphs: Mapping[str, Sequence[ox.Quad]] | Iterable[tuple[str, Sequence[ox.Quad]]],
    endpoint: str,
    timeout: float = 30,
    headers: dict[str, str] | None = None,
) -> Pushed:
    """PUT each graph to `endpoint` (the Graph Store Protocol URL, such as
    http://host:7878/store for Oxigraph or http://host:3030/ds/data for Fuseki): a
    mapping of graph names to quads, or (name, quads) pairs in name order (a source's
    graphs(), one graph held at a time)."""
    check_endpoint(endpoint)
    done = Pushed()
    items = sorted(graphs.items()) if isinstance(graphs, Mapping) else graphs
    for name, quads in items:
        body = "".join(triple_lines(quads)).encode("utf-8")
        sep = "&" if "?" in endpoint else "?"
        url = f"{endpoint}{sep}{urllib.parse.urlencode({'graph': name})}"
        request = urllib.request.Request(
            url,
            data=body,
            method="PUT",
            headers={"Content-Type": "application/n-triples", **(headers or {})},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as resp:
                resp.read()
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read(2000).decode("utf-8", "replace").split())[:200]
            raise PushError(
                _after(done, f"{endpoint} refused graph <{name}>: HTTP {exc.code} {detail}")
            ) from None
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            reason = " ".join(str(getattr(exc, "reason", exc)).split())
            raise PushError(_after(done, f"cannot reach {endpoint}: {reason}")) from None
        except http.client.HTTPException as exc:  # a reply cut short, a malformed reply
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise PushError(_after(done, f"{endpoint} gave a broken reply: {reason}")) from None
        done.graphs.append(name)
        done.triples += len(quads)
        del quads, body  # not held while the next graph is read
    return done


def check_endpoint(endpoint: str) -> None:
    """An http(s) URL with a host, or a PushError that says what is wrong with it."""
    try:
        parts = urllib.parse.urlsplit(endpoint)
        parts.port  # noqa: B018 (raises on a port that is not a number)
    except ValueError as exc:
        raise PushError(f"not a valid URL: {endpoint!r} ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise PushError(f"not an HTTP endpoint: {endpoint!r}")
    if not parts.hostname:
        raise PushError(f"no host in the endpoint {endpoint!r}")


def _after(done: Pushed, message: str) -> str:
    if not done.graphs:
        return message + " (no graph was changed)"
    return (
        message + f" ({len(done.graphs)} graph(s) were replaced before; the others are untouched)"
    )
