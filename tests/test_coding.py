"""Hand-coding quotations: coder files, resuming, agreement measures, and the coding widget."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from helpers import coding

UNITS = pd.DataFrame({
    "unit": ["a:10-20", "a:40-52", "b:5-9"], "article_id": ["a", "a", "b"], "start": [10, 40, 5], "end": [20, 52, 9],
    "title": ["T", "T", "U"], "outlet": ["Ledger", "Ledger", "Post"], "date_label": ["3 Mar 2026 (stated)"] * 3,
    "ref": ["a, line 3, sentence 2", "a, line 5, sentence 4", "b, line 1, sentence 1"],
    "text": ['"We will not help ICE,"', '"a gamble"', '"yes"'],
    "paragraph": ['Ruiz said "We will not help ICE," today.', 'Hale called it "a gamble" and left.', '"yes"'],
    "q_start": [10, 15, 0], "q_end": [33, 25, 5],
    "candidates": [["Ana Ruiz"], ["Ana Ruiz", "Tom Hale"], []],
    "speaker_auto": ["Ana Ruiz", "Tom Hale", "(speaker not found)"], "stance_auto": ["AGAINST", "NONE", "NONE"],
    "cues": ["not help ICE", "", ""], "speaker_reference": ["Ana Ruiz", "Tom Hale", ""],
    "stance_reference": ["AGAINST", "FAVOR", ""],
})


def test_names_become_file_names_or_a_clear_error(tmp_path):
    assert coding.path_for("Ana Lopez", tmp_path) == tmp_path / "ana-lopez.csv"
    with pytest.raises(ValueError, match=r"^coder name: expected 1-40 letters, digits, spaces or hyphens, .*; found '\.\./x'$"):
        coding.check_name("../x")


def test_each_answer_is_saved_at_once_and_coding_resumes_where_it_stopped(tmp_path):
    assert coding.load("ana", tmp_path).empty
    coding.record("ana", UNITS.iloc[0], "Ana Ruiz", "AGAINST", tmp_path)
    coding.record("ana", UNITS.iloc[1], "Tom Hale", "NONE", tmp_path)
    coding.record("ana", UNITS.iloc[1], "Tom Hale", "FAVOR", tmp_path)   # a second answer replaces the first
    saved = coding.load("ana", tmp_path)
    assert saved[["unit", "speaker", "stance"]].values.tolist() == [["a:10-20", "Ana Ruiz", "AGAINST"],
                                                                     ["a:40-52", "Tom Hale", "FAVOR"]]
    assert coding.resume_at(UNITS, saved) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ana.csv"]   # no temporary file left behind


def test_an_answer_needs_a_stance_of_the_codebook_and_a_speaker(tmp_path):
    with pytest.raises(ValueError, match="^stance: expected FAVOR, AGAINST or NONE; found 'MIXED'$"):
        coding.record("ana", UNITS.iloc[0], "Ana Ruiz", "MIXED", tmp_path)
    with pytest.raises(ValueError, match=r"^speaker: expected a speaker \(or 'someone else'\); found nothing$"):
        coding.record("ana", UNITS.iloc[0], "", "NONE", tmp_path)
    assert not (tmp_path / "ana.csv").exists()


def test_a_damaged_coder_file_is_named_with_row_and_field(tmp_path):
    (tmp_path / "ben.csv").write_text("unit,article_id,start,end,speaker,stance,coded_at\na:10-20,a,10,20,X,maybe,t\n",
                                      encoding="utf-8")
    with pytest.raises(ValueError, match=r"ben.csv, row 2, field 'stance': expected FAVOR, AGAINST or NONE; found 'maybe'$"):
        coding.load("ben", tmp_path)


def test_examples_are_kept_apart_from_the_class(tmp_path):
    for name in ("example-ana", "ben"):
        coding.record(name, UNITS.iloc[0], "Ana Ruiz", "AGAINST", tmp_path)
    assert list(coding.coders(tmp_path)) == ["ben"]
    assert list(coding.coders(tmp_path, examples=True)) == ["example-ana"]
    assert coding.coders(tmp_path / "none") == {}


def test_the_shipped_examples_code_the_same_twenty_quotations():
    examples = coding.coders(coding.CODINGS_DIR, examples=True)
    assert list(examples) == ["example-ana", "example-ben", "example-caro"]
    assert {len(frame) for frame in examples.values()} == {20}
    assert len({tuple(frame["unit"]) for frame in examples.values()}) == 1


def test_table_lines_up_coders_automatic_and_reference():
    answers = {"ana": pd.DataFrame({"unit": ["a:10-20", "a:40-52"], "stance": ["AGAINST", "NONE"]}),
               "ben": pd.DataFrame({"unit": ["a:10-20", "a:40-52", "b:5-9"], "stance": ["AGAINST", "FAVOR", "NONE"]})}
    wide = coding.table(UNITS, answers)
    assert list(wide.columns) == ["ana", "ben", "automatic", "reference"]
    assert wide.fillna("-").values.tolist() == [["AGAINST", "AGAINST", "AGAINST", "AGAINST"],
                                                ["NONE", "FAVOR", "NONE", "FAVOR"],
                                                ["-", "NONE", "NONE", "-"]]
    pairs = coding.pairwise(wide[["ana", "ben"]])
    assert pairs.values.tolist() == [["ana", "ben", 2, 1, 0.5, 0.333]]   # chance 1/4: (1/2 - 1/4) / (3/4)
    assert coding.confusion(wide, "ana", "reference").values.tolist() == [[0, 0, 0], [0, 1, 0], [1, 0, 0]]
    assert coding.disagreements(wide, UNITS).values.tolist() == [
        ["a:40-52", "a, line 5, sentence 4", '"a gamble"', "NONE", "FAVOR", "NONE", "FAVOR"]]


def test_kappa_and_alpha_against_hand_worked_values():
    a = pd.Series(["FAVOR", "AGAINST", "AGAINST", "NONE"])
    b = pd.Series(["FAVOR", "AGAINST", "NONE", "NONE"])
    # observed 3/4; chance (1/4*1/4 + 1/2*1/4 + 1/4*1/2) = 5/16; kappa = (3/4 - 5/16) / (11/16) = 7/11
    assert coding.cohen_kappa(a, b) == pytest.approx(7 / 11)
    # 8 values (F 2, A 3, N 3), 2 disagreeing pairs: alpha = 1 - (n - 1) * 2 / (2 * (2*3 + 2*3 + 3*3)) = 1 - 7 * 2 / 42
    assert coding.alpha(pd.DataFrame({"a": a, "b": b})) == pytest.approx(2 / 3)
    assert math.isnan(coding.cohen_kappa(a[:1], b[:1]))
    assert math.isnan(coding.alpha(pd.DataFrame({"a": ["NONE", "NONE"], "b": ["NONE", "NONE"]})))


def test_the_widget_hides_the_automatic_label_until_saved_and_resumes(tmp_path):
    box = coding.widget(UNITS, name="Ana", folder=tmp_path)
    work = box.children[3]
    counter, quotation, speaker, stance, codebook, buttons, reveal = work.children
    save, back, forward = buttons.children
    assert "<mark>&quot;We will not help ICE,&quot;</mark>" in quotation.value
    assert speaker.options == ("Ana Ruiz", "someone else") and speaker.value is None and stance.value is None
    assert codebook.selected_index is None and "supports or cooperates" in codebook.children[0].value
    assert reveal.value == "" and save.disabled and forward.disabled
    speaker.value, stance.value = "Ana Ruiz", "AGAINST"
    save.click()
    assert "Automatic label: <b>AGAINST</b>" in reveal.value and "Reference coding: <b>AGAINST</b>" in reveal.value
    assert coding.load("ana", tmp_path)["stance"].tolist() == ["AGAINST"]
    forward.click()
    assert "Quotation 2 of 3" in quotation.value and reveal.value == ""
    again = coding.widget(UNITS, name="ana", folder=tmp_path)      # a restarted kernel: the same file
    assert "Quotation 2 of 3" in again.children[3].children[1].value
    assert again.children[2].value == 1


def test_where_no_kernel_runs_the_widget_shows_a_static_explanation(tmp_path):
    bundle = coding.widget(UNITS, folder=tmp_path)._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert data["text/html"].startswith("<div class='coding-static'><p><i>Static copy of the coding widget")
    assert "Speaker candidates: Ana Ruiz, someone else" in data["text/html"]
    assert list(tmp_path.iterdir()) == []


def test_todays_twenty_are_those_chosen_from_every_unit_read_only_for_them():
    from helpers import pipeline

    p = pipeline.build()
    every = coding.units(p.book, p.articles, p.quotations, p.knowledge)
    chosen = coding.today(p.book, p.articles, p.quotations, p.knowledge)
    pd.testing.assert_frame_equal(chosen, coding.choose(every, n=20))
    assert set(chosen["unit"]) == set(coding.coders(coding.CODINGS_DIR, examples=True)["example-ana"]["unit"])
