"""Chart builders: each returns a ``plotly.graph_objects.Figure`` and does nothing else.

One module per theme: :mod:`.style` (palette, template, stance and party
codes, hover text, size for slides), :mod:`.overview` (notebook 00),
:mod:`.stance` (01), :mod:`.policies` (02), :mod:`.parties` (03) and
:mod:`.validation` (04). Every public name is available here, so
``charts.timeline(articles)`` works as before.
"""

from .coding import coder_agreement
from .overview import composition, sentiment_arc, timeline
from .parties import distinctive_terms, sentiment_by_party, stance_shares
from .policies import (DIRECTION_COLORS, DIRECTION_LABELS, compare_jurisdictions, direction_finding, policy_map,
                       policy_matrix, policy_timeline)
from .stance import (QUOTE_HOVER, RING, lexicon_agreement, polarity_subjectivity, sentiment_vs_stance, stance_by_speaker,
                     stance_over_time)
from .style import (ARTICLE_PALETTE, DATE_SYMBOLS, FONT, HEIGHT, NO_LABEL_COLORS, OKABE_ITO, PARAGRAPH_COLORS,
                    PARTY_COLORS, PARTY_SHORT, PARTY_SYMBOLS, STANCE_COLORS, STANCE_LABELS, STANCE_SHORT, TEMPLATE, TOP, slide_problems,
                    stance_color, wrap)
from .validation import MEASURES, agreement, scores_table, validation_overview

__all__ = [
    "ARTICLE_PALETTE", "DATE_SYMBOLS", "DIRECTION_COLORS", "DIRECTION_LABELS", "FONT", "HEIGHT", "MEASURES",
    "NO_LABEL_COLORS", "OKABE_ITO", "PARAGRAPH_COLORS", "PARTY_COLORS", "PARTY_SHORT", "PARTY_SYMBOLS", "QUOTE_HOVER",
    "RING", "STANCE_COLORS", "STANCE_LABELS", "STANCE_SHORT", "TEMPLATE", "TOP", "agreement", "coder_agreement", "compare_jurisdictions", "composition",
    "direction_finding", "distinctive_terms", "lexicon_agreement", "polarity_subjectivity", "policy_map",
    "policy_matrix", "policy_timeline", "scores_table", "sentiment_arc", "sentiment_by_party", "sentiment_vs_stance",
    "slide_problems", "stance_by_speaker", "stance_color", "stance_over_time", "stance_shares", "timeline",
    "validation_overview", "wrap",
]
