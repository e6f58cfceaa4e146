"""The label vocabularies every module shares: stances, speech kinds, paragraph types, and their orders.

One place for each list, so that a chart's legend, a table's columns and a checker's error message
always name the same labels in the same order. Nothing here computes anything.

>>> SPEECH
('full', 'partial')
>>> [s for s in STANCE_ORDER if s in ACTOR_STANCES]
['FAVOR', 'MIXED', 'AGAINST', 'NONE']
"""

# Stance toward the federal immigration crackdown (corpus/annotations/CODEBOOK.md, section 4).
STANCES = ("FAVOR", "AGAINST", "NONE")
# An actor with both FAVOR and AGAINST quotations is MIXED; a single quotation never is.
ACTOR_STANCES = ("FAVOR", "AGAINST", "NONE", "MIXED")
# The order in which stances are shown: one side, the mixed middle, the other side, no side.
STANCE_ORDER = ("FAVOR", "MIXED", "AGAINST", "NONE")

# What sort of quotation a span is (CODEBOOK.md, section 2); only the first two are speech.
KINDS = ("full", "partial", "not speech")
SPEECH = ("full", "partial")

# Paragraph types (corpus/README.md); only body paragraphs are coded for quotations.
PARAGRAPH_TYPES = ("title", "body", "caption", "boilerplate", "section heading")
