import re

from helpers import notebooks, present


def test_index_lists_every_notebook_by_its_title_with_its_description():
    page = present.index_page()
    links = re.findall(r'<a href="(\d\d_[\w-]+)\.html">([^<]+)</a>', page)
    assert [stem for stem, _ in links] == [p.stem for p in notebooks.notebook_paths()]
    assert links[0][1] == "Start here: five articles, two administrations"
    assert "★ fits a single class hour." in page and "keyword-in-context search" in page


def test_pages_link_to_article_copies_beside_them(tmp_path):
    copied = present._copy_articles(tmp_path)
    assert [p.name for p in copied] == sorted(p.name for p in present.ARTICLES_DIR.glob("*.txt"))
    assert present._article_links('<a href="../corpus/articles/a.txt">') == '<a href="articles/a.txt">'


def test_slides_are_16_by_9():
    width, height = present.SLIDE_SIZE
    assert width * 9 == height * 16
