"""Jurisdictions in the corpus, their profiles, the side-by-side table and the drill-down widget."""

import pandas as pd
import pytest

from helpers import cities, pipeline, tables

#: Every jurisdiction the articles connect with a policy action or a named official.
EVERY_JURISDICTION = [
    "Boston", "Carmel", "Chicago", "Los Angeles", "Maryland", "Miami-Dade County", "Minneapolis", "Nashville",
    "New Orleans", "New York City", "Oakland", "Ocala", "Philadelphia", "Seattle", "Washington D.C.",
]


@pytest.fixture(scope="module")
def data():
    p = pipeline.build()
    return p.knowledge, p.policies, p.book


def test_every_jurisdiction_in_the_corpus_is_listed(data):
    kb, acts, book = data
    table = cities.jurisdictions(kb, acts, book)
    assert sorted(table["name"]) == EVERY_JURISDICTION
    assert "Miami Beach" not in set(table["name"]) and "Florida" not in set(table["name"])  # a setting; an ACLU office
    assert table["n_actions"].sum() == len(acts) == 26
    row = table.set_index("name").loc["New Orleans"]
    assert (row["n_actions"], row["actors"], row["n_quotes"]) == (0, "Mitch Landrieu", 4)
    assert table.set_index("name").loc["Oakland", "actors"] == ""


def test_profile_of_one_jurisdiction(data):
    kb, acts, book = data
    found = cities.profile("miami-dade-county", kb, acts, book)
    assert found["actors"][["name", "party", "party_source"]].values.tolist() == [["Carlos Gimenez", "Republican", "stated"]]
    assert found["quotes"]["stance_hand"].tolist() == ["FAVOR"] * 6
    assert found["actions"][["date", "direction", "actor"]].values.tolist() == [
        ["2013 (stated)", "restrict", "not named in the text"], ["26 Jan 2017 (inferred)", "cooperate", "Carlos Gimenez"]]
    page = cities.to_html("miami-dade-county", kb, acts, book)
    assert "but its Republican mayor”, CNN, 27 Jan 2017)" in page and "Republican (stated: “" in page
    assert "Since 2013, Miami-Dade" in page
    assert ">CNN, 27 Jan 2017</td>" in page and ">CNN, 27 Jan 2017, line " in page and "cnn-2017-01-27</td>" not in page


def test_profile_says_when_there_is_nothing(data):
    kb, acts, book = data
    page = cities.to_html("minneapolis", kb, acts, book)
    assert "No quotation of its officials." in page
    assert "The articles report no policy action of this jurisdiction." in page
    assert "Jacob Frey" in page


def test_side_by_side_table(data):
    kb, acts, _ = data
    table = cities.compare("los-angeles", "miami-dade-county", acts, kb)
    assert list(table.columns) == ["Los Angeles", "Miami-Dade County"]
    assert table.index.tolist() == ["detainer compliance", "status inquiries", "access to property and jails", "legal challenge"]
    assert table.loc["status inquiries", "Los Angeles"] == "1979 (stated): restrict; 14 Nov 2016 (inferred): restrict"


def test_drilldown_switches_and_leaves_a_static_copy(data):
    kb, acts, book = data
    box = cities.drilldown(kb, acts, book)
    choose, result = box.children
    assert len(choose.options) == 15 and choose.value == "los-angeles"
    assert "<h3 style='margin:0.4em 0'>Los Angeles</h3>" in result.value
    choose.value = "ocala"
    assert "Kent Guinn" in result.value and "going around looking for them" in result.value
    bundle = box._repr_mimebundle_()
    data_ = bundle[0] if isinstance(bundle, tuple) else bundle
    assert data_["text/html"].startswith("<p><i>Static copy of the drill-down")
    assert all(name in data_["text/html"] for name in EVERY_JURISDICTION)


def test_drilldown_static_copy_has_readable_headers(data):
    kb, acts, book = data
    bundle = cities.drilldown(kb, acts, book)._repr_mimebundle_()
    static = (bundle[0] if isinstance(bundle, tuple) else bundle)["text/html"]
    assert [h for h in ("name", "type", "actions", "restrict", "cooperate", "quotations", "actors")
            if f">{h}</th>" in static] == ["name", "type", "actions", "restrict", "cooperate", "quotations", "actors"]
    assert "n_actions" not in static and "n_quotes" not in static


def test_drilldown_of_many_jurisdictions_searches_and_caps_its_tables(data, monkeypatch):
    kb, acts, book = data
    monkeypatch.setattr(tables, "MAX_CHOICES", 5)
    many = pd.concat([book] * 40, ignore_index=True)
    box = cities.drilldown(kb, acts, many)
    choose, result = box.children
    assert choose.__class__.__name__ == "Combobox" and choose.placeholder == "type to search 15 jurisdictions"
    assert choose.value.startswith("Los Angeles (") and "<h3 style='margin:0.4em 0'>Los Angeles</h3>" in result.value
    assert "the first 30 of " in result.value and result.value.count("<tr>") < 100
    choose.value = next(o for o in choose.options if o.startswith("Ocala ("))
    assert "Kent Guinn" in result.value
