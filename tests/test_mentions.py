from helpers import annotate, knowledge, mentions, quotes


def _registry():
    return mentions.Registry(knowledge.Knowledge.nothing())


def test_names_roles_and_jurisdictions_from_the_text():
    reg = _registry()
    found = mentions.find("said Tom Okafor, the Sangamon County sheriff, and Gov. Laura Pennington of Utah.", reg)
    assert [(m.surface, m.role, m.jurisdiction) for m in found if m.kind == "name"] == [
        ("Tom Okafor", "sheriff", "Sangamon County"), ("Laura Pennington", "governor", "Utah")]


def test_surname_refers_back_within_an_article():
    reg = _registry()
    for m in mentions.find("Tucson Police Chief Marcus Bell spoke first.", reg):
        reg.introduce(m)
    later = mentions.find("Bell said the policy would stay.", reg)
    assert [(m.surface, m.entity, m.rule) for m in later if m.kind == "name"] == [("Bell", "marcus-bell", "surname of a name met earlier")]


def test_role_phrases_pronouns_and_documents_are_marked_for_resolution():
    found = mentions.find("Its Republican mayor said she signed the memo.", _registry())
    assert [(m.kind, m.role) for m in found] == [("role", "mayor"), ("pronoun", ""), ("document", "memo")]


def test_sentence_table_lists_actors_and_places(articles):
    kb = knowledge.load(articles=articles)
    sents = annotate.sentences(articles)
    table = quotes.mentions_table(sents, articles, kb).merge(sents, on=["article_id", "sentence"])
    row = table[table["text"].str.startswith("“We feel very strongly")].iloc[0]
    assert row["actors"] == "eric-garcetti" and row["places"] == "los-angeles"
    row = table[table["text"].str.startswith("The City of Brotherly Love")].iloc[0]
    assert row["places"] == "philadelphia"
    # a pronoun is resolved to the actor it stands for
    row = table[table["text"].str.startswith('"It is the intent of the Seattle Police')].iloc[0]
    assert "kathleen-otoole" in row["actors"].split(";")


def test_a_pattern_skipped_for_want_of_its_words_never_had_a_match(articles):
    """The word gates of :func:`mentions.find` only skip what cannot match: every corpus and real-news sentence,
    and the same cut at random places."""
    import random

    from helpers import validation

    texts = annotate.sentences(articles)["text"].tolist()
    for part in (validation.DEV_DIR, validation.BLIND_DIR):
        real = validation.load(part)
        texts += annotate.sentences(real.articles)["text"].tolist() + real.quotes["text"].tolist()
    rng = random.Random(11)
    texts += [t[rng.randrange(len(t)):] for t in texts if len(t) > 2]
    texts += ["Smith said.", "x-said Smith", "the police chief", "the new executive order", "its memo", "Ruiz, 54, said"]
    skipped = 0
    for text in texts:
        has = mentions._needed_words(text)
        for name, group in mentions.GATED.items():
            if not has[group]:
                skipped += 1
                assert getattr(mentions, name).search(text) is None, (name, text[:80])
    assert skipped > len(texts)  # and it skips often


def test_find_gives_the_same_mentions_with_and_without_the_word_gates(articles, monkeypatch):
    texts = annotate.sentences(articles)["text"].tolist()
    reg = lambda: mentions.Registry(knowledge.load())  # noqa: E731
    gated = [[vars(m) for m in mentions.find(t, r)] for r in [reg()] for t in texts]
    monkeypatch.setattr(mentions, "_needed_words", lambda text: dict.fromkeys(mentions._NEEDS, True))
    assert [[vars(m) for m in mentions.find(t, r)] for r in [reg()] for t in texts] == gated


def _found(text, reg=None):
    reg = reg or _registry()
    return [(m.surface, m.kind, m.role) for m in mentions.find(text, reg) if m.kind != "pronoun"]


def test_office_words_are_the_role_not_the_name():
    assert _found("said House Majority Leader William Lamberth, R-Portland.") == [
        ("William Lamberth", "name", "majority leader")]
    assert _found("Trump’s Border Czar warned the city.") == [("Trump’s Border Czar", "role", "border czar")]
    assert _found("The Democrat continued.") == [("Democrat", "role", "democrat")]
    assert _found("“We are done,” President Donald Trump Thursday said.")[0][:2] == ("Donald Trump", "name")


def test_names_without_a_speech_verb_and_their_gender():
    reg = _registry()
    found = mentions.find("Border Patrol Cmdr. Gregory Bovino and attorney Ann Jacobs met Ms. Ruiz.", reg)
    assert [(m.surface, m.gender) for m in found] == [("Gregory Bovino", "male"), ("Ann Jacobs", "female"), ("Ruiz", "female")]
    assert _found("Martha’s Vineyard residents and Texas Gov. Greg Abbott") == [("Greg Abbott", "name", "governor")]


def test_organisations_with_and_of_for_and_acronyms():
    assert _found("Immigration and Customs Enforcement announced a change.") == [
        ("Immigration and Customs Enforcement", "organisation", "")]
    assert _found("The group, Lawyers for Civil Rights, filed a lawsuit.") == [
        ("The group", "role", "group"), ("Lawyers for Civil Rights", "organisation", "")]
    assert _found("Charlotte-Mecklenburg Police Department and the Sheriff's Office both said so.")[0] == (
        "Charlotte-Mecklenburg Police Department", "organisation", "")
    assert _found("ICE officials said it in an email.") == [("ICE", "organisation", "")]
    assert _found("Judge John A. Mendez of the United States District Court ruled.") == [
        ("John A. Mendez", "name", "judge"), ("United States District Court", "organisation", "")]


def test_a_misspelt_surname_refers_back():
    reg = _registry()
    for m in mentions.find("Sheriff Thomas Hodgson spoke first.", reg):
        reg.introduce(m)
    assert [(m.surface, m.entity) for m in mentions.find("Hodson added.", reg)] == [("Hodson", "thomas-hodgson")]


def test_people_named_by_a_given_name_alone_or_by_their_organisation():
    assert _found("Sylvia, a street vendor who gave only her first name, said sales were down.") == [
        ("Sylvia", "name", "")]
    assert _found("Baltazar Enriquez of the Little Village Council is one of many.")[0] == (
        "Baltazar Enriquez", "name", "")
    assert _found("It was identified by DHS’s U.S. Immigration and Customs Enforcement agency.")[0] == (
        "U.S. Immigration and Customs Enforcement", "organisation", "")
