"""Hand-written articles for the digest tests: one story told by two outlets, and others."""

from __future__ import annotations

from tests.support.articles import ENERGY

PORT_STRIKE_EXAMPLE = """\
Dock workers at the port of Harwick ended a two-week strike on Thursday after the Harwick Port Authority agreed to a 7 percent pay rise over two years.
The walkout had left more than 40 container ships waiting offshore and cost exporters an estimated 300 million pounds, according to the Chamber of Shipping.
"This deal recognises the work our members do in all weathers," said Maria Okafor, general secretary of the Transport Union.
The Harwick Port Authority said the agreement was affordable and would not raise charges for shipping lines.
The Chamber of Shipping disputed that claim, saying that port charges would rise by next spring.
Port director Alan Reeve said normal operations would resume by Monday.
"""

PORT_STRIKE_OTHER = """\
The two-week strike at Harwick port is over. Dock workers voted on Thursday to accept a pay rise of 7 percent spread over two years from the Harwick Port Authority.
About 40 container ships had queued offshore during the walkout, which the Chamber of Shipping estimates cost exporters 300 million pounds.
Maria Okafor, who leads the Transport Union, said the deal "recognises the work our members do in all weathers."
The Harwick Port Authority insisted the pay deal was affordable and that shipping lines would not face higher charges.
Alan Reeve, the port director, expects normal operations to resume by Monday, though the backlog of containers may take weeks to clear.
"""

ENERGY_BILLS = ENERGY  # the same article the handler tests paste

WIND_FARM = """\
The government approved a 1.5 gigawatt offshore wind farm off the Norfolk coast on Wednesday, the largest energy project signed off this year.
Energy Secretary Ed Miliband said the farm would power two million homes and cut household bills over the long term.
Residents of the coastal village of Cley said the onshore cable route would damage farmland and protected marshes.
"We were never properly consulted," said parish councillor Tom Hardy.
The developer, Northwind Energy, said construction would begin in 2027 and create 900 jobs.
Conservation groups said they would consider a legal challenge to the planning decision.
"""

ENERGY_BILLS_LATER = """\
Energy Secretary Ed Miliband said on Friday that suppliers had refused to pass on lower wholesale costs, and that the government would cap standing charges by law.
Suppliers said the cap would force smaller firms out of the market.
Ofgem said it would publish a review of standing charges in May.
Ofgem denied that it had delayed the review to protect the profits of large suppliers.
"Families cannot wait for another review," said Dame Clare Moriarty, chief executive of Citizens Advice.
Analysts at Cornwall Insight said a legal cap could raise unit prices instead.
"""

PORT_STRIKE_WIRE = """\
Harwick, Thursday. Stevedores in Harwick returned to work after union members backed a pay offer worth 7 percent over two years, closing a fortnight of industrial action.
Shipping lines had diverted vessels to other harbours while some 40 ships sat at anchor. Exporters lost around 300 million pounds, the Chamber of Shipping estimated.
Transport Union chief Maria Okafor welcomed the settlement. The port authority said its finances could absorb the rise.
Director Alan Reeve expects full operations on Monday.
"""
