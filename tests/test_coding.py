"""Hand-coding quotations: coder files, resuming, agreement measures, and the coding widget."""

from __future__ import annotations

import math
import re
from pathlib import Path

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
    assert coding.path_for("../x", tmp_path) == tmp_path / "x.csv"          # never a path outside the folder
    assert coding.check_name("Example Ana") == "coder-example-ana"          # never taken for an invented example
    for bad in ("", "  ", "!!!", "a" * 41, "Ana\x00"):
        with pytest.raises(ValueError, match=r"^coder name: expected 1-40 characters with at least one letter or digit, "
                                             r"in any script \(e.g. 'Ana', 'Ana María', '李明'\); found "):
            coding.check_name(bad)


def test_any_name_works_kept_for_display_with_a_safe_ascii_file_name(tmp_path):
    names = {"Ana María": "ana-maria-", "李明": "coder-", "Zoë O'Neil": "zoe-o-neil-", "Нина": "coder-",
             "José  García": "jose-garcia-"}
    for name, stem in names.items():
        path = coding.path_for(name, tmp_path)
        assert path.parent == tmp_path and path.name.startswith(stem) and path.name.isascii()
        assert re.fullmatch(r"[a-z0-9-]+-[0-9a-f]{6}\.csv", path.name)
        coding.record(name, UNITS.iloc[0], "Ana Ruiz", "AGAINST", tmp_path)
    assert coding.path_for("ana maría", tmp_path) == coding.path_for("Ana María", tmp_path)   # capitals: one coder
    assert coding.path_for("Ana Maria", tmp_path) != coding.path_for("Ana María", tmp_path)   # an accent: another
    assert len({coding.path_for(n, tmp_path) for n in names}) == len(names)
    assert list(coding.coders(tmp_path)) == sorted(["Ana María", "李明", "Zoë O'Neil", "Нина", "José García"],
                                                   key=lambda n: coding.check_name(n))
    assert coding.load("李明", tmp_path)["coder"].tolist() == ["李明"]
    assert "李明" in coding.path_for("李明", tmp_path).read_text(encoding="utf-8")


def test_two_names_that_map_to_one_file_are_told_apart(tmp_path):
    coding.record("Ana Lopez", UNITS.iloc[0], "Ana Ruiz", "AGAINST", tmp_path)
    assert coding.path_for("Ana-Lopez", tmp_path) == coding.path_for("Ana Lopez", tmp_path)
    with pytest.raises(ValueError, match=r"^.*ana-lopez.csv holds the answers of 'Ana Lopez', not 'Ana-Lopez': if they "
                                         r"are yours, type 'Ana Lopez'; if not, add an initial to your name "
                                         r"\(e.g. 'Ana-Lopez B'\)$"):
        coding.record("Ana-Lopez", UNITS.iloc[1], "Tom Hale", "NONE", tmp_path)
    assert len(coding.load("ana lopez", tmp_path)) == 1                      # the same coder, in lower case
    coding.record("Ana-Lopez B", UNITS.iloc[1], "Tom Hale", "NONE", tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ana-lopez-b.csv", "ana-lopez.csv"]


def test_each_answer_is_saved_at_once_and_coding_resumes_where_it_stopped(tmp_path):
    assert coding.load("ana", tmp_path).empty
    coding.record("ana", UNITS.iloc[0], "Ana Ruiz", "AGAINST", tmp_path)
    coding.record("ana", UNITS.iloc[1], "Tom Hale", "NONE", tmp_path)
    saved = coding.load("ana", tmp_path)
    assert saved[["unit", "speaker", "stance", "attempt", "coder"]].values.tolist() == [
        ["a:10-20", "Ana Ruiz", "AGAINST", 1, "ana"], ["a:40-52", "Tom Hale", "NONE", 1, "ana"]]
    assert coding.resume_at(UNITS, saved) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ana.csv"]   # no temporary file left behind


def test_a_saved_answer_is_locked_and_a_change_of_mind_is_a_second_marked_answer(tmp_path):
    coding.record("ana", UNITS.iloc[1], "Tom Hale", "NONE", tmp_path)
    with pytest.raises(ValueError, match=r"^quotation a:40-52: already answered, and a saved answer is locked; a change "
                                         r"of mind is saved as a second answer \(change=True\)$"):
        coding.record("ana", UNITS.iloc[1], "Tom Hale", "FAVOR", tmp_path)
    with pytest.raises(ValueError, match=r"^quotation a:10-20: no answer to change yet; save a first answer$"):
        coding.record("ana", UNITS.iloc[0], "Ana Ruiz", "FAVOR", tmp_path, change=True)
    coding.record("ana", UNITS.iloc[1], "Tom Hale", "FAVOR", tmp_path, change=True)
    coding.record("ana", UNITS.iloc[1], "Ana Ruiz", "AGAINST", tmp_path, change=True)
    saved = coding.load("ana", tmp_path)
    assert saved[["unit", "speaker", "stance", "attempt"]].values.tolist() == [
        ["a:40-52", "Tom Hale", "NONE", 1], ["a:40-52", "Tom Hale", "FAVOR", 2], ["a:40-52", "Ana Ruiz", "AGAINST", 3]]
    assert coding.first(saved)["stance"].tolist() == ["NONE"] and coding.changed(saved) == 1


def test_agreement_uses_the_first_answer(tmp_path):
    for unit, stance in zip(range(3), ["AGAINST", "NONE", "NONE"]):
        coding.record("ana", UNITS.iloc[unit], "Ana Ruiz", stance, tmp_path)
    coding.record("ana", UNITS.iloc[1], "Tom Hale", "FAVOR", tmp_path, change=True)   # copied from the reference
    answers = coding.coders(tmp_path)
    wide = coding.table(UNITS, answers)
    assert wide["ana"].tolist() == ["AGAINST", "NONE", "NONE"]
    assert coding.table(UNITS, answers, what="speaker")["ana"].tolist() == ["Ana Ruiz", "Ana Ruiz", "Ana Ruiz"]
    # first answers: 1 of 2 agree with the reference, chance 1/4: (1/2 - 1/4) / (3/4); the change would make it 1.0
    assert coding.kappas(wide, answers).values.tolist() == [
        ["ana", 2, 1, 0.333, 1, False], ["automatic", 2, 1, 0.333, 0, True]]
    assert coding.confusion(wide, "ana", "reference").values.tolist() == [[0, 0, 0], [0, 1, 0], [1, 0, 0]]
    assert coding.disagreements(wide, UNITS, ["ana", "reference"])["ana"].tolist() == ["NONE"]
    assert coding.agreement(wide)["value"].tolist() == [0.333, 1.0, 0.333]


def test_a_coder_file_written_before_attempts_and_names_still_loads(tmp_path):
    (tmp_path / "ben.csv").write_text("unit,article_id,start,end,speaker,stance,coded_at\n"
                                      "a:10-20,a,10,20,Ana Ruiz,AGAINST,2026-01-15T10:10:00Z\n", encoding="utf-8")
    old = coding.load("Ben", tmp_path)
    assert old[["unit", "attempt", "coder"]].values.tolist() == [["a:10-20", 1, ""]]
    assert list(coding.coders(tmp_path)) == ["ben"]
    coding.record("Ben", UNITS.iloc[0], "Ana Ruiz", "NONE", tmp_path, change=True)
    assert coding.load("ben", tmp_path)[["stance", "attempt", "coder"]].values.tolist() == [
        ["AGAINST", 1, ""], ["NONE", 2, "Ben"]]


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


def test_damaged_files_are_named_in_a_one_line_notice_and_the_others_still_compared(tmp_path):
    for name in ("ana", "cleo"):
        coding.record(name, UNITS.iloc[0], "Ana Ruiz", "AGAINST", tmp_path)
    header = "unit,article_id,start,end,speaker,stance,coded_at"
    (tmp_path / "ben.csv").write_text(f"{header}\na:10-20,a,10,20,X,maybe,t\n", encoding="utf-8")
    (tmp_path / "dan.csv").write_bytes(b"\xff\xfe\x00binary")
    (tmp_path / "eve.csv").write_text("", encoding="utf-8")
    (tmp_path / "fay.csv").write_text("unit,stance\na:10-20,NONE\n", encoding="utf-8")
    (tmp_path / "gus.csv").write_text(f"{header},attempt\na:10-20,a,10,20,X,NONE,t,first\n", encoding="utf-8")
    (tmp_path / ".ana-x1y2.tmp").write_text("half-written", encoding="utf-8")    # an interrupted save: not a coder
    found = coding.coders(tmp_path)
    assert list(found) == ["ana", "cleo"]
    assert [Path(k).name for k in found.damaged] == ["ben.csv", "dan.csv", "eve.csv", "fay.csv", "gus.csv"]
    lines = found.notice.split("\n")
    assert len(lines) == 5 and all(line.startswith("Left out of the comparison, damaged: ") for line in lines)
    assert lines[0].endswith("ben.csv, row 2, field 'stance': expected FAVOR, AGAINST or NONE; found 'maybe'")
    assert lines[1].endswith("dan.csv: expected a coder file (UTF-8 CSV with columns unit, article_id, start, end, "
                             "speaker, stance, coded_at); found UnicodeDecodeError")
    assert lines[2].endswith("eve.csv: expected a coder file (UTF-8 CSV with columns unit, article_id, start, end, "
                             "speaker, stance, coded_at); found EmptyDataError")
    assert lines[3].endswith("fay.csv, field 'article_id': expected the columns unit, article_id, start, end, speaker, "
                             "stance, coded_at; found unit, stance")
    assert lines[4].endswith("gus.csv, row 2, field 'attempt': expected 1 (the first answer) or 2, 3 ... (a change of "
                             "mind); found 'first'")
    wide = coding.table(UNITS, found)
    assert coding.kappas(wide)[["coder", "quotations", "agree"]].values.tolist() == [
        ["ana", 1, 1], ["cleo", 1, 1], ["automatic", 2, 1]]                 # the readable files are still compared
    assert coding.coders(tmp_path / "none").notice == ""


def test_examples_are_kept_apart_from_the_class(tmp_path):
    coding.record("ben", UNITS.iloc[0], "Ana Ruiz", "AGAINST", tmp_path)
    coding.save(coding.load("ben", tmp_path).assign(coder=""), tmp_path / "example-ana.csv")
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
    w = box.parts
    assert "<mark>&quot;We will not help ICE,&quot;</mark>" in w.quotation.value
    assert w.speaker.options == ("Ana Ruiz", "someone else") and w.speaker.value is None and w.stance.value is None
    assert w.codebook.selected_index is None and "supports or cooperates" in w.codebook.children[0].value
    assert "coding-reveal" not in w.reveal.value and "Save your answer to see" in w.reveal.value
    assert w.save.disabled and w.forward.disabled and w.change.layout.display == "none"
    w.speaker.value, w.stance.value = "Ana Ruiz", "AGAINST"
    assert not w.save.disabled
    w.save.click()
    assert "Automatic label: <b>AGAINST</b>" in w.reveal.value and "Reference coding: <b>AGAINST</b>" in w.reveal.value
    assert coding.load("ana", tmp_path)["stance"].tolist() == ["AGAINST"]
    w.forward.click()
    assert "Quotation 2 of 3" in w.quotation.value and "coding-reveal" not in w.reveal.value
    again = coding.widget(UNITS, name="ana", folder=tmp_path)      # a restarted kernel: the same file
    assert "Quotation 2 of 3" in again.parts.quotation.value
    assert again.parts.progress.value == 1


def test_once_the_reference_is_shown_the_answer_is_locked_and_a_change_is_a_second_answer(tmp_path):
    w = coding.widget(UNITS, name="Ana", folder=tmp_path).parts
    w.speaker.value, w.stance.value = "Ana Ruiz", "AGAINST"
    w.save.click()
    assert w.speaker.disabled and w.stance.disabled and w.save.disabled          # locked once the reference shows
    assert w.change.layout.display is None and w.change.description == "Change my answer"
    w.stance.value = "NONE"                                                       # (the buttons are disabled) ...
    w.save.click()                                                                # ... and Save does not overwrite
    assert coding.load("ana", tmp_path)["stance"].tolist() == ["AGAINST"]
    w.change.click()
    assert not w.stance.disabled and not w.speaker.disabled and w.save.description == "Save my changed answer"
    assert "Changing your answer" in w.reveal.value and w.change.description == "Keep my first answer"
    w.change.click()                                                              # keep the first after all
    assert w.stance.disabled and w.stance.value == "AGAINST" and w.save.description == "Save my answer"
    w.change.click()
    w.stance.value = "NONE"
    w.save.click()
    saved = coding.load("ana", tmp_path)
    assert saved[["unit", "stance", "attempt", "coder"]].values.tolist() == [["a:10-20", "AGAINST", 1, "Ana"],
                                                                           ["a:10-20", "NONE", 2, "Ana"]]
    assert w.stance.disabled and w.save.disabled
    assert "Your answer: <b>AGAINST</b>" in w.reveal.value and "Changed after seeing the reference: <b>NONE</b>" in w.reveal.value
    w.forward.click()
    w.back.click()                                                                # Previous shows it, still locked
    assert "Quotation 1 of 3" in w.quotation.value and w.stance.disabled and w.speaker.disabled and w.save.disabled
    assert "Changed after seeing the reference" in w.reveal.value
    assert coding.table(UNITS, coding.coders(tmp_path))["Ana"].tolist()[0] == "AGAINST"
    assert w.progress.value == 1 and "1 of 3 coded" in w.counter.value           # quotations coded, not answers


def test_the_widget_takes_any_name_and_refuses_one_that_is_not_the_files(tmp_path):
    w = coding.widget(UNITS, name="  Ana   María ", folder=tmp_path).parts
    assert w.name.value == "Ana María" and coding.path_for("Ana María").name in w.message.value
    w.speaker.value, w.stance.value = "Ana Ruiz", "AGAINST"
    w.save.click()
    assert coding.load("ana maría", tmp_path)["coder"].tolist() == ["Ana María"]
    again = coding.widget(UNITS, name="ANA MARÍA", folder=tmp_path).parts       # resumes as the coder who started
    assert again.name.value == "Ana María" and "<b>Ana María</b>: 1 of 3 coded" in again.counter.value
    coding.record("Ana Lopez", UNITS.iloc[0], "Ana Ruiz", "NONE", tmp_path)
    other = coding.widget(UNITS, name="Ana-Lopez", folder=tmp_path).parts
    assert "holds the answers of &#x27;Ana Lopez&#x27;, not &#x27;Ana-Lopez&#x27;" in other.message.value
    assert other.work.layout.display == "none" and not other.start.disabled
    empty = coding.widget(UNITS, name="!!!", folder=tmp_path).parts
    assert "coder name: expected 1-40 characters" in empty.message.value


def test_the_chosen_option_is_filled_bold_and_checked():
    css = coding.STYLE
    assert ".widget-toggle-button.mod-active:disabled" in css and "background: #000; color: #fff; font-weight: 700" in css
    assert 'content: "\\2713' in css and "label:has(input:checked)" in css


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
