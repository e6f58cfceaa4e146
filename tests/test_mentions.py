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
