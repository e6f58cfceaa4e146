"""Measure a slide deck as a class sees it: text size as drawn, words, scrolling, speaker notes.

:func:`walk` opens a reveal.js deck in a real browser (playwright driving the
system's Chromium), presses the right arrow through every slide and measures
each one on screen; :func:`problems` holds the measurements against the
classroom limits of :data:`LIMITS`; :func:`summary` gives one row per deck.
``python -m helpers deckcheck slides/`` prints that table.

What is measured, slide by slide (the slide on screen, never its speaker notes):

* **text**: the font size of every visible text outside the charts, as drawn
  (the computed size times reveal.js's scale); captions and sources
  (``.caption``, ``.source``) have their own, smaller limit;
* **chart text**: every text a plotly chart draws (ticks, legend, labels,
  annotations, drop-downs, sliders) and its title;
* **words**: the words of the slide outside its charts (tokens holding a letter);
* **scrolls**: anything that lies off screen, or a box that has to be scrolled
  to be read (an arrow key or a clicker moves to the next slide instead);
* **notes**: the length of the slide's speaker notes.
"""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("SANCTUARY_CHROMIUM", "/usr/bin/chromium"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]
SIZES = {"1024x768": (1024, 768), "1280x720": (1280, 720)}  # a school projector and a 16:9 screen

#: The classroom limits: text at 24 px or more (captions and sources 18), chart text at 14 px or more
#: (chart titles 20), at most 40 words outside the charts, nothing to scroll, speaker notes on every slide.
LIMITS = {"text": 24.0, "caption": 18.0, "chart": 14.0, "chart title": 20.0, "words": 40, "notes": 1}

_MEASURE = """() => {
  const slide = Reveal.getCurrentSlide();
  const scale = Reveal.getScale ? Reveal.getScale() : 1;
  const vw = innerWidth, vh = innerHeight;
  const visible = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && +s.opacity !== 0; };
  let text = Infinity, caption = Infinity, words = 0, offscreen = [];
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT, {acceptNode: n =>
    (n.parentElement.closest('aside.notes, .js-plotly-plot, svg, script, style')
     || (n.parentElement.closest('details:not([open])') && !n.parentElement.closest('summary'))) ? NodeFilter.FILTER_REJECT
      : (n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP)});
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!visible(el)) continue;
    const size = parseFloat(getComputedStyle(el).fontSize) * scale;
    if (el.closest('.caption, .source')) caption = Math.min(caption, size); else text = Math.min(text, size);
    words += n.textContent.split(/\\s+/).filter(w => /[A-Za-z\\u00C0-\\u024F]/.test(w)).length;
    const range = document.createRange(); range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width && (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1)) {
        offscreen.push(n.textContent.trim().slice(0, 40)); break; }
    }
  }
  let chart = Infinity, chartTitle = Infinity, charts = 0;
  slide.querySelectorAll('.js-plotly-plot').forEach(plot => {
    charts += 1;
    plot.querySelectorAll('text, tspan').forEach(t => {
      if (!t.textContent.trim() || !visible(t)) return;
      if (t.tagName === 'text' && t.querySelector('tspan') && ![...t.childNodes].some(c => c.nodeType === 3 && c.textContent.trim())) return;
      const size = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (t.closest('.g-gtitle')) chartTitle = Math.min(chartTitle, size); else chart = Math.min(chart, size);
      const r = t.getBoundingClientRect();
      if (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1) offscreen.push('chart text ' + t.textContent.trim().slice(0, 30));
    });
  });
  const boxes = [slide, ...slide.querySelectorAll('*')].filter(el => !el.closest('aside.notes, .js-plotly-plot, svg'))
    .filter(el => { const s = getComputedStyle(el); return (el === slide || /(auto|scroll)/.test(s.overflowY + s.overflowX))
      && (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2); });
  const notes = slide.querySelector('aside.notes');
  const heading = slide.querySelector('h1, h2, h3');
  const inf = v => (v === Infinity ? null : Math.round(v * 10) / 10);
  return {heading: heading ? heading.textContent.trim().slice(0, 60) : '', text: inf(text), caption: inf(caption),
          chart: inf(chart), chart_title: inf(chartTitle), charts, words, offscreen: offscreen.slice(0, 3),
          scroll_boxes: boxes.length, notes: notes ? notes.textContent.trim().length : 0};
}"""


def browser_available() -> bool:
    """Return whether the system Chromium the measurements need is installed."""
    return CHROMIUM.is_file()


def _settle(page) -> None:
    page.wait_for_function("() => { const s = Reveal.getCurrentSlide(); return !s.querySelector('.js-plotly-plot')"
                           " || s.dataset.fitted === 'yes'; }", timeout=20000)


def walk(browser, deck: str | Path, size: str = "1024x768") -> list[dict]:
    """Return one measurement per slide of ``deck``, walking it with the right arrow at ``size``.

    ``browser`` is a playwright browser. Each row holds the slide's position
    (``slide``, from 1), its heading, the smallest text (``text``, ``caption``,
    ``chart``, ``chart_title``: px as drawn, ``None`` where there is none),
    ``charts``, ``words``, what lies off screen, how many boxes scroll and the
    length of the speaker notes.
    """
    width, height = SIZES[size]
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(Path(deck).resolve().as_uri())
        page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=30000)
        rows = []
        for step in range(page.evaluate("() => Reveal.getTotalSlides()")):
            _settle(page)
            row = page.evaluate(_MEASURE)
            rows.append({"slide": step + 1, **row})
            page.keyboard.press("ArrowRight")
        return rows
    finally:
        page.close()


def problems(rows: list[dict], limits: dict = LIMITS) -> list[str]:
    """Return one line per slide measurement that breaks a classroom limit.

    >>> problems([{"slide": 1, "heading": "A", "text": 17.6, "caption": None, "chart": 9.7, "chart_title": None,
    ...            "words": 120, "offscreen": [], "scroll_boxes": 1, "notes": 0}])
    ['slide 1 (A): text 17.6 px < 24', 'slide 1 (A): chart text 9.7 px < 14', 'slide 1 (A): 120 words > 40', 'slide 1 (A): 1 box to scroll', 'slide 1 (A): no speaker notes']
    """
    out = []
    for r in rows:
        where = f"slide {r['slide']} ({r['heading']})"
        for key, name in (("text", "text"), ("caption", "caption"), ("chart", "chart text"), ("chart_title", "chart title")):
            limit = limits["chart title" if key == "chart_title" else key]
            if r[key] is not None and r[key] < limit - 0.05:
                out.append(f"{where}: {name} {r[key]} px < {limit:g}")
        if r["words"] > limits["words"]:
            out.append(f"{where}: {r['words']} words > {limits['words']}")
        if r["offscreen"]:
            out.append(f"{where}: off screen: {'; '.join(r['offscreen'])}")
        if r["scroll_boxes"]:
            out.append(f"{where}: {r['scroll_boxes']} box to scroll")
        if r["notes"] < limits["notes"]:
            out.append(f"{where}: no speaker notes")
    return out


def summary(rows: list[dict]) -> dict:
    """Return one deck's figures: slides, smallest text and chart text, most words, slides to scroll, slides with notes.

    >>> summary([{"slide": 1, "heading": "", "text": 30, "caption": 18, "chart": None, "chart_title": None,
    ...           "words": 12, "offscreen": [], "scroll_boxes": 0, "notes": 80}])["passing"]
    1
    """
    def least(key):
        values = [r[key] for r in rows if r[key] is not None]
        return min(values) if values else None
    texts = [v for v in (least("text"), least("caption")) if v is not None]
    return {"slides": len(rows), "smallest text": min(texts) if texts else None, "smallest chart text": least("chart"),
            "most words": max((r["words"] for r in rows), default=0),
            "need scrolling": sum(bool(r["scroll_boxes"] or r["offscreen"]) for r in rows),
            "with notes": sum(r["notes"] > 0 for r in rows),
            "passing": sum(not problems([r]) for r in rows)}


def check(folder: str | Path, sizes=tuple(SIZES)) -> int:
    """Print a table of every deck in ``folder`` at each size, then every problem; return the number of problems."""
    from playwright.sync_api import sync_playwright

    decks = sorted(Path(folder).glob("*.slides.html"))
    found = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        for size in sizes:
            print(f"\n{size}: deck | slides | smallest text | smallest chart text | most words | need scrolling | with notes | passing")
            lines = []
            for deck in decks:
                rows = walk(browser, deck, size)
                s = summary(rows)
                print(f"{deck.name.split('.')[0]} | " + " | ".join(str(v) for v in s.values()))
                lines += [f"{deck.name} {size} {line}" for line in problems(rows)]
            found += len(lines)
            print("\n".join(lines))
        browser.close()
    return found
