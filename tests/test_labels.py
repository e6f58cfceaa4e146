import pandas as pd

from helpers import labels


def test_article_labels_read_outlet_and_date(articles):
    got = labels.article_label(articles)
    assert got["abc-2016-11-17"] == "ABC News, 17 Nov 2016"
    assert got["kr-2026-02"] == "Korean news outlet, Feb 2026"
    assert got["ap-2017-06-25"] == "Associated Press, 25 Jun 2017"
    assert len(set(got.values())) == len(articles)


def test_two_articles_of_one_outlet_on_one_day_get_numbers():
    arts = pd.DataFrame({"article_id": ["a-2", "a-1"], "outlet": ["CNN", "CNN"],
                         "published": pd.to_datetime(["2017-01-27", "2017-01-27"]), "date_precision": ["day", "day"]})
    assert labels.article_label(arts) == {"a-1": "CNN, 27 Jan 2017 (1)", "a-2": "CNN, 27 Jan 2017 (2)"}


def test_person_labels_use_the_actor_table_then_the_id():
    actors = pd.DataFrame({"id": ["eric-garcetti"], "name": ["Eric Garcetti"]})
    assert labels.person_label(["eric-garcetti", "kent-guinn", ""], actors) == {
        "eric-garcetti": "Eric Garcetti", "kent-guinn": "Kent Guinn", "": ""}
