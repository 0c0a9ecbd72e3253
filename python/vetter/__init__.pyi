"""Type stubs for vetter, the sanctions and PEP screening engine."""

from os import PathLike
from typing import Any, Mapping, Optional, Sequence, Union

import pyarrow

__version__: str

Json = Any
"""A value as ``json.loads`` returns it (dicts, lists, str, int, float, bool, None)."""

def compare(a: str, b: str, schema: str = "Person") -> dict[str, Json]:
    """Compare two names: ``{"score", "match", "explanation"}``, as ``vetter compare --format json``."""

class Screener:
    """Screens names, Arrow record batches and documents against the lists of one data folder.

    Opening memory-maps the compiled index, building it first when it is
    missing or stale (the first open of a data folder takes a while).
    A screener is safe to share between threads; Rust work runs without the GIL.
    """

    def __init__(
        self,
        data_dir: Optional[Union[str, PathLike[str]]] = None,
        index_path: Optional[Union[str, PathLike[str]]] = None,
    ) -> None:
        """Open ``data_dir`` (default: ``$VETTER_DATA``, else ``data/lists`` in the working folder or a parent,
        else the repository the module was built from), with the index at ``index_path``
        (default: one per data folder in ``$VETTER_CACHE_DIR`` or ``~/.cache/vetter``)."""

    @property
    def index_path(self) -> str: ...
    @property
    def data_dir(self) -> str: ...
    @property
    def rebuilt(self) -> bool:
        """True when opening built the index."""

    def __len__(self) -> int:
        """The number of entities."""

    def screen(
        self,
        name: str,
        schema: Optional[str] = None,
        birth_date: Optional[str] = None,
        countries: Optional[Sequence[str]] = None,
        identifiers: Optional[Sequence[str]] = None,
        datasets: Optional[Sequence[str]] = None,
        limit: int = 10,
    ) -> list[dict[str, Json]]:
        """Screen one name; the hits, best first, as ``vetter screen NAME --format json`` gives them under ``results``:
        ``id, caption, schema, score, match, datasets, topics, sources, risk, programs, matched_name, explanation``.
        Raises ``ValueError`` for an empty name or an unknown schema."""

    def screen_batch(
        self,
        batch: pyarrow.RecordBatch,
        columns: Optional[Mapping[str, Union[str, Sequence[str]]]] = None,
        limit: int = 3,
        keep: Optional[Sequence[str]] = None,
        datasets: Optional[Sequence[str]] = None,
    ) -> pyarrow.RecordBatch:
        """Screen every row of ``batch`` on all cores, without the GIL.

        Columns are found by name as in ``vetter screen --input``: ``name``/``full_name``
        (else ``first_name``, ``middle_name``, ``last_name`` joined), ``schema``/``type``,
        ``birth_date``/``dob``, ``country``/``nationality``, ``passport``/``lei``/``imo``/...;
        ``;`` separates several countries or identifiers in one cell. ``columns`` maps a role
        (``name``, ``schema``, ``birth_date``, ``country``, ``id``) to one column or a list of
        columns (a list for ``name`` is joined), replacing what was found; ``""`` or ``[]``
        gives the role to no column. Any column type that casts to string works.

        The output has one row per input row, in order:
        ``row: int64`` (index in ``batch``), the ``keep`` columns unchanged,
        ``hits: list<struct<id: string, caption: string, score: double, match: bool,
        datasets: list<string>, topics: list<string>>>`` (best first, at most ``limit``) and
        ``error: string`` (null, or why the row was not screened: no name, unknown schema).
        """

    def scan(self, text: str, subject: Optional[str] = None) -> dict[str, Json]:
        """Scan a plain-text document: mentions of listed entities, jurisdictions, officials
        and, with ``subject``, the subject's contacts, as ``vetter scan --format json`` reports one document."""
