"""Search: the full-text index of a large corpus answers as reading every article does."""

from __future__ import annotations

import pytest

from tui import store
from tui.build import build
from tui.cache import CACHE_DIR
from tui.cli import main
from tui.fulltext import ArticleIndex, fts5_available
from tui.search import SearchIndex, load_texts

pytestmark = pytest.mark.skipif(not fts5_available(), reason="this SQLite has no FTS5 trigram tokenizer")

QUERIES = ["erdogan", "ERDOGAN", "manch", "obsolete", "brussels summit", "nato trump", "de", "ü", "x",
           "sp", "spending target", "zzzz", "“", "0:00", "commenting", "2017", "may 24", "tillerson said"]


@pytest.fixture
def seeded(workdir):
    result = build([workdir / "seeds"], workdir / "timeline.yaml")
    store.save(result.timeline, workdir / "timeline.yaml")
    return store.load(workdir / "timeline.yaml"), workdir


@pytest.mark.parametrize("query", QUERIES)
def test_index_finds_what_reading_the_articles_finds(seeded, query):
    tl, base = seeded
    scanned = SearchIndex.build(tl, load_texts(tl, base))
    indexed = SearchIndex.for_timeline(tl, base, large=1)
    assert indexed.articles is not None and indexed.source_text == {}
    assert indexed.search(query) == scanned.search(query)
    assert indexed.matching(query) == scanned.matching(query)


def test_index_follows_changed_added_and_removed_articles(seeded):
    tl, base = seeded
    folder = base / CACHE_DIR
    pairs = [(s.id, base / s.path) for s in tl.sources]
    index = ArticleIndex.open(pairs, folder)
    assert index.sources_with("stoltenberg") == {s.id for s in tl.sources}
    index.close()
    changed = base / tl.sources[0].path
    changed.write_text(changed.read_text(encoding="utf-8").replace("Stoltenberg", "Solana"), encoding="utf-8")
    extra = base / "seeds" / "extra.txt"
    extra.write_text("Extra\n\nStoltenberg spoke in Oslo.\n", encoding="utf-8")
    index = ArticleIndex.open(pairs[1:] + [("extra", extra)], folder)
    assert index.sources_with("stoltenberg") == {tl.sources[1].id, "extra"}
    assert index.sources_with("solana") == set()  # the first source is no longer in the timeline
    index.close()


def test_index_folds_case_in_every_alphabet_and_takes_wildcards_literally(tmp_path):
    # SQLite's LIKE folds only ASCII: "ÖSTERREICH" must still find "Österreich", and "50%" is text.
    texts = {"a": "Talks in Österreich ended.", "b": "ÉLYSÉE PALACE SAYS NO.", "c": "Prices fell 50% in_May.",
             "d": "abc xyz bcd"}
    pairs = []
    for sid, text in texts.items():
        (tmp_path / f"{sid}.txt").write_text(text, encoding="utf-8")
        pairs.append((sid, tmp_path / f"{sid}.txt"))
    index = ArticleIndex.open(pairs, tmp_path / CACHE_DIR)
    assert index.sources_with("österreich") == {"a"}
    assert index.sources_with("élysée palace") == {"b"}
    assert index.sources_with("50%") == {"c"} and index.sources_with("in_may") == {"c"}
    assert index.sources_with("50 ") == set()
    assert index.sources_with("abcd") == set()  # its trigrams are all there, not one after another
    index.close()


def test_an_index_of_the_old_layout_is_made_again(tmp_path):
    # An index from before the texts were kept lower-cased would miss "Österreich" for "österreich".
    import sqlite3
    article = tmp_path / "a.txt"
    article.write_text("Leaders met in Österreich.", encoding="utf-8")
    folder = tmp_path / CACHE_DIR
    folder.mkdir()
    db = sqlite3.connect(folder / "search.sqlite")
    db.executescript("CREATE TABLE files (sid TEXT PRIMARY KEY, path TEXT, size INTEGER, mtime_ns INTEGER);"
                     "CREATE VIRTUAL TABLE articles USING fts5(sid UNINDEXED, body, tokenize = 'trigram');")
    st = article.stat()
    db.execute("INSERT INTO articles VALUES ('a', 'Leaders met in Österreich.')")
    db.execute("INSERT INTO files VALUES ('a', ?, ?, ?)", (str(article), st.st_size, st.st_mtime_ns))
    db.commit()
    db.close()
    index = ArticleIndex.open([("a", article)], folder)
    assert index.sources_with("österreich") == {"a"}
    index.close()


def test_search_command_on_a_large_corpus_uses_the_index(tmp_path, monkeypatch, capsys):
    """200 articles: `search` finds a word that only the article text holds, and again after an edit."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    for i in range(200):
        (tmp_path / "seeds" / f"a{i:03d}.txt").write_text(
            f"Report {i}\n\nDate: 2017-05-{1 + i % 28:02d}\n\nThe ministers met on Monday in Brussels.\n\n"
            f"Footnote: archive box {i} belongs to the Kestrel collection.\n", encoding="utf-8")
    assert main(["build", "-q"]) == 0
    assert main(["search", "kestrel", "--json"]) == 0
    assert (tmp_path / CACHE_DIR / "search.sqlite").exists()
    found = capsys.readouterr().out
    assert found.count("\n") > 0
    (tmp_path / "seeds" / "a007.txt").write_text(
        "Report 7\n\nDate: 2017-05-08\n\nThe ministers met on Monday in Brussels.\n\nFootnote: Osprey.\n",
        encoding="utf-8")
    assert main(["search", "osprey", "--json"]) == 0
    assert capsys.readouterr().out.strip()
    assert main(["search", "ospreys", "--json"]) == 1
