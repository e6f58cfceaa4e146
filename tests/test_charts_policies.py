from helpers import charts, policies


def test_policy_matrix_has_a_row_per_jurisdiction_and_evidence_in_hover(policy_data, articles):
    kb, acts, _, places = policy_data
    fig = charts.policy_matrix(acts, places, kb, articles=articles)
    assert len(fig.layout.yaxis.categoryarray) == 15
    assert "New Orleans <i>(no action)</i>" in fig.layout.yaxis.categoryarray
    assert list(fig.layout.xaxis.categoryarray) == list(policies.CATEGORIES)
    assert sum(int(t) for trace in fig.data for t in (trace.text or [])) == 26
    assert [t.name for t in fig.data] == list(charts.DIRECTION_LABELS.values())
    both = next(t for t in fig.data if t.name == charts.DIRECTION_LABELS["both"])
    assert list(both.x) == ["detainer compliance"] and "Miami-Dade County" in both.y[0]
    hover = both.customdata[0][2]
    assert "Since 2013, Miami-Dade" in hover and "<b>26 Jan 2017 (inferred)</b>, cooperate (Carlos Gimenez; CNN, 27 Jan 2017)" in hover


def test_policy_map_draws_offline_with_a_year_slider(policy_data):
    _, acts, _, places = policy_data
    fig = charts.policy_map(acts, places)
    assert fig.layout.geo.scope == "usa"
    steps = fig.layout.sliders[0].steps
    assert [s.label for s in steps] == ["2016", "2017", "2026"]  # only the years in which something changed
    bubbles = [t for t in fig.data if t.name == "jurisdictions"]
    by_name = dict(zip(places["name"], range(len(places))))

    def at(step, prop, name, halo=False):
        """The value a step gives a place: its bubble's (or halo's) size, colour or hover."""
        data, traces = steps[step].args
        for k, trace in enumerate(bubbles):
            if by_name[name] in list(trace.customdata):
                index = list(traces).index(fig.data.index(trace)) - (1 if halo else 0)
                return data[prop][index][list(trace.customdata).index(by_name[name])]
        raise KeyError(name)

    assert at(0, "marker.size", "Oakland") == 9  # no action before 2026: a small open circle
    assert at(0, "marker.size", "Los Angeles") > 9  # since 1979
    assert at(1, "marker.color", "Miami-Dade County") == charts.DIRECTION_COLORS["cooperate"]
    assert at(0, "marker.color", "Miami-Dade County") == charts.DIRECTION_COLORS["restrict"]
    assert "no action reported by the end of 2016" in at(0, "hovertext", "Oakland")
    # a yellow halo marks who acted in the step
    assert at(1, "marker.size", "Miami-Dade County", halo=True) > 0 and at(1, "marker.size", "Los Angeles", halo=True) > 0
    assert at(1, "marker.size", "Seattle", halo=True) == 0 and at(2, "marker.size", "Oakland", halo=True) > 0
    # every place is labelled; where places crowd (the north-east) an inset shows them
    assert sorted(n for t in bubbles for n in t.text) == sorted(places["name"])
    inset = next(t for t in bubbles if t.geo == "geo2")
    assert set(inset.text) == {"New York City", "Philadelphia", "Washington D.C.", "Maryland"}
    assert fig.layout.geo2.domain.x[0] >= fig.layout.geo.domain.x[1]
    assert fig.layout.title.text == "Miami-Dade County moved to cooperate in Jan 2017; 11 other jurisdictions restricted cooperation"


def test_policy_timeline_puts_federal_events_on_top_and_cuts_the_axis(policy_data):
    kb, acts, events, places = policy_data
    fig = charts.policy_timeline(acts, places, events, kb)
    assert "xaxis3" in fig.layout and "xaxis4" not in fig.layout  # 1979 | 2013-2018 | 2026
    assert fig.layout.yaxis.ticktext[0] == "<b>federal</b>"
    federal = [t for t in fig.data if t.name == "federal action (context, labelled above)"]
    assert sum(len(t.x) for t in federal) == 3
    markers = [t for t in fig.data if t.mode == "markers" and t.name != "federal action (context, labelled above)"]
    assert sum(len(t.x) for t in markers) == 26
    open_ = [t for t in markers if t.marker.symbol == "circle-open"]
    assert sum(len(t.x) for t in open_) == int((acts["date_status"] == "article date").sum())
    assert "nothing in the articles between 1979 and 2013; 2018 and 2026" in fig.layout.annotations[-1].text
    points = {(str(x), y) for t in markers for x, y, c in zip(t.x, t.y, t.customdata) if c[0] == "Los Angeles"}
    assert len(points) == 4  # four actions, four markers: near dates are moved apart
    assert sum(len(t.text) for t in federal) == 3 and all(t.text[0] for t in federal)


def test_side_by_side_counts_actions_and_quotations(policy_data, book):
    kb, acts, _, _ = policy_data
    fig = charts.compare_jurisdictions(acts, book, "los-angeles", "miami-dade-county", kb)
    titles = [a.text for a in fig.layout.annotations[:2]]
    assert titles == ["<b>Los Angeles</b><br>4 action(s); quotations of its officials: 11 AGAINST, 1 NONE",
                      "<b>Miami-Dade County</b><br>2 action(s); quotations of its officials: 6 FAVOR"]
    empty = charts.compare_jurisdictions(acts, book, "new-orleans", "minneapolis", kb)
    assert any(a.text == "Neither jurisdiction has a policy action in the articles." for a in empty.layout.annotations)


def test_policy_map_is_large_and_keeps_its_labels_inside_the_map(policy_data):
    _, acts, _, places = policy_data
    fig = charts.policy_map(acts, places)
    assert list(fig.layout.geo.domain.x) == [0, 0.62] and list(fig.layout.geo.domain.y) == [0, 1]
    assert list(fig.layout.geo2.domain.x) == [0.65, 1.0]
    assert fig.layout.margin.b == 16 and fig.layout.height == 460
    # legend and time control in the column beside the map, on the plot area, so they take no margin from the map
    assert fig.layout.legend.xref == "paper" and fig.layout.legend.x == 0.65
    assert fig.layout.sliders[0].x == 0.65 and fig.layout.sliders[0].len == 0.35
    sides = {name: side for trace in fig.data if trace.name == "jurisdictions"
             for name, side in zip(trace.text, trace.textposition)}
    assert sides["Miami-Dade County"] == "middle left" and sides["Boston"] == "middle left"  # at the east edge
    assert sides["New York City"] == "middle left" and sides["Washington D.C."] != "middle left"  # the inset's edges
    assert {sides["Chicago"], sides["Carmel"]} == {"middle left", "middle right"}  # neighbours on opposite sides
