"""Event titles stand on their own: each case is a sentence of real news (TimeBank/AQUAINT
newswire) whose title was a broken fragment before the rule it names."""

from __future__ import annotations

import datetime as dt

import pytest

from tui import sentences
from tui.events import cluster_mentions, mentions_of
from tui.temporal import tag
from tui.titles import title_for


def titles_of(sentence: str, published: str) -> dict[str, str]:
    """Date value -> title of each event the sentence makes."""
    day = dt.date.fromisoformat(published)
    found = mentions_of("s", 0, sentence, sentences.split(sentence), tag(sentence, day), day)
    return {c.value: title_for(c) for c in cluster_mentions(found)}


CASES = [
    # A date that owns a noun leaves "the", not "'s" ("NATO decided 's Madrid summit").
    ("possessive", "NATO decided at last year's Madrid summit to invite the three eastern European countries to "
     "start accession talks.", "1998-03-10", "1997", "NATO decided at the Madrid summit to invite"),
    # An opening phrase with no verb only sets the scene: the clause after it is the event
    # ("'s debate against Vacco").
    ("scene", "In Sunday's debate against Vacco, Spitzer attacked him for failing to enforce a court order "
     "against anti-abortion protesters who had blocked the entrance to a clinic.", "1998-10-26", "1998-10-25",
     "Spitzer attacked him for failing to enforce a court order"),
    ("scene", "In his Sunday Mass at St. Patrick's Cathedral in New York, Cardinal John O'Connor called the murder "
     "wrong but he urged those angered by the slaying to be equally angered by abortions.", "1998-10-25",
     "1998-10-25", "Cardinal John O'Connor called the murder wrong"),
    ("scene", "On Tuesday, the National Abortion and Reproductive Rights Action League plans to hold a news "
     "conference to screen a television advertisement _ made last week, before Slepian died _ featuring Emily "
     "Lyons, a nurse who was badly wounded earlier this year in the bombing of an abortion clinic in Alabama.",
     "1998-10-26", "1998-10-27", "The National Abortion and Reproductive Rights Action League plans to hold"),
    # … but a date that runs on past the phrase's comma ("On May 22, 1995,") is not in it alone.
    ("scene", "On May 22, 1995, Farkas was made a brigadier general, and the following year he was appointed "
     "military attache at the Hungarian embassy in Washington.", "1998-04-18", "1995-05-22",
     "Farkas was made a brigadier general"),
    # A date at the end with nothing after it takes the clause before it (the title was empty).
    ("nothing after", "The company had a net loss of C$2.3 million, or 14 Canadian cents a share, a year ago.",
     "1989-10-30", "1988", "The company had a net loss of C$2.3 million"),
    # "up from …" only qualifies the figure before it ("Down from $21.4 million").
    ("qualifier", "Net sales for this year's third quarter were $14 million, down from $21.4 million last year.",
     "1989-10-30", "1988", "Net sales for this year's third quarter were $14 million"),
    # A relative clause takes the noun it hangs on ("Which began").
    ("relative", "Bin Laden and Kopp are the 455th and 456th persons to be placed on the FBI's most wanted list, "
     "which began in 1950.", "1999-06-17", "1950", "The FBI's most wanted list began"),
    ("relative", "Starpointe holders, who approved the plan last April, will receive $21 in cash a share, or a "
     "total $63 million.", "1989-11-01", "1989-04", "Starpointe holders approved the plan"),
    ("subordinate", "The demonstrators waved red, white and blue Cuban flags on the shore of the community of "
     "Niquero, where the Granma landed on Dec. 2, 1956, with 82 armed men led by Fidel Castro.", "2000-01-10",
     "1956-12-02", "The Granma landed"),
    # A verb after appositives takes its subject from before them ("Was sent into space").
    ("subject", "Farkas, an air force captain, was sent into space on board the Soyuz 36 on May 26, 1980.",
     "1999-03-12", "1980-05-26", "Farkas was sent into space on board the Soyuz 36"),
    ("subject", "The first round of DNA tests on the hair at the FBI Laboratory here established a high probability "
     "it came from the same person as a hair found in a New Jersey home where James C. Kopp, a 44-year-old "
     "anti-abortion protester, lived last year, the official said.", "1999-01-22", "1998", "James C. Kopp lived"),
    ("appositive", "Sun, a maker of computer workstations, reported sales of $538.5 million for the quarter ended "
     "Sept. 29, up 39% from $388.5 million a year earlier.", "1989-10-20", "1988-Q3",
     "Sun reported sales of $538.5 million"),
    # A date that is one end of a span, or part of a word, stays: "declined between and 1992".
    ("span", "In 45 states, the number of doctors who performed abortions declined between 1982 and 1992.",
     "1998-10-25", "1982", "The number of doctors who performed abortions declined between 1982 and 1992"),
    ("span", "``Cubans value their families above almost anything, but the post-1959 politics have managed to "
     "split thousands of families apart,'' he said.", "2000-02-24", "1959", "The post-1959 politics have managed"),
    # A date that is the subject: what it is tells the event ("Is the eighth day of …").
    ("copula", "In Saudi Arabia, today is the eighth day of ``Desert Shield,'' the operation designed to confront "
     "an estimated 200,000 Iraqi soldiers now in Kuwait.", "1990-08-15", "1990-08-15",
     "The eighth day of “Desert Shield"),
    # A title cut to its 12 words is cut at a comma between words, not in "7,000" ("… range of 7").
    ("figure", "That is at the high end of the range of 7,000 to 8,000 employees that Unisys said a month ago "
     "would be laid off.", "1989-10-30", "1989-09", "That is at the high end of the range of 7,000"),
    # "As of …" only sets the scene; the name and its verb are the event ("Lazaro Gonzalez").
    ("scene", "As of Wednesday evening, Lazaro Gonzalez, the boy's great-uncle and temporary guardian, still had "
     "not signed an agreement to hand the child over to immigration officials.", "2000-03-29", "2000-03-29",
     "Lazaro Gonzalez still had not signed an agreement"),
    # Who said it: a body by its whole name ("Union: it had sent …"), a person by the last name.
    ("speaker", "In another mediation effort, the Soviet Union said today it had sent an envoy to the Middle East "
     "on a series of stops to include Baghdad.", "1990-08-15", "1990-08-15",
     "Soviet Union: it had sent an envoy to the Middle East"),
    # A sentence that opens with a quotation is told by it and its speaker ("Holder: when asked about
    # the violations. ``We will look …", "`` I'm here to tell you …,'' said Bernard…").
    ("quotation", "``That matter is under review,'' Deputy Attorney General Eric Holder said when asked Thursday "
     "about the violations.", "2000-02-10", "2000-02-10", "Holder: That matter is under review"),
    ("quotation", "``Today, I'm here to tell you we have our suspect,'' said Bernard Tolbert, special "
     "agent-in-charge of the FBI's Buffalo office.", "1999-05-07", "1999-05-07",
     "Tolbert: I'm here to tell you we have our suspect"),
    # What was said may come first, without quotation marks ("Zealand: response to U.S. missile …").
    ("reported", "The United States had the right to defend its citizens against terrorist actions, New Zealand "
     "said Friday in response to U.S. missile attacks on alleged terrorist sites in Sudan and Afghanistan.",
     "1998-08-20", "1998-08-14", "New Zealand: The United States had the right to defend its citizens"),
    # "``" opens a sentence: the speaker's next quotation is not in this one ("Farkas: . ``Being 48 …").
    ("sentence", "Tired of being sidelined, Hungarian astronaut Bertalan Farkas is leaving for the United States "
     "to start a new career, he said Saturday. ``Being 48 is too early to be retired,'' a fit-looking Farkas said.",
     "1998-04-18", "1998-04-18", "Hungarian astronaut Bertalan Farkas is leaving for the United States"),
    # "Dr." is not the end of the phrase ("Sniper shooting of Dr").
    ("abbreviation", "Kopp has eluded authorities since they obtained a warrant for him as a material witness in "
     "the Oct. 23 sniper shooting of Dr. Barnett Slepian, a 52-year-old obstetrician-gynecologist who performed "
     "abortions.", "1999-01-22", "1998-10-23", "Sniper shooting of Dr. Barnett Slepian"),
    # Words reported first: the speaker after them names the title, with an office ("German defense
    # minister Rudolf Scharping said") or "the" ("the Buffalo News reported") before the name. The title
    # was the bare attribution ("German defense minister Rudolf Scharping said").
    ("reported first", "Poland, Hungary and the Czech Republic can now participate in NATO strategy planning, "
     "because all NATO member states have approved their joining the alliance, German defense minister Rudolf "
     "Scharping said Saturday.", "1998-12-05", "1998-12-05",
     "Scharping: Poland, Hungary and the Czech Republic can now participate"),
    ("reported first", "Kopp purports to be a devout Roman Catholic, and the majority of jobs he has held over the "
     "past 20 years have been related to the anti-abortion movement, the U.S. Justice Department said last "
     "year.", "1999-06-07", "1998", "U.S. Justice Department: Kopp purports to be a devout Roman Catholic"),
    # … and what was said is not cut at a comma before its verb ("James Charles Kopp, 44, of Vermont…").
    ("reported first", "James Charles Kopp, 44, of Vermont, was seen in the car of a female associate crossing the "
     "US border days after a sniper killed Dr. Barnett Slepian in his kitchen, the Buffalo News reported "
     "Friday.", "1998-11-21", "1998-11-20", "Buffalo News: James Charles Kopp, 44, of Vermont, was seen"),
    # … by a speaker who goes unnamed ("A Jaguar spokesman said"), or said "here" ("Hungarian Prime Minister
    # Viktor Orban said here").
    ("reported first", "The No. 1 U.S. auto maker then wrote Jaguar that it intends \"to go to that 15%\" level "
     "once it wins the U.S. clearance to go beyond $15 million, a Jaguar spokesman said yesterday.", "1989-10-27",
     "1989-10-26", "The No. 1 U.S. auto maker then wrote Jaguar that it intends"),
    ("reported first", "Hungary's accession to NATO has brought about new changes to the political balance in "
     "central and eastern Europe, shattering the world configuration under the Yalta accord since World War II, "
     "Hungarian Prime Minister Viktor Orban said here Friday.", "1999-03-13", "1999-03-12",
     "Orban: Hungary's accession to NATO has brought about new changes"),
    # … ending in a quotation, said "over the weekend" ("Sultan said").
    ("reported first", "The Saudi \"window of vulnerability... is closing very fast,\" Prince Bandar bin Sultan, the "
     "Saudi ambassador to Washington, said over the weekend.", "1990-08-13", "1990-W32-WE",
     "Sultan: The Saudi \"window of vulnerability... is closing very fast"),
    # What was said may follow a colon ("The New York Times said in an editorial").
    ("said with a colon", "The New York Times said in an editorial on Saturday, April 25: The Supreme Court took a "
     "detour this week from the core principle of gender fairness it vindicated two years ago.", "1998-04-27",
     "1998-04-25", "New York Times: The Supreme Court took a detour"),
    # The end of a quotation is not a clause of its own ("Belongs with his father,'' Meissner said").
    ("end of a quotation", "``This little boy, who has been through so much, belongs with his father,'' Meissner "
     "said Wednesday, adding that ``the unique relationship between parent and child and family reunification "
     "has long been a cornerstone of both American immigration law and INS practice.''", "2000-01-06",
     "2000-01-05", "Meissner: This little boy, who has been through so much"),

    # The commas of "City, ST." are not the edges of a clause ("N.Y., between 1994 and 1997", "Area say
    # they have gathered …"), and "…, and one near …" is one more of a list, not a clause of its own.
    ("place", "The filing of the charges has intensified interest in Kopp as a suspect in three non-fatal sniper "
     "attacks on Canadian abortion providers, and one near Rochester, N.Y., between 1994 and 1997.", "1999-05-07",
     "1994", "The filing of the charges has intensified interest in Kopp"),
    ("place", "With the finding of a buried rifle 11 days ago, the authorities in the Buffalo, N.Y., area say they "
     "have gathered enough evidence in the October slaying of Dr. Barnett Slepian to begin presenting a murder case "
     "to a state grand jury as early as next week.", "1999-04-19", "1999-W17",
     "The authorities in the Buffalo, N.Y., area say they have gathered"),
    ("place", "Only the United States, Britain, Poland, Estonia, and Greece met the NATO spending target last year "
     "while Latvia, Lithuania, and Romania came close to the target.", "2017-05-24", "2016",
     "Only the United States, Britain, Poland, Estonia, and Greece met"),
    # "With the finding of …": the finding is the event, "with" only ties it to the sentence.
    ("opening with", "With the finding of a buried rifle 11 days ago, the authorities in the Buffalo, N.Y., area "
     "say they have gathered enough evidence.", "1999-04-19", "1999-04-08", "The finding of a buried rifle"),
    # A dash is also "----" and, on the AP wire, " _ ". An aside of dates only leaves the sentence
    # around it ("1995 and 1997 _ that three Canadian doctors"); an aside after the subject is passed
    # over to the verb ("Commemorates the dead …").
    ("dash aside", "There also are videotapes of Kopp's car crossing the Canadian border around the days _ in 1994, "
     "1995 and 1997 _ that three Canadian doctors who perform abortions were shot at.", "1999-04-19", "1995",
     "There also are videotapes of Kopp's car crossing the Canadian border"),
    ("dash aside", "Sunday's yahrtzeit service ---- a Jewish ceremony that commemorates the dead with the lighting "
     "of a 24-hour candle ---- included the lighting of candles for the seven people killed and 12 people injured in "
     "abortion-related violence since 1993.", "1999-10-24", "1993",
     "Sunday's yahrtzeit service included the lighting of candles"),
    ("dash aside", "On Tuesday, the National Abortion and Reproductive Rights Action League plans to hold a news "
     "conference to screen a television advertisement _ made last week, before Slepian died _ featuring Emily "
     "Lyons, a nurse who was badly wounded earlier this year in the bombing of an abortion clinic in Alabama.",
     "1998-10-26", "1998-W43", "A television advertisement made before Slepian died"),
    # A clause with no verb yet grows on to its verb ("FBI Director Louis Freeh").
    ("to the verb", "Last week, FBI Director Louis Freeh, on an official visit to Mexico, asked Mexican authorities "
     "to join the hunt for Kopp, federal officials have said.", "1999-01-22", "1999-W02",
     "FBI Director Louis Freeh asked Mexican authorities to join the hunt"),
    # The subject after "but", before an appositive ("Has scheduled a news conference"); a subject that
    # two verbs share ("Was found abandoned"); who said it, set aside ("Kelli Conlin is intended to …").
    ("subject", "There was no official confirmation of the decision to upgrade the warrant, but Denise O'Donnell, "
     "the U.S. attorney for the Western District of New York in Buffalo, has scheduled a news conference Thursday "
     "to announce a ``major development'' in the Slepian murder investigation.", "1999-05-05", "1999-05-06",
     "Denise O'Donnell has scheduled a news conference"),
    ("subject", "His car was spotted in Slepian's neighborhood in the weeks before the shooting, and was found "
     "abandoned at the Newark, N.J., airport in December.", "1999-05-06", "1998-12",
     "His car was found abandoned at the Newark, N.J., airport"),
    ("subject", "During his election campaign Mr Trump branded the Cold War era American-European military "
     "alliance “obsolete”, but has reneged on his promise to scrap it since entering office in January.",
     "2017-05-25", "2017-01", "Mr Trump has reneged on his promise"),
    ("subject", "The advertisement, said Kelli Conlin, the executive director of the New York State affiliate of "
     "Naral, is intended to spotlight D'Amato's vote against the 1994 Freedom of Access to Clinic Entrances Act, "
     "which Schumer sponsored.", "1998-10-26", "1994", "The advertisement is intended to spotlight"),
    # Two dates joined by "and" stay together ("aroused and early 1990s remains"), and "who" after a
    # comma opens no clause of its own ("The local religious leaders led protests have moved").
    ("two dates", "Little of the vitriol that the issue aroused in the late 1980s and early 1990s remains, residents "
     "said, and many of the local religious leaders who led the 1992 protests have moved.", "1998-10-25", "198",
     "Little of the vitriol that the issue aroused in the late 1980s"),
    ("two dates", "Little of the vitriol that the issue aroused in the late 1980s and early 1990s remains, residents "
     "said, and many of the local religious leaders who led the 1992 protests have moved.", "1998-10-25", "1992",
     "Many of the local religious leaders who led"),
    # Where it was said is not what tells of the speaker ("At a news conference in Dearborn, Mich.").
    ("quotation", "\"We will not go over a certain level,\" said David N. McCammon, Ford's vice president for "
     "finance, at a news conference yesterday in Dearborn, Mich.", "1989-10-27", "1989-10-26",
     "McCammon: We will not go over a certain level"),
    # The noun phrase of a date ends before someone's role ("Uprising as a 13-year-old").
    ("attributive", "Similarly, the Hungarian foreign minister, Janos Martonyi, who remembers the 1956 uprising as a "
     "13-year-old, said that membership of NATO meant that Hungary was returning ``to her natural habitat.''",
     "1999-03-12", "1956", "Janos Martonyi remembers"),
    # What was said is one quotation: its marks go ("LaMothe: \"Cereal volume growth …").
    ("quotation", "In announcing the plant delay, Kellogg Chairman William E. LaMothe said, \"Cereal volume growth in "
     "the U.S. has not met our expectations for 1989\".", "1989-10-30", "1989",
     "LaMothe: Cereal volume growth in the U.S. has not met our expectations"),
    # A name that ends in -ing is no opening participle ("The site closed it").
    ("subject", "MindSpring, which provided the Internet space for the site, closed it Thursday night for violating "
     "``our appropriate use policies,'' spokesman Serge Clermont said.", "1999-02-06", "1999-02-04",
     "MindSpring closed it for violating"),
    # Participles after "an" are adjectives of an appositive ("Abortion fired the shots"), and a
    # clause that ends in its subject goes on past the appositive to its verb ("… concluded that James Kopp").
    ("appositive", "Federal law enforcement officials said Wednesday that they had concluded that James Kopp, an "
     "impassioned and nomadic opponent of abortion, fired the shots that killed a Buffalo, N.Y., abortion-clinic "
     "doctor last October.", "1999-05-06", "1998-10", "James Kopp fired the shots that killed"),
    ("appositive", "Federal law enforcement officials said Wednesday that they had concluded that James Kopp, an "
     "impassioned and nomadic opponent of abortion, fired the shots that killed a Buffalo, N.Y., abortion-clinic "
     "doctor last October.", "1999-05-06", "1999-05-05", "James Kopp fired the shots that killed"),
    # A date inside someone's words stays there ("``But it's not we're worried about").
    ("in a quotation", "``But it's not tonight we're worried about.", "1999-10-24", "1999-10-24",
     "“But it's not tonight we're worried about"),
    # The wire's `` and '' are shown as quotation marks; the New York Times opens with '' too.
    ("quotation marks", "In a long verbal attack read on Iraqi television Thursday, Saddam repeatedly called Bush "
     "``a liar'' and said a shooting war could produce body bags courtesy of Baghdad.", "1990-08-16", "1990-08-16",
     "Saddam repeatedly called Bush “a liar” and said"),
    ("quotation marks", "''Elian today is the symbol of our unity,'' Castro said to cheers.", "2000-04-01",
     "2000-04-01", "“Elian today is the symbol of our unity,” Castro said"),
    # "However," links the sentence to the one before; the title stands alone.
    ("lead-in", "Up until Thursday, however, they had described him only as a material witness wanted for "
     "questioning -- not a suspect.", "1999-05-07", "1999-05-06", "They had described him only as a material witness"),
    # A lead-in word before the subject is not the subject ("Meanwhile reported net income").
    ("lead-in", "Meanwhile, Ogden Corp., which also has interests in building maintenance and management, reported "
     "third-quarter net income of $27.1 million, or 67 cents a share, more than twice the $13.5 million, or 34 cents "
     "a share, a year earlier.", "1989-10-27", "1989-Q3", "Ogden Corp. reported net income of $27.1 million"),
    # … nor does it stay as an aside ("the systems shipped, meanwhile, were").
    ("lead-in", "More than two-thirds of the systems shipped, meanwhile, were products introduced in April.",
     "1989-10-27", "1989-04", "More than two-thirds of the systems shipped were products introduced"),
    # A short sentence's opening phrase that ends with the date sets the scene
    # ("Over-the-counter trading Benjamin Franklin rose").
    ("scene", "In over-the-counter trading yesterday, Benjamin Franklin rose 25 cents to $4.25.", "1989-10-27",
     "1989-10-26", "Benjamin Franklin rose 25 cents to $4.25"),
    # A date's clause does not grow into the comparison after it ("Compared with a year-earlier loss").
    ("modifier", "RMS said it had a loss of $158,666, or 10 cents a share, in the third quarter, compared with a "
     "year-earlier loss of $26,956, or two cents a share.", "1989-10-27", "1989-Q3", "RMS said it had a loss of $158,666"),
    # A participle that only dated its noun goes with the date ("poll completed shows").
    ("dated participle", "A New York Times/CBS News poll completed Saturday shows D'Amato, a Republican seeking a "
     "fourth term, with 44 percent of the vote, to 41 percent for Schumer.", "1998-10-26", "1998-10-24",
     "A New York Times/CBS News poll shows D'Amato"),
    ("dated participle", "It was not immediately known if the arrest announced today stemmed from the indictment.",
     "1999-10-08", "1999-10-08", "It was not immediately known if the arrest stemmed from the indictment"),
    # A date that is the subject stays ("Had profit from continuing operations").
    ("no subject", "The latest period had profit from continuing operations of $4 million.", "1989-10-27",
     "1989-Q3", "The latest period had profit from continuing operations of $4 million"),
    # A relative clause after "that" takes the noun it hangs on ("Began just when the labor market …").
    ("relative", "The job figures for January extended a surge in employment gains that began last fall, just when "
     "the labor market had showed signs of cooling.", "1998-02-08", "1997-FA", "Employment gains began just when"),
    # A date after "That" leaves "The" ("That resolution calls for", as if it were a relative).
    ("relative", "That 1978 resolution calls for Israel's unconditional withdrawal from the self-declared security zone "
     "it occupies in south Lebanon.", "1998-03-01", "1978", "The resolution calls for Israel's unconditional withdrawal"),
    # A cleft whose focus is the date tells what follows its "that" ("It was not that Castro
    # revealed", the opposite of what happened).
    ("cleft", "But it was not until Tuesday that Castro revealed that those concerns had been shared directly with "
     "the U.S. government.", "2000-04-05", "2000-04-04", "Castro revealed that those concerns had been shared"),
    # The period a company reports on sets the scene for what it reported ("For the quarter
    # ended", "For its ended yesterday"), before the result or after it.
    ("period", "For the quarter ended Sept. 30, Delta posted net income of $133.1 million, or $2.53 a share, up "
     "from $100 million, or $2.03 a share, a year earlier.", "1989-10-13", "1989-09-30",
     "Delta posted net income of $133.1 million"),
    ("period", "Separately, Dominion Textile posted net income of 4.7 million Canadian dollars ($4 million), or 12 "
     "Canadian cents a share, for the fiscal-first quarter ended Sept. 30.", "1989-10-27", "1989-09-30",
     "Dominion Textile posted net income of 4.7 million Canadian dollars"),
    ("period", "Shoney's Inc. said it will report a write-off of $2.5 million, or seven cents a share, for its "
     "fourth quarter ended yesterday.", "1989-10-30", "1989-10-29", "Shoney's Inc. said it will report a write-off"),
    # A phrase that only says what came before or after ("Following a boat wreck that killed his
    # mother", "Although profits were squeezed") tells its happening without the word that ties it.
    ("subordinate", "The boy was placed in his care after being found clinging to an inner tube in the Atlantic last "
     "Thanksgiving following a boat wreck that killed his mother and 10 other people.", "2000-02-10", "1999-11-25",
     "A boat wreck that killed his mother"),
    ("subordinate", "Although profits were \" squeezed\" in 1989, mainly as a result of higher raw-material costs, "
     "the company said it is confident about future earnings and cash flow for 1990 and beyond.", "1989-11-02",
     "1989", "Profits were"),
    ("subordinate", "It has relinquished a golden share only once before -- during British Petroleum Co.'s #2.5 "
     "billion ( $4 billion ) takeover of Britoil PLC in 1988.", "1989-11-01", "1988",
     "British Petroleum Co.'s #2.5 billion"),
    # A circumstance told with "with" is what happened that day ("With the vanguard … arriving").
    ("subordinate", "Twelve Arab League nations voted for an Arab force to protect Saudi Arabia, with the vanguard of "
     "Syria's contingent arriving Tuesday, according to diplomatic sources in Riyadh, the Saudi capital.",
     "1990-08-15", "1990-08-14", "The vanguard of Syria's contingent arriving"),
    # A date standing as a noun's attribute leaves the noun its determiner ("outstanding deadline",
    # "led protests").
    ("attribute", "Sony Corp. completed its tender offer for Columbia Pictures Entertainment Inc., with Columbia "
     "shareholders tendering 99.3% of all common shares outstanding by the Tuesday deadline.", "1989-11-02",
     "1989-10-31", "Columbia shareholders tendering 99.3% of all common shares outstanding by the deadline"),
    ("attribute", "Quarterly net income this year has risen just over comparable periods in 1988, when year-end net "
     "was below the 1987 level.", "1989-11-02", "1987", "Year-end net was below the level"),
    ("subordinate", "But he said in April that it was \"no longer obsolete\" after many allies -- following repeated "
     "exhortations by senior U.S. officials earlier this year -- started making plans to increase their military "
     "spending.", "2017-05-24", "2017", "Repeated exhortations by senior U.S. officials"),
]


@pytest.mark.parametrize("rule, sentence, published, value, start", CASES, ids=[c[0] for c in CASES])
def test_title_stands_on_its_own(rule, sentence, published, value, start):
    titles = titles_of(sentence, published)
    assert titles[value].startswith(start), titles


@pytest.mark.parametrize("sentence, value, title", [
    # The period inside the clause goes whole, whichever of its words was the date ("Sun reported
    # sales of $538.5 million ended Sept. 29", "estimated earnings for its fell 50%").
    ("Sun, a maker of computer workstations, reported sales of $538.5 million for the quarter ended Sept. 29, up "
     "39% from $388.5 million a year earlier.", "1989-09-29", "Sun reported sales of $538.5 million"),
    ("Sun, a maker of computer workstations, reported sales of $538.5 million for the quarter ended Sept. 29, up "
     "39% from $388.5 million a year earlier.", "1989-Q3", "Sun reported sales of $538.5 million"),
    ("Oshkosh Truck Corp., Oshkosh, Wis., estimated earnings for its fourth quarter ended Sept. 30 fell 50% to 75% "
     "below the year-earlier $4.5 million, or 51 cents a share.", "1989-Q4",
     "Oshkosh Truck Corp. estimated earnings fell 50% to 75% below the year-earlier…"),
    ("Sales increased in the quarter ended Sept. 30 to $747.8 million from $623.5 million a year ago.", "1989-09-30",
     "Sales increased to $747.8 million from $623.5 million a year ago"),
    # A period after the scene's opening phrase sets the scene too, whichever date it is of.
    *(("In the comparable year-ago quarter, the second quarter ended Oct. 31, Service Corp. had a loss of about "
       "$12.5 million, or 26 cents a share, on revenue of $180.1 million.", value,
       "Service Corp. had a loss of about $12.5 million…") for value in ("1988", "1989-Q2", "1989-10-31")),
])
def test_a_reporting_period_leaves_no_trace(sentence, value, title):
    assert titles_of(sentence, "1989-10-26")[value] == title


def test_an_object_relative_keeps_its_clause():
    # "which the two presidents signed": "which" is the object; "border demarcation the two
    # presidents signed" would be worse than the clause as it is.
    titles = titles_of("A major dispute concerns a broad political treaty calling for border demarcation, which "
                       "the two presidents signed last May.", "1998-02-27")
    assert "border demarcation the two" not in titles["1997-05"].lower()


def test_a_sentence_that_is_only_a_date_makes_no_event():
    # A broadcast transcript's "Until this week." tells no happening: it was an event with no title.
    assert titles_of("Until this week.", "2000-02-24") == {}
    assert titles_of("January nineteen ninety-seven.", "1998-01-20") == {}


def test_a_name_before_who_keeps_the_whole_title():
    # The Independent, 25 May 2017: the name goes in after the clause is cut to its 12 words.
    titles = titles_of("Nato has agreed to join the coalition, in a move seen as a gesture to Donald Trump, who "
                       "arrived in Brussels on Wednesday for his first meeting with the alliance's leaders.",
                       "2017-05-25")
    assert titles["2017-05-24"] == ("Donald Trump arrived in Brussels for his first meeting with the alliance's "
                                    "leaders")


@pytest.mark.parametrize("sentence, published, value, speaker", [
    # The name must end at the verb: the United States did not say it ("States: the outbreak …").
    ("The Persian Gulf showdown between Iraq and the United States took a more personal turn Thursday when Iraq's "
     "Saddam Hussein called President Bush a liar and said the outbreak of holy war could bring thousands of "
     "Americans home in coffins.", "1990-08-16", "1990-08-16", "States:"),
    # A name after "at" only places the speaker ("Securities: brokerages' …").
    ("An official at Wako Securities said brokerages' excessive expectations about recent advances in Tokyu Group "
     "shares and real estate issues were dashed Friday.", "1989-10-30", "1989-10-27", "Securities:"),
    # "announced plans to travel" tells of a plan, not of words ("Cohen: plans to travel …").
    ("Meanwhile, secretary of state Madeleine Albright, Berger and defense secretary William Cohen announced plans "
     "to travel to an unnamed city in the US heartland next week, to explain to the American people just why "
     "military force will be necessary if diplomacy fails.", "1998-02-13", "1998-W08", "Cohen:"),
    # "employees that Unisys said … would be laid off": Unisys's words are not "would be laid off".
    ("That is at the high end of the range of 7,000 to 8,000 employees that Unisys said a month ago would be laid "
     "off.", "1989-10-30", "1989-09", "Unisys:"),
], ids=["name at the verb", "name that places", "verb that needs that", "object relative"])
def test_no_one_is_made_to_say_what_they_did_not(sentence, published, value, speaker):
    titles = titles_of(sentence, published)
    assert value in titles and not titles[value].startswith(speaker), titles


def test_two_dates_side_by_side_stay_in_the_title():
    # New York Times, 6 Feb 1998: "statements made and Thursday by Lawrence Wechsler".
    titles = titles_of("Following are statements made Friday and Thursday by Lawrence Wechsler, a lawyer for the "
                       "White House secretary.", "1998-02-06")
    assert all("made Friday and Thursday" in t for t in titles.values()), titles


def test_a_cut_title_ends_on_a_word_that_carries_meaning():
    # Xinhua, 13 Mar 1999: "… brought about new changes to the…" ended on words that need more.
    titles = titles_of("Hungary's accession to NATO has brought about new changes to the political balance in "
                       "central and eastern Europe, Hungarian Prime Minister Viktor Orban said here Friday.",
                       "1999-03-13")
    assert titles["1999-03-12"].endswith("brought about new changes…"), titles
    # WSJ, 1989: "… higher borrowing costs compared with" lost what it was compared with.
    titles = titles_of("The finance unit attributed the decline to higher borrowing costs compared with a year "
                       "earlier.", "1989-10-27")
    assert titles["1988"] == "The finance unit attributed the decline to higher borrowing costs", titles


def test_a_century_before_a_noun_is_a_kind_not_a_happening():
    # AP, 13 Feb 1998: "a 20th century democrat, understands …" was titled "Democrat, understands that
    # the role of the crown …"; the date kept in someone's words is not cut in two ("she is a 20th…").
    titles = titles_of("``It's no secret that she's indicated to me... she is a 20th century democrat, understands "
                       "that the role of the crown in Australia rests in the hands of the Australian people as it "
                       "has for almost a hundred years.''", "1998-02-13")
    assert titles["19"] == "“It's no secret that she's indicated to me... she is a 20th century democrat", titles


def test_a_quotation_cut_at_its_start_leaves_no_closing_mark():
    # New York Times, 6 Feb 1998: "… start getting beat up in the spring.”", its opening mark left out.
    titles = titles_of("``Those fumes will exhaust themselves, and the manufacturing sector is going to start "
                       "getting beat up in the spring.''", "1998-02-06")
    assert titles["1998-SP"] == "The manufacturing sector is going to start getting beat up in the spring", titles


def test_a_spokesman_who_says_what_keeps_the_title_as_it_is():
    # "A spokesman said Tuesday the 38,000 U.S. troops …" names who spoke and what was said in one clause.
    titles = titles_of("A spokesman said Tuesday the 38,000 U.S. troops in the Gulf will remain until Iraq "
                       "complies with the United Nations resolutions.", "1991-03-05")
    assert titles["1991-03-05"].startswith("A spokesman said the 38,000 U.S. troops"), titles



def test_a_relative_that_only_awaits_its_date_is_no_title():
    # New York Times, 6 Apr 2000: "…, which is expected next month." gave "The case is expected".
    titles = titles_of("Once that happens, Gonzalez and Elian, though technically free to return to Cuba, should "
                       "remain here to await an appellate court ruling on the case, which is expected next month.",
                       "2000-04-06")
    assert titles["2000-05"] != "The case is expected", titles


def test_who_said_it_and_where_does_not_name_the_event():
    # AP, 6 and 7 May 1999: the stepmother's sentence tells who spoke and from where ("Kopp's stepmother
    # said from her home in Irving, Texas"); the other telling of that Thursday says what happened.
    texts = ["Kopp's stepmother, who married Kopp's father when Kopp was in his 30s, said Thursday from her home in "
             "Irving, Texas: ``I would like to see him come forward and clear his name if he's not guilty.''",
             "Until Thursday, they had not called Kopp a suspect."]
    day = dt.date(1999, 5, 7)
    found = [m for i, t in enumerate(texts) for m in mentions_of(f"s{i}", i, t, sentences.split(t), tag(t, day), day)]
    assert [title_for(c) for c in cluster_mentions(found)] == ["They had not called Kopp a suspect"]


def test_the_noun_phrase_of_a_date_ends_at_the_sentence_verb():
    # AP, 24 Oct 1999: "…, Ala., was among those who attended" is not the bombing's.
    titles = titles_of("A nurse who was critically injured in the 1998 abortion clinic bombing in Birmingham, Ala., "
                       "was among those who attended the interfaith ceremony at a Presbyterian church for Dr. Barnett "
                       "Slepian.", "1999-10-24")
    assert titles["1998"] == "Abortion clinic bombing in Birmingham, Ala.", titles


UNTIL_THURSDAY = "Until Thursday, they had not called Kopp a suspect."
CHARGED = "On May 6, James Kopp, 44, was charged with the slaying."


def test_a_title_that_names_who_did_it_comes_before_one_that_says_they():
    # AP, 7 May and 24 Oct 1999: one day told twice; "They had not called Kopp a suspect" was its title.
    day = dt.date(1999, 5, 7)
    found = mentions_of("a", 0, UNTIL_THURSDAY, sentences.split(UNTIL_THURSDAY), tag(UNTIL_THURSDAY, day), day)
    later = dt.date(1999, 10, 24)
    found += mentions_of("b", 1, CHARGED, sentences.split(CHARGED), tag(CHARGED, later), later)
    (cluster,) = cluster_mentions(found)
    assert title_for(cluster) == "James Kopp was charged with the slaying"



def test_a_relative_clause_of_any_kind_is_an_appositive():
    # The Wall Street Journal, 30 Oct 1989: "which Telerate's directors have rejected" stands between
    # the subject and its verb, as "which owns 50%" does ("Previously had been scheduled to expire").
    titles = titles_of("The offer, which Telerate's two independent directors have rejected as inadequate, "
                       "previously had been scheduled to expire at midnight Friday.", "1989-10-30")
    assert titles["1989-10-27"] == "The offer previously had been scheduled to expire"
