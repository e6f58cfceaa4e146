"""Keyword in context: every occurrence of a word, with its article and date."""

from __future__ import annotations

import html
import re

import pandas as pd

COLUMNS = ["article_id", "date", "sentence", "left", "keyword", "right", "start", "end"]


def pattern(word: str) -> re.Pattern:
    """Return the regular expression for a search word.

    Whole words, case-insensitive; a trailing ``*`` matches any ending.

    >>> bool(pattern("sanctuar*").search("Sanctuary cities"))
    True
    >>> bool(pattern("ICE").search("a police officer"))
    False
    """
    word = word.strip()
    stem = word[:-1] if word.endswith("*") else word
    tail = r"[\w’'-]*" if word.endswith("*") else r"(?![\w])"
    return re.compile(r"(?<![\w])" + re.escape(stem) + tail, re.IGNORECASE)


def _left(text: str, width: int) -> str:
    """Return the last ``width`` characters of ``text``, cut at a word boundary, '…' where cut.

    >>> _left("the city will remain a", 12)
    '… remain a'
    """
    if len(text) <= width:
        return text
    cut = text[-width:]
    return "…" + cut[cut.find(" "):] if " " in cut else "…" + cut


def _right(text: str, width: int) -> str:
    """Return the first ``width`` characters of ``text``, cut at a word boundary, '…' where cut.

    >>> _right(" cities push back against Trump", 16)
    ' cities push…'
    """
    if len(text) <= width:
        return text
    cut = text[:width]
    return cut[:cut.rfind(" ")] + "…" if cut.rfind(" ") > 0 else cut + "…"


def kwic(sents: pd.DataFrame, articles: pd.DataFrame, word: str, width: int = 45) -> pd.DataFrame:
    """Return one row per occurrence of ``word``: article, date, sentence and context.

    ``start``/``end`` are character offsets into the raw article text;
    ``left`` and ``right`` hold up to ``width`` characters of the sentence
    either side. An empty or blank word returns an empty table.

    >>> from helpers import corpus, annotate
    >>> arts = corpus.load()
    >>> hits = kwic(annotate.sentences(arts), arts, "Brotherly")
    >>> hits[["article_id", "keyword", "right"]].to_dict("records")
    [{'article_id': 'abc-2016-11-17', 'keyword': 'Brotherly', 'right': ' Love has been front-and-center in the…'}]
    """
    if not word.strip():
        return pd.DataFrame(columns=COLUMNS)
    dates = dict(zip(articles["article_id"], articles["date_label"]))
    regex = pattern(word)
    rows = []
    # only the sentences that hold the word are read one by one
    holding = sents[[regex.search(t) is not None for t in sents["text"]]]
    for sent in holding.itertuples(index=False):
        for match in regex.finditer(sent.text):
            rows.append((
                sent.article_id, dates.get(sent.article_id, ""), sent.sentence,
                _left(sent.text[:match.start()], width), match.group(0),
                _right(sent.text[match.end():], width),
                sent.start + match.start(), sent.start + match.end(),
            ))
    return pd.DataFrame(rows, columns=COLUMNS)


#: The search shows at most this many occurrences, and names at most this many articles in its summary.
SHOW = 100
SHOW_ARTICLES = 12


def to_html(hits: pd.DataFrame, word: str, n_articles: int, labels: dict[str, str] | None = None, show: int = SHOW) -> str:
    """Return the occurrences as an HTML table, or a sentence saying there are none.

    ``labels`` gives a reader's label for each article id (outlet and date); ids are shown where it has none.
    At most ``show`` occurrences are drawn, followed by a line saying how
    many more there are; the summary names the articles with most occurrences.
    """
    labels = labels or {}
    if not word.strip():
        return "<p><i>Type a word to see every place it occurs.</i></p>"
    if hits.empty:
        return (f"<p>No occurrence of <b>{html.escape(word)}</b> in the {n_articles} articles. "
                "Try a shorter form with <code>*</code>, e.g. <code>deport*</code>.</p>")
    per_article = hits.groupby("article_id", sort=False).size()
    shown = per_article if len(per_article) <= SHOW_ARTICLES else per_article.sort_values(ascending=False, kind="stable").head(SHOW_ARTICLES)
    summary = ", ".join(f"{labels.get(k, k)}: {v}" for k, v in shown.items())
    if len(per_article) > len(shown):
        summary += f", and {len(per_article) - len(shown)} more articles"
    rows = "".join(
        f"<tr><td style='text-align:left'>{html.escape(labels.get(r.article_id, r.article_id))}</td>"
        f"<td style='text-align:left'>{html.escape(r.date)}</td><td>{r.sentence}</td>"
        f"<td style='text-align:right'>{html.escape(r.left)}</td>"
        f"<td><b style='color:#A33D00'>{html.escape(r.keyword)}</b></td>"  # vermillion darkened to 6.5:1 on white
        f"<td style='text-align:left'>{html.escape(r.right)}</td></tr>"
        for r in hits.head(show).itertuples(index=False)
    )
    return (
        f"<p><b>{len(hits)}</b> occurrence(s) of <b>{html.escape(word)}</b> ({summary})</p>"
        "<table><thead><tr><th>article</th><th>date</th><th>sentence</th>"
        "<th style='text-align:right'>before</th><th>word</th><th style='text-align:left'>after</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        + (f"<p><i>{len(hits) - show} more occurrences; search a longer phrase to narrow them.</i></p>" if len(hits) > show else "")
    )


def explorer(sents: pd.DataFrame, articles: pd.DataFrame, word: str = "sanctuary"):
    """Return a live search box (ipywidgets) showing ``word`` in context as you type.

    Where no kernel runs (an exported page), the result for ``word`` is
    shown as a static table instead of a dead text box.
    """
    import ipywidgets as widgets

    class _Explorer(widgets.VBox):
        def _repr_mimebundle_(self, **kwargs):
            bundle = super()._repr_mimebundle_(**kwargs)
            data = bundle[0] if isinstance(bundle, tuple) else bundle
            data["text/html"] = (f"<p><i>Static copy of the search for “{html.escape(box.value)}”; "
                                 "run the notebook to search live.</i></p>" + result.value)
            return bundle

    from .labels import article_label

    known = {"article_id", "outlet", "published", "date_precision"} <= set(articles.columns)
    labels = article_label(articles) if known else {}
    box = widgets.Text(value=word, description="word:", placeholder="e.g. sanctuary, deport*, ICE",
                       continuous_update=True, layout=widgets.Layout(width="360px"))
    result = widgets.HTML()

    def show(_change=None):
        result.value = to_html(kwic(sents, articles, box.value), box.value, articles["article_id"].nunique(), labels)

    box.observe(show, names="value")
    show()
    return _Explorer([box, result])
