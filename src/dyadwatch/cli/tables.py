"""Rows printed as an aligned table, CSV or a JSON array without pandas, character for
character as :func:`dyadwatch.cli.analysis.emit` prints the DataFrame of the same rows
(``tests/test_cli_tables.py`` compares the two), so that the commands that print plain
rows (``dyads``, ``timeline``, ``series``) start without importing pandas (issue 16).

A column has one kind, the pandas dtype it would have: ``date`` (a ``datetime.date``,
datetime64 in pandas), ``str``, ``int``, ``bool`` or ``float``; None is a missing value.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

Kind = str  # "date", "str", "int", "bool" or "float"
NUMERIC: frozenset[str] = frozenset({"int", "bool", "float"})  # right of a padded header
_ESCAPES = str.maketrans({"\t": "\\t", "\r": "\\r", "\n": "\\n"})


@dataclass(frozen=True, slots=True)
class Table:
    """Named columns of one kind each, and rows of values in column order."""

    columns: tuple[str, ...]
    kinds: tuple[Kind, ...]
    rows: Sequence[Sequence[Any]]

    @classmethod
    def from_records(cls, kinds: Mapping[str, Kind],
                     records: Sequence[Mapping[str, Any]]) -> Table:
        """A table of the ``kinds`` columns (in their order) from dicts by column name."""
        columns = tuple(kinds)
        rows = [tuple(record.get(column) for column in columns) for record in records]
        return cls(columns, tuple(kinds.values()), rows)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _cell_json(value: Any, kind: Kind) -> Any:
    if _missing(value):
        return None
    return value.isoformat() if kind == "date" else value


def _cell_table(value: Any, kind: Kind) -> str:
    if _missing(value):
        return "<NA>" if kind in ("int", "bool") else "NaN"
    if kind == "float":
        return f"{value:.3f}"
    if kind == "date":
        return str(value.isoformat())
    return str(value).translate(_ESCAPES) if kind == "str" else str(value)


def _cell_csv(value: Any, kind: Kind) -> str:
    if _missing(value):
        return ""
    if kind == "float":
        return f"{value:.6g}"
    return str(value.isoformat()) if kind == "date" else str(value)


def records(table: Table) -> list[dict[str, Any]]:
    """The rows as dicts, missing values None and dates in ISO form (the JSON output)."""
    return [{column: _cell_json(value, kind)
             for column, kind, value in zip(table.columns, table.kinds, row, strict=True)}
            for row in table.rows]


def _column_text(table: Table, index: int, cell: Callable[[Any, Kind], str]) -> list[str]:
    kind = table.kinds[index]
    return [cell(row[index], kind) for row in table.rows]


def aligned(table: Table) -> str:
    """The rows right-aligned under their headers, the headers of numeric columns with a
    space before them (pandas' ``to_string(index=False)`` with three decimals)."""
    if not table.rows:
        return "(no rows)"
    columns = []
    for index, (name, kind) in enumerate(zip(table.columns, table.kinds, strict=True)):
        header = f" {name}" if kind in NUMERIC else name
        cells = _column_text(table, index, _cell_table)
        width = max(len(header), *(len(text) for text in cells))
        columns.append([text.rjust(width) for text in [header, *cells]])
    return "\n".join(" ".join(line) for line in zip(*columns, strict=True))


def emit_table(table: Table, fmt: str, out: IO[str]) -> None:
    """Write a table to ``out`` as an aligned table, CSV or a JSON array."""
    if fmt == "json":
        out.write(json.dumps(records(table), ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(table.columns)
        cells = [_column_text(table, i, _cell_csv) for i in range(len(table.columns))]
        writer.writerows(zip(*cells, strict=True))
    else:
        out.write(aligned(table) + "\n")


def as_date(value: Any) -> date | None:
    """A date from DuckDB (a ``date``) or None, for a ``date`` column."""
    return value if isinstance(value, date) or value is None else date.fromisoformat(str(value))
