"""Generate the navigation links between notebooks (header, footer, contents).

Every notebook has a first and a last markdown cell that start with
``<!--NAVIGATION-->``; the start-here notebook has a cell that starts with
``<!--CONTENTS-->``. :func:`update` rewrites those cells from each notebook's
first ``#`` heading, so links are never typed by hand; a test runs
:func:`check` so that stale links fail.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from .corpus import ROOT

NOTEBOOK_DIR = ROOT / "notebooks"
NAV_MARK = "<!--NAVIGATION-->"
CONTENTS_MARK = "<!--CONTENTS-->"
START = "00_start_here.ipynb"

#: Themed notebooks that are planned but not written yet: (file, title).
PLANNED = [
    ("01_stance.ipynb", "Stance: who says what, and how do we know?"),
    ("02_city_policies.ipynb", "City by city: what each jurisdiction did"),
    ("03_party_breakdown.ipynb", "Party breakdown: where party predicts stance, and where it does not"),
    ("04_methods_and_validation.ipynb", "Methods and validation: automatic versus hand-coded"),
]


def title(nb) -> str:
    """Return the text of a notebook's first ``# `` heading."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return "(untitled)"


def entries(folder: Path = NOTEBOOK_DIR) -> list[tuple[str, str, bool]]:
    """Return ``(file name, title, exists)`` for every notebook, written or planned, in order."""
    found = {p.name: title(nbformat.read(p, as_version=4)) for p in sorted(folder.glob("[0-9][0-9]_*.ipynb"))}
    planned = {name: t for name, t in PLANNED if name not in found}
    return sorted([(n, t, True) for n, t in found.items()] + [(n, t, False) for n, t in planned.items()])


def _link(entry, arrow: str) -> str:
    name, text, exists = entry
    return f"[{arrow}{text}]({name})" if exists else f"{arrow}{text} *(coming soon)*"


def nav_text(name: str, items: list[tuple[str, str, bool]]) -> str:
    """Return the header/footer markdown for notebook ``name``."""
    names = [n for n, _, _ in items]
    i = names.index(name)
    parts = []
    if i > 0:
        parts.append(_link(items[i - 1], "< "))
    if name != START:
        parts.append(f"[Contents]({START}#Contents)")
    if i + 1 < len(items):
        parts.append(_link(items[i + 1], "") + " >")
    return NAV_MARK + "\n*Sanctuary Notebooks* | " + " | ".join(parts)


def contents_text(items: list[tuple[str, str, bool]]) -> str:
    """Return the markdown list of all notebooks for the contents cell."""
    lines = [CONTENTS_MARK, "## Contents", ""]
    for name, text, exists in items:
        number = name[:2]
        lines.append(f"{int(number)}. [{text}]({name})" if exists else f"{int(number)}. {text} *(coming soon)*")
    return "\n".join(lines)


def _render(nb, name: str, items) -> bool:
    changed = False
    nav_cells = [c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith(NAV_MARK)]
    for cell in nav_cells:
        new = nav_text(name, items)
        if cell.source != new:
            cell.source, changed = new, True
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.startswith(CONTENTS_MARK):
            new = contents_text(items)
            if cell.source != new:
                cell.source, changed = new, True
    return changed


def check(folder: Path = NOTEBOOK_DIR) -> list[str]:
    """Return the names of notebooks whose navigation cells are missing or stale."""
    items, stale = entries(folder), []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        marks = [c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith(NAV_MARK)]
        if len(marks) < 2 or nb.cells[0] is not marks[0] or nb.cells[-1] is not marks[-1] or _render(nb, path.name, items):
            stale.append(path.name)
    return stale


def update(folder: Path = NOTEBOOK_DIR) -> list[str]:
    """Rewrite the navigation cells of every notebook; return the names changed."""
    items, changed = entries(folder), []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        if _render(nb, path.name, items):
            nbformat.write(nb, path)
            changed.append(path.name)
    return changed
