"""Article pages: trafilatura finds the body, the title and the metadata; figure captions are
kept apart; the body then goes through the same debris rules as scraped text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

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
    for node in tree.xpath(
        "//figcaption | //figure//*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
    ):
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


# Markup after the page's end (a stray </body> or </html> before the text goes on): parsers stop
# or restructure there, and trafilatura then loses the sentences that follow.
_BROKEN = re.compile(
    r"</(?:body|html)\s*>\s*(?:<!--.*?-->\s*)*[^\s<]|</(?:body|html)\s*>\s*<(?!/?(?:body|html)\b|!--)", re.I | re.S
)
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "iframe"})
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "article",
        "section",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "figure",
        "figcaption",
        "hr",
        "dd",
        "dt",
        "dl",
        "body",
        "html",
    }
)


class _TextOnly(HTMLParser):
    """Every text of a page outside scripts and styles, a paragraph per block element. No tree is
    built, so any depth of nesting and any stray end tag read the same."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def text_only(html: str) -> str:
    """The page's text without its markup: paragraphs separated by a blank line."""
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    paragraphs = (" ".join(chunk.split()) for chunk in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def read_page(html: str, lexicon: Lexicon) -> Page:
    """The article in an HTML page. Its text is empty when no article body could be found.

    When the markup is broken (text after the page's end) or too deep for the parser, the text
    extracted without markup is compared, and the longer of the two kept."""
    page = _extracted(html, lexicon)
    if page.text and not _BROKEN.search(html):
        return page
    plain = clean(text_only(html), lexicon)
    if len(plain.text) <= len(page.text):
        return page
    return Page(
        text=plain.text,
        title=page.title or plain.title,
        captions=page.captions or plain.captions,
        source=page.source or find_source(plain.text, plain.title, lexicon) or plain.source,
        url=page.url,
        published=page.published or plain.published,
    )


def _extracted(html: str, lexicon: Lexicon) -> Page:
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
    if extracted is None or isinstance(extracted, dict) or not (extracted.text or "").strip():
        return Page(text="", title=None, captions=(), source=None, url=None, published=None)
    captions = _captions(html)
    title = " ".join(extracted.title.split()) if extracted.title else None
    caption_keys = {" ".join(c.split()).casefold() for c in captions}
    # trafilatura separates paragraphs with one newline; scraped text and our output use a blank line.
    lines = [ln for ln in (extracted.text or "").split("\n") if " ".join(ln.split()).casefold() not in caption_keys]
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
