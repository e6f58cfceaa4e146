from helpers import annotate, charts, parties, words


def test_stance_shares_put_n_on_every_bar(book):
    fig = charts.stance_shares(parties.stance_counts(book, level="actor"), "per speaker", "speakers")
    assert [a.text for a in fig.layout.annotations] == [" n = 11", " n = 5", " n = 2", " n = 2", " n = 3"]
    mixed = next(t for t in fig.data if t.name == charts.STANCE_LABELS["MIXED"])
    assert list(mixed.text) == ["", "1", "", "", ""] and mixed.marker.color == charts.STANCE_COLORS["MIXED"]


def test_sentiment_by_party_draws_intervals(book):
    tables = {"TextBlob polarity": parties.sentiment_by(book), "VADER compound": parties.sentiment_by(book, value="vader_compound")}
    fig = charts.sentiment_by_party(tables)
    assert [t.name for t in fig.data] == list(tables)
    assert "n = 35 quotations, 11 speakers" in fig.layout.yaxis.ticktext[0]
    first = fig.data[0]
    assert all(v >= 0 for v in first.error_x.array) and all(v >= 0 for v in first.error_x.arrayminus)


def test_term_chart_shows_the_quotations_that_use_a_word(book, articles):
    sents = annotate.sentences(articles)
    dem, rep = book[book["party"] == "Democratic"], book[book["party"] == "Republican"]
    terms = words.distinctive(dem["text"], rep["text"], sents[sents["paragraph_type"] == "body"]["text"])
    fig = charts.distinctive_terms(terms, dem, rep, "Democratic", "Republican")
    kept = int((terms["total"] >= 2).sum())
    assert sum(len(t.x) for t in fig.data) == kept
    assert f"{len(terms) - kept} words used only once are left out" in fig.layout.annotations[-1].text
    hover = {c[0]: c for t in fig.data for c in t.customdata}
    assert "Carlos Gimenez: " in hover["county"][4] and hover["county"][3] == "(none)"
    assert fig.data[0].marker.color == charts.PARTY_COLORS["Democratic"]


def test_term_chart_says_a_null_result_plainly_and_labels_without_overlap(book, articles):
    sents = annotate.sentences(articles)
    dem, rep = book[book["party"] == "Democratic"], book[book["party"] == "Republican"]
    terms = words.distinctive(dem["text"], rep["text"], sents[sents["paragraph_type"] == "body"]["text"], alpha0=500)
    fig = charts.distinctive_terms(terms, dem, rep, "Democratic", "Republican")
    kept = int((terms["total"] >= 2).sum())
    if not (terms.loc[terms["total"] >= 2, "z"].abs() >= 1.96).any():
        assert fig.layout.title.text.startswith(
            f"No word separates the Democratic and Republican quotations beyond chance<br>(0 of {kept} words reach |z| ≥ 1.96)")
    assert all(t.marker.opacity == 1 for t in fig.data)
    assert [t.marker.symbol for t in fig.data] == ["circle", "circle", "square", "square"]
    labels = [a.text for a in fig.layout.annotations if a.showarrow]
    beyond = terms[(terms["total"] >= 2) & (terms["z"].abs() >= 1.96)]
    assert sorted(labels) == sorted(beyond["term"])  # only words past the threshold are written on the chart
    if beyond.empty:  # no label on "is", "are", "our": the chart says plainly that no word passes
        assert labels == []
        assert any(a.text.startswith("<b>No word lies beyond the dotted lines</b>") for a in fig.layout.annotations)
    assert charts.PARTY_COLORS["Republican"] not in charts.STANCE_COLORS.values()


def test_place_labels_never_overlap():
    from helpers.charts.parties import _place_labels

    points = [(0.0, 0.0, f"word{i}", 10 - i) for i in range(8)]
    placed = _place_labels(points, (-1, 1), (-1, 1))
    boxes = [(ax - 40, ay - 9, ax + 40, ay + 9) for _, _, _, ax, ay in placed]
    assert all(not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
               for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert placed[0][2] == "word0"


def test_stance_shares_title_states_the_leading_stance(book):
    fig = charts.stance_shares(parties.stance_counts(book, level="quote"), "Stance by party, per quotation")
    assert fig.layout.title.text.startswith("Democratic: 94% AGAINST of 35; Republican: 75% FAVOR of 12")
    assert "Stance by party, per quotation" in fig.layout.title.text
    assert charts.stance_shares(parties.stance_counts(book, level="quote")).layout.title.text.count("<br>") == 0


def test_term_chart_of_a_large_vocabulary_draws_at_most_1000_words():
    import pandas as pd

    def name(i: int) -> str:  # 0 -> "aaa", 1 -> "aab", ...: words are letters only
        return "".join("abcdefghijklmnopqrstuvwxyz"[i // 26 ** k % 26] for k in (2, 1, 0))

    a = pd.DataFrame({"text": [f"w{name(i)} w{name(i)} common alpha{name(i % 7)}" for i in range(3000)], "speaker": "A"})
    b = pd.DataFrame({"text": [f"w{name(i)} w{name(i)} common beta{name(i % 5)}" for i in range(3000)], "speaker": "B"})
    terms = words.distinctive(a["text"], b["text"], pd.concat([a["text"], b["text"]]))
    fig = charts.distinctive_terms(terms, a, b, "A", "B")
    assert sum(len(t.x) for t in fig.data) == charts.style.MARKS
    drawn = {c[0] for t in fig.data for c in t.customdata}
    assert {f"alpha{name(i)}" for i in range(7)} | {f"beta{name(i)}" for i in range(5)} <= drawn  # beyond the threshold: always drawn
    assert "Drawn: 1,000 of the 3,013 words" in fig.layout.annotations[-1].text
    assert fig.layout.title.text.startswith("12 of 3,013 words") and charts.slide_problems(fig) == []


def test_term_chart_labels_the_words_past_the_threshold_and_only_those():
    import pandas as pd

    a = pd.DataFrame({"text": ["sanctuary city protects families"] * 12 + ["the law is the law"] * 3, "speaker": "A"})
    b = pd.DataFrame({"text": ["detainer cooperation with the law"] * 12 + ["families and the city"] * 3, "speaker": "B"})
    terms = words.distinctive(a["text"], b["text"], pd.concat([a["text"], b["text"]]), alpha0=50)
    fig = charts.distinctive_terms(terms, a, b, "A", "B")
    beyond = terms[(terms["total"] >= 2) & (terms["z"].abs() >= 1.96)]
    assert len(beyond) >= 2
    assert sorted(a.text for a in fig.layout.annotations if a.showarrow) == sorted(beyond["term"])
    assert not any("No word lies beyond" in (a.text or "") for a in fig.layout.annotations)
    assert fig.layout.title.text.startswith(f"{len(beyond)} of ")
    dots = {c[0]: y for t in fig.data for c, y in zip(t.customdata, t.y)}
    assert min(dots.values()) == 1  # stacked from the bottom, one dot per word
