"""Saved web pages for the web-page reader's tests, written here rather than downloaded."""

from __future__ import annotations

import base64
import quopri

ARTICLE_TITLE = "Harbour town votes to rebuild its storm wall"
ARTICLE_AUTHOR = "Maren Okafor"
ARTICLE_PUBLISHED = "2026-10-14"

ARTICLE_PARAGRAPHS = [
    ARTICLE_TITLE,
    "Councillors in Port Ellery voted 7 to 2 on Tuesday night to rebuild the town’s "
    "crumbling storm wall, ending a dispute that has run since the surge of 2023.",
    "The new wall will rise 1.4 metres above the old one and run 820 metres from the "
    "ferry slip to the lifeboat station, the council’s engineer, Tomas Brink, told the meeting.",
    "“We have patched this wall eleven times in three years,” Brink said. "
    "“Another patch would be money poured into the sea.”",
    "What the plan costs",
    "The works are priced at £6.2 million, of which the regional fund has promised "
    "£4 million. The rest would come from two sources:",
    "a levy of £38 a year on harbour-front businesses for ten years;",
    "the sale of the disused net store on Quay Lane.",
    "Opponents, led by councillor Ada Fenwick, argued that the levy would drive small "
    "traders away. “The sea is not the only thing that can empty a harbour,” she said.",
    "Construction is due to start in March and take two winters to finish.",
]
"""The article's paragraphs as a reader should give them: the headline (the byline is not
text of the article), then the body, where the subhead and each list item stand alone."""

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour town votes to rebuild its storm wall | The Coastal Courier</title>
<meta property="og:title" content="Harbour town votes to rebuild its storm wall">
<meta property="og:type" content="article">
<meta name="author" content="Maren Okafor">
<meta property="article:published_time" content="2026-10-14T18:30:00+01:00">
<meta name="description" content="Councillors back a £6.2m plan after a three-year dispute.">
<style>
  body { font-family: Georgia, serif; }
  .cookie-banner { position: fixed; bottom: 0; } /* STYLE TEXT MUST NOT APPEAR */
</style>
<script type="application/ld+json">
{
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  "headline": "Harbour town votes to rebuild its storm wall",
  "datePublished": "2026-10-14T18:30:00+01:00",
  "author": {"@type": "Person", "name": "Maren Okafor"},
  "publisher": {"@type": "Organization", "name": "The Coastal Courier"}
}
</script>
<script>
  window.dataLayer = window.dataLayer || [];
  document.write("SCRIPT TEXT MUST NOT APPEAR");
</script>
</head>
<body>
<div id="cookie-consent" class="cookie-banner">
  <p>We use cookies to improve your experience on our site. By continuing to browse you
  agree to our use of cookies and our privacy policy.</p>
  <button>Accept all cookies</button> <button>Manage preferences</button>
</div>
<header class="site-header">
  <a class="logo" href="/">The Coastal Courier</a>
  <nav class="main-nav">
    <ul>
      <li><a href="/news">News</a></li>
      <li><a href="/sport">Sport</a></li>
      <li><a href="/business">Business</a></li>
      <li><a href="/weather">Weather</a></li>
      <li><a href="/subscribe">Subscribe today</a></li>
    </ul>
  </nav>
</header>
<main>
<article class="story">
  <h1>Harbour town votes to rebuild its storm wall</h1>
  <p class="byline">By <span class="author">Maren Okafor</span>,
    <time datetime="2026-10-14T18:30:00+01:00">14 October 2026</time></p>
  <div class="story-body">
    <p>Councillors in Port Ellery voted 7 to 2 on Tuesday night to rebuild the town’s
    crumbling storm wall, ending a dispute that has run since the surge of 2023.</p>
    <p>The new wall will rise 1.4 metres above the old one and run 820 metres from the
    ferry slip to the lifeboat station, the council’s engineer, Tomas Brink, told the
    meeting.</p>
    <div class="ad-slot advertisement" id="ad-mpu-1">
      <p>Advertisement</p>
      <p>Buy now: sea-view apartments from £199,000. Limited offer!</p>
    </div>
    <p>“We have patched this wall eleven times in three years,” Brink said. “Another
    patch would be money poured into the sea.”</p>
    <h2>What the plan costs</h2>
    <p>The works are priced at £6.2 million, of which the regional fund has promised
    £4 million. The rest would come from two sources:</p>
    <ul>
      <li>a levy of £38 a year on harbour-front businesses for ten years;</li>
      <li>the sale of the disused net store on Quay Lane.</li>
    </ul>
    <p>Opponents, led by councillor Ada Fenwick, argued that the levy would drive small
    traders away. “The sea is not the only thing that can empty a harbour,” she said.</p>
    <p>Construction is due to start in March and take two winters to finish.</p>
  </div>
  <aside class="related-stories">
    <h3>Related stories</h3>
    <ul>
      <li><a href="/news/ferry-timetable">Ferry timetable cut for winter</a></li>
      <li><a href="/news/lifeboat-appeal">Lifeboat appeal passes its target</a></li>
      <li><a href="/news/net-store">Net store sale attracts three bidders</a></li>
    </ul>
  </aside>
  <section class="comments" id="comments">
    <h3>Comments (2)</h3>
    <div class="comment"><p>About time! My cellar flooded twice last winter.</p></div>
    <div class="comment"><p>Who pays when the levy runs out? Nobody has said.</p></div>
  </section>
</article>
</main>
<footer class="site-footer">
  <p>© 2026 The Coastal Courier. All rights reserved.</p>
  <ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul>
</footer>
<script>console.log("FOOTER SCRIPT MUST NOT APPEAR");</script>
</body>
</html>
"""

LEAKED = [
    "cookies",
    "Subscribe",
    "Advertisement",
    "Buy now",
    "Related stories",
    "Ferry timetable",
    "cellar flooded",
    "All rights reserved",
    "MUST NOT APPEAR",
    "dataLayer",
    "font-family",
]
"""Text from the page's furniture that must not reach the document."""

NAV_ONLY_PAGE = """<!DOCTYPE html>
<html><head><title>Site map</title></head>
<body>
<header><nav><ul>
  <li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
  <li><a href="/weather">Weather</a></li>
</ul></nav></header>
<footer><a href="/privacy">Privacy</a></footer>
</body></html>
"""

SIMPLE_PAGE = """<html><body>
<p>The ferry to Skarholm will run twice a day from Monday, the operator said.</p>
<p>Winter sailings had been cut to one a day after the engine fault in August.</p>
<p>Tickets bought for cancelled sailings will be refunded in full.</p>
</body></html>
"""
SIMPLE_PARAGRAPHS = [
    "The ferry to Skarholm will run twice a day from Monday, the operator said.",
    "Winter sailings had been cut to one a day after the engine fault in August.",
    "Tickets bought for cancelled sailings will be refunded in full.",
]


def mhtml(html: str, *, location: str = "https://courier.example/news/storm-wall") -> bytes:
    """``html`` saved as a single file the way Chrome does: MIME multipart/related, the page
    quoted-printable, plus a stylesheet and an image part."""
    page = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    image = base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(32)).decode("ascii")
    boundary = "----MultipartBoundary--Xq8ZkR2d3bT4vWm5nYp0sLcA9fJ6hGe1----"
    parts = [
        "From: <Saved by Blink>",
        f"Snapshot-Content-Location: {location}",
        "Subject: Harbour town votes to rebuild its storm wall | The Coastal Courier",
        "Date: Wed, 15 Oct 2026 09:12:44 +0100",
        "MIME-Version: 1.0",
        "Content-Type: multipart/related;",
        '\ttype="text/html";',
        f'\tboundary="{boundary}"',
        "",
        "",
        f"--{boundary}",
        "Content-Type: text/html",
        "Content-ID: <frame-0@mhtml.blink>",
        "Content-Transfer-Encoding: quoted-printable",
        f"Content-Location: {location}",
        "",
        page,
        f"--{boundary}",
        "Content-Type: text/css",
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Location: https://courier.example/site.css",
        "",
        "body { margin: 0; }",
        f"--{boundary}",
        "Content-Type: image/png",
        "Content-Transfer-Encoding: base64",
        "Content-Location: https://courier.example/logo.png",
        "",
        image,
        f"--{boundary}--",
        "",
    ]
    return "\r\n".join(parts).encode("ascii")
