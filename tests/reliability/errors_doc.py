"""docs/errors.md from the source: every ``DyadwatchError`` subclass with its code.

Run ``python tests/reliability/errors_doc.py`` to rewrite docs/errors.md after adding
or changing an error class; ``test_errors_doc_is_current`` fails until it is rerun.
The classes are read from the source text (no imports), so codes defined outside
``errors.py`` are listed too.
"""

from __future__ import annotations

import ast
import inspect
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src" / "dyadwatch"
DOC = REPO / "docs" / "errors.md"
BASE = "DyadwatchError"
AREAS: tuple[tuple[str, str], ...] = (
    ("E0", "Internal errors"),
    ("E1", "Configuration and usage"),
    ("E2", "Reading input"),
    ("E3", "Language processing and coding"),
    ("E4", "Storage"),
    ("E5", "Dictionaries"),
    ("E6", "Network and service"),
    ("E7", "Analysis, exports and imports"),
    ("E8", "Evaluation, alerts and forecasting"),
)
HEADER = """# Error codes

Every problem dyadwatch reports carries a stable code. In a batch run (`dyadwatch code`,
`watch`, `import-gdelt`) a bad input never stops the run: it is recorded in the database's
`failures` table with its code, the input (`path`, `path:line`, `path#record`) and the
message, counted in the run summary, and listed by `dyadwatch errors`. `--strict` makes
the command exit 1 when anything failed. Errors that stop a command (a missing model, a
database from a newer version) exit 1 with the message on stderr.

This page is generated from the error classes by `python tests/reliability/errors_doc.py`;
a test fails when a class is missing here. Words in `{braces}` are filled in per case.
"""


@dataclass(frozen=True, slots=True)
class ErrorClass:
    code: str
    name: str
    module: str
    template: str
    doc: str


def error_classes(src: Path = SRC) -> list[ErrorClass]:
    """Every class in the package that derives from DyadwatchError, in code order."""
    found: list[ErrorClass] = []
    for path in sorted(src.rglob("*.py")):
        module = ".".join(path.relative_to(src.parent).with_suffix("").parts)
        found.extend(_classes_in(ast.parse(path.read_text(encoding="utf-8")), module))
    return sorted(found, key=lambda e: (e.code, e.name))


def _classes_in(tree: ast.Module, module: str) -> list[ErrorClass]:
    classes: list[ErrorClass] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and _derives_from_base(node):
            values = _class_constants(node)
            if "code" in values:
                doc = inspect.cleandoc(ast.get_docstring(node) or "")
                classes.append(ErrorClass(values["code"], node.name, module,
                                          values.get("template", ""), " ".join(doc.split())))
    return classes


def _derives_from_base(node: ast.ClassDef) -> bool:
    return any(isinstance(b, ast.Name) and b.id == BASE for b in node.bases)


def _class_constants(node: ast.ClassDef) -> dict[str, str]:
    values: dict[str, str] = {}
    for stmt in node.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
            if isinstance(target, ast.Name) and isinstance(stmt.value, ast.Constant):
                values[target.id] = str(stmt.value.value)
    return values


def render(classes: list[ErrorClass]) -> str:
    """The markdown page: one section per area, one table row per code."""
    parts = [HEADER]
    for prefix, title in AREAS:
        rows = [c for c in classes if c.code.startswith(prefix)]
        if rows:
            parts.append(_section(prefix, title, rows))
    return "\n".join(parts)


def _section(prefix: str, title: str, rows: list[ErrorClass]) -> str:
    lines = [f"## {prefix}xx: {title}", "", "| code | error | message | meaning and what to do |",
             "|---|---|---|---|"]
    for row in rows:
        lines.append(f"| {row.code} | `{row.name}` | {_cell(row.template)} | {_cell(row.doc)} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main() -> None:
    DOC.write_text(render(error_classes()), encoding="utf-8")


if __name__ == "__main__":
    main()
