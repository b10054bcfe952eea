"""Reading articles: encodings, header blocks, headlines, furniture, sentences with offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import INDEPENDENT, RFE

from tui.furniture import wire_dateline
from tui.ingest import ArticleError, read_article, scan_paths
from tui.sentences import split


def kinds(article):
    return {article.text[ln.start:ln.end].strip(): ln.kind for ln in article.lines}


def test_headline_skips_navigation():
    a = read_article(RFE)
    assert a.title == "NATO Says Will Join Anti-IS Coalition, Appoint Counterterrorism Coordinator"
    b = read_article(INDEPENDENT)
    assert b.title == "Nato to join the US-led coalition against Isis fighting in Iraq and Syria"


@pytest.mark.parametrize("path,line", [
    (RFE, "Accessibility links"), (RFE, "please wait"), (RFE, "No media source currently available"),
    (RFE, "0:00 0:01:21 0:00"), (INDEPENDENT, "Join our commenting forum"),
    (INDEPENDENT, "Thank you for registering"), (INDEPENDENT, "(AFP/Getty Images)"),
    (INDEPENDENT, "Stay up to date with notifications from The Independent"),
])
def test_furniture_is_not_body(path, line):
    assert kinds(read_article(path))[line] == "furniture"


@pytest.mark.parametrize("path,line", [
    (RFE, "NATO Chief Says Leaders Will Focus On Terrorism And Funding"),
    (INDEPENDENT, "President Trump and President Macron have awkwardly long handshake"),
    (INDEPENDENT, "Donald Trump brands suicide bomber behind Manchester attack 'evil loser'"),
])
def test_related_story_headlines_are_not_body(path, line):
    assert kinds(read_article(path))[line] == "inserted"


def test_no_sentence_comes_from_furniture():
    for path in (RFE, INDEPENDENT):
        a = read_article(path)
        body = "\n".join(a.text[s:e] for s, e in a.sentences)
        for junk in ("0:00", "please wait", "Join our commenting forum", "Please refresh the page"):
            assert junk not in body


def test_outlets_found_in_the_text():
    assert read_article(RFE).outlet == "RFE/RL"
    assert read_article(INDEPENDENT).outlet == "The Independent"


def test_header_block_is_honoured(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Title: Summit ends\nDate: 2017-05-26\nSource: Reuters\nURL: https://example.org/x\n\n"
                 "Leaders met on Thursday.\n", encoding="utf-8")
    a = read_article(p)
    assert (a.title, a.header_date, a.outlet, a.url) == ("Summit ends", "2017-05-26", "Reuters", "https://example.org/x")
    assert [a.text[s:e] for s, e in a.sentences] == ["Leaders met on Thursday."]


def test_abbreviations_do_not_split_sentences():
    text = "U.S. President Donald Trump met Gen. Mattis and Mr. Smith in Washington. Then he left."
    assert [text[s:e] for s, e in split(text)] == [
        "U.S. President Donald Trump met Gen. Mattis and Mr. Smith in Washington.", "Then he left."]


def test_sentence_offsets_match_text():
    a = read_article(RFE)
    assert a.sentences and all(a.text[s:e].strip() == a.text[s:e] for s, e in a.sentences)


def test_cp1252_is_read_with_a_warning(tmp_path):
    p = tmp_path / "win.txt"
    p.write_bytes("Headline of the story here\n\nLeaders met on Thursday \u2014 said \u201cyes\u201d.\n".encode("cp1252"))
    a = read_article(p)
    assert "\u201cyes\u201d" in a.text
    assert any("cp1252" in w for w in a.warnings)


def test_utf16_with_bom(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("Headline of the story here\n\nLeaders met on Thursday.\n".encode("utf-16"))
    assert "Thursday" in read_article(p).text


@pytest.mark.parametrize("content,message", [
    (b"", "empty"), (b"   \n\t\n", "empty"), (b"\x00\x01\x02binary\x00", "binary"),
])
def test_unreadable_inputs_raise_one_line(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(ArticleError) as exc:
        read_article(p)
    assert message in str(exc.value) and "\n" not in str(exc.value)


def test_scan_paths_reports_problems(tmp_path):
    (tmp_path / "empty").mkdir()
    files, problems, _ = scan_paths([tmp_path / "missing", tmp_path / "empty", RFE])
    assert files == [str(RFE)]
    assert any("no such file" in p for p in problems) and any("no .txt files" in p for p in problems)


def test_articles_saved_in_other_formats_are_named_not_dropped_in_silence(tmp_path):
    folder = tmp_path / "news"
    (folder / "old").mkdir(parents=True)
    for name in ("a.txt", "page.html", "old/notes.md", "README.md", "photo.jpg"):
        (folder / name).write_text("NATO leaders met on May 25, 2017.", encoding="utf-8")
    files, problems, _ = scan_paths([folder])
    assert files == [str(folder / "a.txt")]
    assert problems == [f"{folder}: 2 files not read, only plain text (.txt) is: notes.md, page.html"]


def test_folders_are_read_in_path_order_with_their_sizes(tmp_path, monkeypatch):
    """Files and sub-folders interleave as sorted Paths do ("a/b.txt" < "a/c/x.txt" < "a/d.txt"),
    links to a folder above are not followed twice, and other files are left out (and named)."""
    for name in ["a/d.txt", "a/c/x.txt", "a/b.txt", "a-z/y.txt", "a/c/notes.md", "a/B.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x" * len(name), encoding="utf-8")
    (tmp_path / "a" / "c" / "up").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "c" / "fifo.txt").mkdir()  # a folder named .txt is not a file
    monkeypatch.chdir(tmp_path)
    names, problems, stats = scan_paths([Path("."), Path("a/b.txt")])
    expected = sorted(q for q in Path(".").rglob("*.txt") if q.is_file() and "up" not in q.parts)
    assert names == [str(q) for q in expected] == ["a/B.txt", "a/b.txt", "a/c/x.txt", "a/d.txt", "a-z/y.txt"]
    assert [size for size, _ in stats] == [len(n) for n in names]
    assert problems == [".: 1 file not read, only plain text (.txt) is: notes.md"]
    assert scan_paths([Path("a")])[0] == ["a/B.txt", "a/b.txt", "a/c/x.txt", "a/d.txt"]


def test_crlf_offsets_are_universal_newlines(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"Headline of the story here\r\n\r\nLeaders met on Thursday.\r\n")
    a = read_article(p)
    assert a.text == Path(p).read_text(encoding="utf-8")


@pytest.mark.parametrize("line, outlet", [
    ("© 2017 The Associated Press. All rights reserved.", "The Associated Press"),
    ("COPYRIGHT Reuters 2017", "Reuters"),
    ("The minister told RFE/RL on May 24 that the talks went well.", "RFE/RL"),
])
def test_outlet_named_in_a_closing_line(tmp_path, line, outlet):
    (tmp_path / "a.txt").write_text(f"Leaders meet in Brussels\n\nLeaders met on May 25.\n\n{line}\n", encoding="utf-8")
    assert read_article(tmp_path / "a.txt").outlet == outlet


@pytest.mark.parametrize("url, outlet", [
    ("https://www.nytimes.com/2017/05/25/world/europe/trump-nato.html", "The New York Times"),
    ("http://edition.cnn.com/2017/05/25/politics/trump-nato/index.html", "CNN"),  # a site's edition
    ("https://www.bbc.co.uk/news/world-europe-40037776", "BBC News"),
    ("www.reuters.com/article/us-nato-summit", "Reuters"),  # copied without its scheme
    ("https://blog.example.org/2017/nato", "blog.example.org"),  # a site no table names
    ("http://localhost:8000/a.html", None), ("http://10.0.0.7/a.html", None), ("not a link", None),
])
def test_outlet_of_the_url_in_the_header(tmp_path, url, outlet):
    (tmp_path / "a.txt").write_text(f"Title: Leaders meet\nURL: {url}\n\nLeaders met on May 25, 2017.\n",
                                    encoding="utf-8")
    assert read_article(tmp_path / "a.txt").outlet == outlet


def test_an_outlet_header_wins_over_the_url_and_the_page(tmp_path):
    (tmp_path / "a.txt").write_text("Source: Reuters\nURL: https://www.nytimes.com/x.html\n\nLeaders met on "
                                    "May 25, 2017.\nReuse this content\n", encoding="utf-8")
    assert read_article(tmp_path / "a.txt").outlet == "Reuters"


def test_one_piece_of_an_outlets_furniture_is_not_enough(tmp_path):
    # The BBC's pages have both a caption label and a topic list; either alone is any page's.
    (tmp_path / "a.txt").write_text("Leaders meet\n\nLeaders met on May 25, 2017.\nRelated Topics\nNato\n",
                                    encoding="utf-8")
    assert read_article(tmp_path / "a.txt").outlet is None


def test_article_without_outlet_cues_has_none(tmp_path):
    (tmp_path / "a.txt").write_text("Leaders meet in Brussels\n\nLeaders met on May 25, 2017, in a new "
                                    "building; the copy desk's 1/2 page was cut.\n", encoding="utf-8")
    assert read_article(tmp_path / "a.txt").outlet is None


# AP and Xinhua copy as archived (TimeBank, AQUAINT): the dateline opens the first paragraph.
HAVANA = ("HAVANA (AP) --\n\nWhile an important step, the U.S. government decision to return 6-year-old "
          "Elian Gonzalez to Cuba does not guarantee that the boy will be repatriated, the communist "
          "leadership warned.\n")
CANBERRA = ("CANBERRA, Australia (AP)_ Turning its back on 210 years of loyalty to the British royal family, "
            "Australia's constitutional convention voted Friday to sever ties. The vote was 89-52.\n")


def test_a_wire_dateline_is_neither_headline_nor_evidence(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(HAVANA, encoding="utf-8")
    a = read_article(p)
    assert kinds(a)["HAVANA (AP) --"] == "dateline"
    assert a.title == "While an important step, the U.S. government decision to return 6-year-old Elian…"
    assert a.outlet == "AP"
    assert [a.text[s:e] for s, e in a.sentences][0].startswith("While an important step")


def test_a_lead_that_follows_its_dateline_on_the_same_line_starts_after_it(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(CANBERRA, encoding="utf-8")
    a = read_article(p)
    assert [a.text[s:e] for s, e in a.sentences] == [
        "Turning its back on 210 years of loyalty to the British royal family, Australia's constitutional "
        "convention voted Friday to sever ties.", "The vote was 89-52."]
    assert a.title.startswith("Turning its back on 210 years") and a.outlet == "AP"


@pytest.mark.parametrize("line,day", [
    ("WASHINGTON, August 11 (Xinhua) --", "August 11"), ("DAR ES SALAAM, Tanzania (AP) _", None),
    ("NEWARK, N.J. _ A new Essex County task force began delving Thursday", None),
    ("THE HAGUE, Netherlands (AP)_ The World Court Friday rejected", None),
    ("INDEPENDENCE, MO. (AP)--", None), ("BRUSSELS, Aug. 11, 2000 (Xinhua) -- NATO said", "Aug. 11, 2000"),
])
def test_wire_datelines(line, day):
    m = wire_dateline(line)
    assert m is not None and m.group("day") == day


@pytest.mark.parametrize("line", [
    "NATO to join the US-led coalition against Isis", "The leaders -- all of them -- agreed",
    "US-led coalition _ not", "Mr Trump _ said",
])
def test_not_wire_datelines(line):
    assert wire_dateline(line) is None
