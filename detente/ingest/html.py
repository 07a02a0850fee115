"""Article pages: trafilatura finds the body, the title and the metadata; figure captions are
kept apart; the body then goes through the same debris rules as scraped text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from detente.ingest.lexicon import Lexicon
from detente.ingest.text import clean, find_source


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    text: str
    title: str | None
    captions: tuple[str, ...]
    source: str | None
    url: str | None
    published: date | None


def _captions(html: str) -> tuple[str, ...]:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ()
    found: list[str] = []
    for node in tree.xpath("//figcaption | //figure//*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"):
        text = " ".join(node.text_content().split())
        if text and text not in found:
            found.append(text)
    return tuple(found)


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_page(html: str, lexicon: Lexicon) -> Page:
    """The article in an HTML page. Its text is empty when no article body could be found."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        # Only the page's own metadata is a "given" date: no guessing from the text, and never
        # the file's modification time (trafilatura's `filedate` is ignored).
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if extracted is None or not (extracted.text or "").strip():
        return Page(text="", title=None, captions=(), source=None, url=None, published=None)
    captions = _captions(html)
    title = " ".join(extracted.title.split()) if extracted.title else None
    caption_keys = {" ".join(c.split()).casefold() for c in captions}
    # trafilatura separates paragraphs with one newline; scraped text and our output use a blank line.
    lines = [ln for ln in extracted.text.split("\n") if " ".join(ln.split()).casefold() not in caption_keys]
    cleaned = clean("\n\n".join(lines), lexicon, title=title, find_headline=title is None)
    source: str | None = None
    if extracted.sitename:
        known = lexicon.outlets.find(extracted.sitename)
        source = known.name if known else extracted.sitename.strip()
    return Page(
        text=cleaned.text,
        title=cleaned.title,
        captions=captions + tuple(c for c in cleaned.captions if c not in captions),
        source=source or find_source(cleaned.text, cleaned.title, lexicon) or cleaned.source,
        url=extracted.url or None,
        published=_date(extracted.date) or cleaned.published,
    )
