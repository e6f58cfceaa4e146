"""Facts from outside the corpus: presidential terms."""

import pytest

from helpers import outside


@pytest.mark.parametrize("when, term", [
    ("2017-01-19", "Obama"), ("2017-01-20", "Trump, 1st term"), ("2021-01-20", "Biden"),
    ("2025-01-19 23:59", "Biden"), ("2025-01-20", "Trump, 2nd term"), ("2008-12-31", ""), ("2030-01-01", ""),
])
def test_a_term_starts_on_its_inauguration_day(when, term):
    assert outside.administration(when) == term


def test_terms_follow_each_other_without_gaps():
    for (_, _, end), (_, start, _) in zip(outside.ADMINISTRATIONS, outside.ADMINISTRATIONS[1:]):
        assert end == start
    assert "outside the corpus" in outside.SOURCE
