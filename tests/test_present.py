import re

from helpers import notebooks, present


def test_index_lists_every_notebook_by_its_title_with_its_description():
    page = present.index_page()
    links = re.findall(r'<a href="(\d\d_[\w-]+)\.html">([^<]+)</a>', page)
    assert [stem for stem, _ in links] == [p.stem for p in notebooks.notebook_paths()]
    assert links[0][1] == "Start here: five articles, two administrations"
    assert "★ fits a single class hour." in page and "keyword-in-context search" in page


def test_pages_link_to_article_copies_beside_them_opening_at_the_line_in_a_new_tab(tmp_path):
    copied = present._copy_articles(tmp_path)
    texts = sorted(p.name for p in present.ARTICLES_DIR.glob("*.txt"))
    assert sorted(p.name for p in copied) == sorted(texts + [t.replace(".txt", ".html") for t in texts])
    page = (tmp_path / "articles" / texts[0].replace(".txt", ".html")).read_text(encoding="utf-8")
    lines = (present.ARTICLES_DIR / texts[0]).read_text(encoding="utf-8").split("\n")
    assert page.count('class="line"') == len(lines) and f'id="L{len(lines)}"' in page
    assert present._article_links('<a href="../corpus/articles/a.txt">') == \
        '<a href="articles/a.html" target=\'_blank\' rel=\'noopener\'>'
    assert present._article_links("<a href='../corpus/articles/a.txt'>line 7</a>") == \
        "<a href='articles/a.html#L7' target='_blank' rel='noopener'>line 7</a>"


def test_index_shows_the_star_key_above_the_table():
    page = present.index_page()
    assert page.index("★ fits a single class hour.") < page.index("<table>")



def test_handout_figures_name_articles_by_outlet_and_date_and_include_the_validation_overview():
    import json

    figures = present.handout_figures()
    assert list(figures)[-2:] == ["04_agreement.png", "04_validation.png"]
    sets = {trace.name.split(" — ")[0] for trace in figures["04_validation.png"].data if trace.type == "bar"}
    assert sets == {"corpus (rules written on it)", "invented (used while improving the rules)",
                    "held-out (never used to change the rules)"}
    assert figures["04_validation.png"].layout.title.text.startswith("On text the rules were not written on")
    for name in ("02_policy_matrix.png", "02_policy_timeline.png"):
        text = json.dumps(figures[name].to_plotly_json(), default=str)
        assert "CNN, 27 Jan 2017" in text and "cnn-2017-01-27" not in text, name
