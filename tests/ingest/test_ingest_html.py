"""HTML pages: body via trafilatura, metadata, figcaptions to captions; nav/footer/comments out."""

from __future__ import annotations

from datetime import date

import pytest

from detente.ingest import read_inputs
from detente.ingest.html import read_page
from detente.ingest.lexicon import Lexicon

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Envoys resume strategic talks in Geneva | The Northern Herald</title>
  <meta property="og:title" content="Envoys resume strategic talks in Geneva">
  <meta property="og:site_name" content="The Northern Herald">
  <meta property="article:published_time" content="2021-06-17T08:30:00+00:00">
  <link rel="canonical" href="https://herald.example/world/envoys-resume-talks">
</head>
<body>
  <header>
    <a class="skip" href="#main">Skip to main content</a>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
      <li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
    <div class="ticker">Breaking News</div>
  </header>
  <main id="main">
    <article>
      <h1>Envoys resume strategic talks in Geneva</h1>
      <p class="byline">By Ann Lee</p>
      <p>GENEVA - Envoys from the two countries met on Wednesday to resume strategic stability
         talks that had been frozen for more than a year, officials on both sides said.</p>
      <figure>
        <img src="/img/villa.jpg" alt="">
        <figcaption>Delegations arrive at the lakeside villa, June 16, 2021. Photo: Kari Lund</figcaption>
      </figure>
      <p>The talks lasted four hours and ended with a joint statement committing both
         governments to further rounds of expert meetings before the end of the year.</p>
      <p>"We agreed to keep talking, which is already something," one of the envoys told
         reporters outside the villa after the session ended.</p>
      <div class="share">Share on Facebook Share on Twitter</div>
    </article>
  </main>
  <section id="comments" class="comments">
    <h2>Comments</h2>
    <div class="comment"><p>Great reporting, thanks for covering this so quickly!</p></div>
    <div class="comment"><p>I doubt anything will come of these talks, honestly.</p></div>
  </section>
  <footer>
    <p>Copyright 2021 The Northern Herald. All rights reserved.</p>
    <a href="/about">About us</a> <a href="/privacy">Privacy policy</a>
  </footer>
</body>
</html>
"""


@pytest.fixture(scope="module")
def page():
    return read_page(PAGE, Lexicon.load())


def test_body_without_navigation_footer_comments(page):
    assert page.text.startswith("GENEVA - Envoys from the two countries met on Wednesday")
    assert "strategic stability talks" in " ".join(page.text.split())
    assert "We agreed to keep talking" in page.text
    for debris in (
        "Skip to main content",
        "Home",
        "Breaking News",
        "Great reporting",
        "I doubt",
        "Copyright",
        "Privacy policy",
        "Share on Facebook",
        "About us",
    ):
        assert debris not in page.text


def test_paragraphs_are_separated_by_blank_lines(page):
    assert page.text.count("\n\n") == 2


def test_title_metadata_and_url(page):
    assert page.title == "Envoys resume strategic talks in Geneva"
    assert page.title not in page.text
    assert page.url == "https://herald.example/world/envoys-resume-talks"
    assert page.source == "The Northern Herald"


def test_published_time_meta_is_the_given_date(page):
    assert page.published == date(2021, 6, 17)


def test_figcaption_goes_to_captions_not_text(page):
    assert page.captions == ("Delegations arrive at the lakeside villa, June 16, 2021. Photo: Kari Lund",)
    assert "lakeside villa, June 16" not in page.text


def test_no_date_guessed_from_the_text_when_the_page_has_no_date_metadata():
    html = PAGE.replace('<meta property="article:published_time" content="2021-06-17T08:30:00+00:00">', "")
    assert read_page(html, Lexicon.load()).published is None


def test_known_site_name_is_canonical():
    html = PAGE.replace('content="The Northern Herald"', 'content="Voice of America"')
    assert read_page(html, Lexicon.load()).source == "VOA"


def test_html_file_is_read_with_doc_id_and_sha(tmp_path):
    (tmp_path / "talks.html").write_text(PAGE, encoding="utf-8")
    (article,) = list(read_inputs([str(tmp_path)], None))
    assert article.doc_id == "talks"
    assert article.title == "Envoys resume strategic talks in Geneva"
    assert len(article.sha256) == 64


def test_declared_legacy_charset_is_honoured(tmp_path):
    html = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("Envoys from", "Envoys from Zürich and")
    (tmp_path / "legacy.htm").write_bytes(html.encode("iso-8859-1"))
    (article,) = list(read_inputs([str(tmp_path / "legacy.htm")], None))
    assert "Zürich" in article.text
