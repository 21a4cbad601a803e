"""Articles written for the tests (invented names and places), and one way to serve them as a page."""

from __future__ import annotations

from html import escape

HANDWRITTEN = """\
Prime Minister Lena Sorvik told Chancellor Otto Brandt to "stop alarming the markets" about the threat of a currency crisis, Reuters reported, citing a senior Finnish official.
Brandt and Sorvik spoke by phone on Monday as tensions rose over the shared currency.
The Finnish official told Reuters that the call "ended badly." The chancellery told the agency that account was false.
Mia Kask, the chancellery spokesperson, tweeted: "This is not true. Chancellor Brandt said that a crisis could come in the spring. Claims of anything more are false."
"As of now, there are no grounds to believe the currency will collapse," finance minister Arvo Linn told parliament on Tuesday.
The central bank repeatedly denies that it is preparing an emergency rate rise.
Sweden and Norway have warned of a looming crisis, though officials in Finland and Estonia appear less convinced.
"""

ENERGY = """\
The energy regulator Ofgem said on Monday that household bills would fall by a tenth in April, after wholesale gas prices eased through the winter.
Consumer groups welcomed the cut but said bills remained far above their level of three years ago.
"Families are still paying hundreds of pounds more than before the crisis," said Dame Clare Moriarty, chief executive of Citizens Advice.
Energy Secretary Ed Miliband said the government would press suppliers to pass on lower costs quickly.
Suppliers denied that they had been slow to cut prices, pointing to fixed deals signed last year.
Analysts at Cornwall Insight expect prices to stay flat through the summer.
"""


def article_html(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in body.strip().splitlines())
    return (f"<!doctype html><html><head><title>{escape(title)}</title>"
            f"<meta property='og:site_name' content='Test News'></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{escape(title)}</h1>{paragraphs}"
            f"</article><footer>© Test News</footer></body></html>")
