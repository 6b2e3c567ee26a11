"""sitrep: raw news in, structured political event data (CAMEO/PLOVER events with evidence) out.

``extract`` and ``code`` take one document (``str`` or ``bytes``, text or HTML) and return
plain dicts with the fields of ``sitrep extract`` and ``sitrep code`` JSON; ``code_batch``
takes a pyarrow ``RecordBatch`` of documents and returns a ``RecordBatch`` of events, for
Spark ``mapInArrow`` and Ray ``map_batches``. Coding runs in Rust with the GIL released, on
one pipeline per process that is built on first use (about 100 ms), on the extension's own
worker threads.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from . import _sitrep
from ._sitrep import SkipError, coder_version, load

__all__ = [
    "SkipError",
    "code",
    "code_batch",
    "code_batches",
    "code_jsonl",
    "coder_version",
    "event_schema",
    "extract",
    "load",
]
__version__ = _sitrep.__version__


def extract(text_or_html: str | bytes, *, format: str | None = None, url: str | None = None,
            title: str | None = None, id: str | None = None) -> dict[str, Any]:
    """The article in a document: the fields of ``sitrep extract`` JSON.

    ``format`` is ``"text"``, ``"html"`` or ``None`` (markup is HTML). Raises ``SkipError``
    (``args == (reason, detail)``) for a document with no usable text.
    """
    return _sitrep.extract_dict(text_or_html, format=format, url=url, title=title, id=id)


def code_jsonl(text_or_html: str | bytes, *, published: str | None = None, format: str | None = None,
               id: str | None = None, url: str | None = None, title: str | None = None) -> str:
    """The JSON lines ``sitrep code`` prints for this document, byte for byte."""
    return _sitrep.code_jsonl(text_or_html, published=published, format=format, id=id, url=url, title=title)


def code(text_or_html: str | bytes, *, published: str | None = None, format: str | None = None,
         id: str | None = None, url: str | None = None, title: str | None = None) -> list[dict[str, Any]]:
    """Coded events of one document, one dict per event with the fields of ``sitrep code``.

    ``published`` (YYYY-MM-DD) anchors relative dates, like ``--published``; ``id`` becomes
    the article id (else a hash of the text). Raises ``SkipError`` when the document cannot be
    coded (empty, binary, no article text, bad date).
    """
    # The dicts are built in Rust from the events themselves (no JSON text in between).
    return _sitrep.code_dicts(text_or_html, published=published, format=format, id=id, url=url, title=title)


def _pa():
    try:
        import pyarrow
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("sitrep.code_batch needs pyarrow: pip install pyarrow") from e
    return pyarrow


def event_schema(*, include_json: bool = False):
    """The pyarrow schema of ``code_batch`` output (for Spark ``mapInArrow`` declare it once)."""
    pa = _pa()
    s, f32, f64, strs = pa.string(), pa.float32(), pa.float64(), pa.list_(pa.string())
    fields = [
        ("event_id", s, False), ("article_id", s, False),
        ("source_text", s, False), ("source_code", s, False), ("source_country", s, True),
        ("source_sector", strs, False),
        ("target_text", s, True), ("target_code", s, True), ("target_country", s, True),
        ("target_sector", strs, True),
        ("cameo_code", s, False), ("cameo_root", s, False), ("cameo_name", s, False),
        ("goldstein", f64, True), ("quad_class", pa.int8(), False),
        ("plover_event_type", s, False), ("plover_mode", s, True),
        ("negated", pa.bool_(), False), ("modality", s, False), ("attributed_to", s, True),
        ("date", s, True), ("date_text", s, True), ("date_basis", s, False),
        ("location_name", s, True), ("location_country", s, True),
        ("location_lat", f64, True), ("location_lon", f64, True),
        ("confidence", f32, False), ("evidence", s, False), ("mentions", pa.int32(), False),
    ]
    if include_json:
        fields.append(("event_json", s, False))
    return pa.schema([pa.field(n, t, nullable=null) for n, t, null in fields])


def _column(batch, name: str | None, *, as_text: bool = True):
    """A column as a Python list (None when absent); metadata is cast to strings as JSONL
    numbers are."""
    if name is None or name not in batch.schema.names:
        return None
    col = batch.column(name)
    pa = _pa()
    if as_text and not (pa.types.is_string(col.type) or pa.types.is_large_string(col.type)):
        col = col.cast(pa.string())
    return col.to_pylist()


def code_batch(record_batch, *, text_column: str = "text", published_column: str | None = "published",
               id_column: str | None = "id", url_column: str | None = "url", title_column: str | None = "title",
               site_column: str | None = "source", html_column: str | None = "html",
               published: str | None = None, format: str | None = None, include_json: bool = False,
               with_stats: bool = False):
    """Codes a pyarrow ``RecordBatch`` of documents; returns a ``RecordBatch`` of events (a
    ``Table`` in gives a ``Table`` out).

    Each row is one document, read as a JSONL record with the same fields is read by
    ``sitrep code`` (``text`` wins over ``html``; ``published_column`` is the article's own
    date; ids come from ``id_column``, else a hash of the text), so event ids equal the CLI's.
    A ``binary`` text column is read as file contents (charset detection, binary and empty
    checks). ``published`` overrides every row's date, like ``--published``. Missing metadata
    columns are ignored. Documents that cannot be coded are counted, never raised: the counts
    are in the output schema's metadata (``sitrep.documents``, ``sitrep.skipped``), and with
    ``with_stats=True`` the call returns ``(events, stats)`` where ``stats["skips"]`` lists
    ``(row, reason, detail)``.
    """
    pa = _pa()
    as_table = isinstance(record_batch, pa.Table)
    if as_table:
        # Ray's map_batches hands over (and wants back) a Table.
        record_batch = record_batch.combine_chunks()
        record_batch = pa.RecordBatch.from_pydict(
            {n: record_batch.column(n).combine_chunks() for n in record_batch.schema.names},
            schema=record_batch.schema,
        )
    if text_column not in record_batch.schema.names and (html_column is None or html_column not in record_batch.schema.names):
        raise KeyError(f"no {text_column!r} column in the batch (columns: {record_batch.schema.names})")
    texts = _column(record_batch, text_column, as_text=False)
    if texts is None:
        texts = [None] * record_batch.num_rows
    columns, skips = _sitrep.code_columns(
        texts,
        htmls=_column(record_batch, html_column),
        ids=_column(record_batch, id_column),
        urls=_column(record_batch, url_column),
        titles=_column(record_batch, title_column),
        published=_column(record_batch, published_column),
        sites=_column(record_batch, site_column),
        published_override=published,
        format=format,
        include_json=include_json,
    )
    by_reason: dict[str, int] = {}
    for _, reason, _ in skips:
        by_reason[reason] = by_reason.get(reason, 0) + 1
    stats = {"documents": record_batch.num_rows, "skipped": by_reason, "skips": skips}
    schema = event_schema(include_json=include_json).with_metadata({
        "sitrep.coder_version": coder_version(),
        "sitrep.documents": str(record_batch.num_rows),
        "sitrep.skipped": json.dumps(by_reason, sort_keys=True),
    })
    events = pa.RecordBatch.from_pydict(columns, schema=schema)
    if as_table:
        events = pa.Table.from_batches([events])
    return (events, stats) if with_stats else events


def code_batches(batches: Iterable, **kwargs) -> Iterator:
    """``code_batch`` over an iterator of batches: the function Spark ``mapInArrow`` wants."""
    for batch in batches:
        yield code_batch(batch, **kwargs)
