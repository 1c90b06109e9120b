"""One invented news story in several formats, for tests that a story reads the same
whatever file it comes in: the paragraphs themselves, and a saved web page around them."""

from __future__ import annotations

from html import escape

STORY_TITLE = "Volunteers keep Millbrook library open on Sundays"

_PARAGRAPHS = (
    "Millbrook’s central library will open on Sundays from 4 January, after 46 volunteers "
    "offered to staff the building between 11 a.m. and 4 p.m. each week.",
    "The county council closed the library on Sundays in 2024 to save £52,000 a year, "
    "a decision that drew a petition of 3,100 signatures.",
    "“People told us Sunday was the only day they could bring their children,” said Nadia "
    "Osei, who chairs the Friends of Millbrook Library. “So we asked what it would take.”",
    "Under the agreement, two paid librarians will work each Sunday shift alongside at "
    "least four volunteers, who will run the lending desk and the children’s corner.",
    "The council’s cabinet member for culture, Graham Pell, said the arrangement would "
    "cost about £9,500 a year, mostly for heating and security.",
    "Unison, the union that represents library staff, said it would watch closely to make "
    "sure volunteers did not replace paid posts on other days of the week.",
    "Volunteers must complete a two-day training course and a background check before "
    "their first shift; the first course runs on 13 December.",
    "The library’s Saturday opening hours, 9 a.m. to 5 p.m., are unchanged.",
)


def story_paragraphs() -> list[str]:
    """The story's eight paragraphs, in order, as every reader should give them."""
    return list(_PARAGRAPHS)


def story_text() -> str:
    """The story as a plain-text file: paragraphs separated by blank lines."""
    return "\n\n".join(_PARAGRAPHS) + "\n"


def story_html() -> str:
    """The story as a saved news page: exactly the eight paragraphs as ``<p>`` elements of
    an ``<article>``, with a menu, a cookie notice, adverts and a footer around it."""
    body = "\n".join(f"    <p>{escape(paragraph, quote=False)}</p>" for paragraph in _PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>{STORY_TITLE} – Millbrook Gazette</title>
  <meta property="og:title" content="{STORY_TITLE}">
  <meta name="author" content="Priya Landsman">
  <meta property="article:published_time" content="2026-11-20T07:45:00Z">
  <script>var adSlots = ["top", "mpu"]; function track() {{ return "TRACKER"; }}</script>
</head>
<body>
  <div class="cookie-notice" role="dialog">
    <p>This website uses cookies. By clicking accept you agree to our cookie policy.</p>
    <button>Accept</button>
  </div>
  <header>
    <nav>
      <a href="/">Home</a> <a href="/news">News</a> <a href="/whats-on">What’s on</a>
      <a href="/jobs">Jobs</a> <a href="/subscribe">Subscribe</a>
    </nav>
  </header>
  <div class="advert leaderboard"><p>Advertisement</p><p>Millbrook Motors: 0% finance
  on all used cars this weekend only.</p></div>
  <main>
  <article>
{body}
  </article>
  <aside class="most-read">
    <h2>Most read</h2>
    <ol>
      <li><a href="/news/1">Bypass roadworks delayed again</a></li>
      <li><a href="/news/2">School wins national chess title</a></li>
    </ol>
  </aside>
  </main>
  <footer><p>© 2026 Millbrook Gazette Ltd. Registered in England.</p></footer>
</body>
</html>
"""
