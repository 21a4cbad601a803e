"""Articles written for the tests (invented names and places), shared across test packages."""

HANDWRITTEN = """\
Prime Minister Lena Sorvik told Chancellor Otto Brandt to "stop alarming the markets" about the threat of a currency crisis, Reuters reported, citing a senior Finnish official.
Brandt and Sorvik spoke by phone on Monday as tensions rose over the shared currency.
The Finnish official told Reuters that the call "ended badly." The chancellery told the agency that account was false.
Mia Kask, the chancellery spokesperson, tweeted: "This is not true. Chancellor Brandt said that a crisis could come in the spring. Claims of anything more are false."
"As of now, there are no grounds to believe the currency will collapse," finance minister Arvo Linn told parliament on Tuesday.
The central bank repeatedly denies that it is preparing an emergency rate rise.
Sweden and Norway have warned of a looming crisis, though officials in Finland and Estonia appear less convinced.
"""
