"""Adding articles from saved web pages and text files, into a copy of the corpus (never corpus/ itself)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import trafilatura  # noqa: F401  (imported while collecting: urllib3 probes for IPv6 with a socket when imported)

from helpers import add, corpus

BODY = [
    "Springfield Mayor Ana Ruiz said Tuesday that the city would not let its police hold people for federal immigration agents without a warrant.",
    "\u201cOur officers work for the people of Springfield, not for ICE,\u201d Ruiz told reporters at City Hall after the council vote.",
    "The council voted 7-2 for the ordinance, which bars city staff from asking about immigration status when people report crimes.",
    "Council member Tom Hale, who voted against it, said the city was risking federal grants. \u201cThis is a gamble with our budget,\u201d he said.",
]

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Springfield limits police help to ICE | The Springfield Ledger</title>
<meta property="og:site_name" content="The Springfield Ledger">
<meta property="og:title" content="Springfield limits police help to ICE">
<meta property="article:published_time" content="2026-03-03T09:15:00-05:00">
<meta name="author" content="Jane Okafor">
<script>window.tracking = true;</script><style>body {{ font-family: serif; }}</style>
</head><body>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p><button>Accept all cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sports">Sports</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main><article>
<h1>Springfield limits police help to ICE</h1>
<p class="byline">By Jane Okafor, The Springfield Ledger</p>
<p class="dateline"><time datetime="2026-03-03T09:15">March 3, 2026</time></p>
<figure><img src="council.jpg" alt=""><figcaption>Mayor Ana Ruiz speaks at City Hall on Monday. Photo: Lee Park / The Springfield Ledger</figcaption></figure>
{body}
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Council passes budget after long night</a></li><li><a href="/b">Five things to know about the new ordinance</a></li></ul></aside>
</article></main>
<footer><p>&copy; 2026 The Springfield Ledger. All rights reserved.</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
</body></html>
"""

FRONT_PAGE = """<html><head><title>The Springfield Ledger</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<ul><li><a href="/a">Council passes budget</a></li><li><a href="/b">Five things to know</a></li></ul>
<div class="cookie-banner">We use cookies.</div></body></html>"""


def news_page(body=BODY) -> str:
    return NEWS_PAGE.format(body="\n".join(f"<p>{p}</p>" for p in body))


@pytest.fixture
def corpus_copy(tmp_path):
    copy = tmp_path / "corpus"
    shutil.copytree(corpus.CORPUS_DIR, copy)
    return copy


def test_a_news_page_becomes_an_article_the_loader_accepts(corpus_copy, tmp_path):
    page = tmp_path / "ledger.html"
    page.write_text(news_page(), encoding="utf-8")
    text_path, meta_path = add.write(add.read(page), corpus_copy)
    assert text_path.name.startswith("005_") and meta_path.name == text_path.name.replace(".txt", ".json")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    assert meta["id"] == "the-springfield-ledger-2026-03-03"
    assert (meta["title"], meta["title_status"]) == ("Springfield limits police help to ICE", "stated")
    assert (meta["outlet"], meta["outlet_status"], meta["outlet_evidence"]) == ("The Springfield Ledger", "stated", "The Springfield Ledger")
    assert (meta["published"], meta["date_precision"], meta["date_status"], meta["date_evidence"]) == ("2026-03-03", "day", "stated", "March 3, 2026")
    text = text_path.read_text(encoding="utf-8")
    assert text.split("\n\n")[:3] == ["Springfield limits police help to ICE", "By Jane Okafor, The Springfield Ledger", "March 3, 2026"]
    for paragraph in BODY:
        assert paragraph in text
    for noise in ("cookies", "Sports", "Related stories", "Council passes budget", "Photo: Lee Park", "All rights reserved"):
        assert noise not in text
    articles = corpus.load(corpus_copy)
    row = articles.set_index("article_id").loc["the-springfield-ledger-2026-03-03"]
    assert (row["source_file"], row["date_label"]) == (text_path.name, "3 Mar 2026 (stated)")


def test_a_page_whose_text_shows_no_date_or_outlet_says_what_to_check(tmp_path):
    html = news_page().replace('<p class="dateline"><time datetime="2026-03-03T09:15">March 3, 2026</time></p>', "")
    html = html.replace(", The Springfield Ledger</p>", "</p>").replace("Photo: Lee Park / The Springfield Ledger", "")
    html = html.replace("&copy; 2026 The Springfield Ledger. All rights reserved.", "")
    page = tmp_path / "p.html"
    page.write_text(html, encoding="utf-8")
    article = add.read(page)
    assert (article.meta["published"], article.meta["date_status"]) == ("2026-03-03", "inferred")
    assert (article.meta["outlet"], article.meta["outlet_status"]) == ("The Springfield Ledger", "inferred")
    assert article.check == [
        "outlet: 'The Springfield Ledger' is not named in the text; correct it if the page says otherwise",
        "date: 2026-03-03 comes from the page's markup only; check it is the publication date",
    ]


def test_a_page_with_no_article_text_is_refused_in_one_line(tmp_path):
    page = tmp_path / "front.html"
    page.write_text(FRONT_PAGE, encoding="utf-8")
    with pytest.raises(add.AddError) as err:
        add.read(page)
    assert str(err.value).startswith(f"{page}: expected a saved article page with at least 200 characters of article text; found ")
    assert "\n" not in str(err.value)


def test_a_text_file_is_stored_unchanged(corpus_copy, tmp_path):
    raw = "Mayors meet in Springfield\n\nBy Sam Lee\nMarch 9, 2026\n\n" + "\n\n".join(BODY) + "\n"
    source = tmp_path / "notes.txt"
    source.write_text(raw, encoding="utf-8")
    text_path, meta_path = add.write(add.read(source), corpus_copy)
    assert text_path.read_text(encoding="utf-8") == raw
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    assert (meta["title"], meta["outlet"], meta["outlet_evidence"]) == ("Mayors meet in Springfield", "Sam Lee", "By Sam Lee")
    assert (meta["published"], meta["date_status"], meta["date_evidence"]) == ("2026-03-09", "stated", "March 9, 2026")
    assert len(corpus.load(corpus_copy)) == 6


def test_the_same_text_twice_is_refused_and_nothing_is_overwritten(corpus_copy, tmp_path):
    page = tmp_path / "ledger.html"
    page.write_text(news_page(), encoding="utf-8")
    add.write(add.read(page), corpus_copy)
    before = sorted(p.name for p in (corpus_copy / "articles").iterdir())
    with pytest.raises(add.AddError, match="expected an article not yet in the corpus; found the same text as "):
        add.write(add.read(page), corpus_copy)
    assert sorted(p.name for p in (corpus_copy / "articles").iterdir()) == before


def test_an_existing_file_is_never_overwritten_and_no_temporary_file_is_left(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "x.txt").write_text("old", encoding="utf-8")
    with pytest.raises(FileExistsError):
        add._write_new(folder / "x.txt", b"new")
    assert [p.name for p in folder.iterdir()] == ["x.txt"]
    assert (folder / "x.txt").read_text(encoding="utf-8") == "old"


def test_main_adds_a_folder_and_prints_what_it_inferred(corpus_copy, tmp_path, capsys):
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "ledger.html").write_text(news_page(), encoding="utf-8")
    (folder / "front.html").write_text(FRONT_PAGE, encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG")
    assert add.main([str(folder)], corpus_copy) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"error: {folder / 'front.html'}: expected a saved article page")
    assert out[1].startswith("added ledger.html -> ")
    assert out[2:6] == [
        "  id        the-springfield-ledger-2026-03-03",
        "  title     Springfield limits police help to ICE  (stated)",
        "  outlet    The Springfield Ledger  (stated: 'The Springfield Ledger')",
        "  published 2026-03-03, day  (stated: 'March 3, 2026')",
    ]
    assert len(corpus.load(corpus_copy)) == 6


def test_other_files_are_refused_by_name(tmp_path):
    with pytest.raises(add.AddError, match=r"photo.png: expected a saved web page \(.html, .htm\) or a text file \(.txt\); found a '.png' file"):
        add.read(Path(tmp_path / "photo.png"))
