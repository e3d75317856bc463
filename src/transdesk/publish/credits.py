"""The article's metadata in English: the byline and the credit line.

"홍길동 기자" → "By Hong Gil-dong, staff reporter"; "(베이징=뉴스1) 홍길동 특파원" → "By Hong
Gil-dong, correspondent"; the credit "뉴스1" → "News1". Names are romanised in newsroom style
(`transdesk.qa.romanize`); an outlet is looked up in the termbase first (the `lookup` callable),
then in the desk's own list of Korean news outlets, and romanised when neither knows it. Whatever
these give, no Hangul is left: an English page never shows Korean metadata by accident.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from transdesk.qa.romanize import romanize_name, romanize_syllables

log = logging.getLogger(__name__)

Lookup = Callable[[str], str | None]  # Korean → approved English, or None

HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+")

# role words after the names, longest first; singular and plural
_ROLES: tuple[tuple[str, str, str], ...] = (
    ("선임기자", "senior reporter", "senior reporters"),
    ("인턴기자", "intern reporter", "intern reporters"),
    ("객원기자", "contributing writer", "contributing writers"),
    ("수습기자", "trainee reporter", "trainee reporters"),
    ("사진기자", "photographer", "photographers"),
    ("논설위원", "editorial writer", "editorial writers"),
    ("논설실장", "chief editorial writer", "chief editorial writers"),
    ("편집위원", "editor", "editors"),
    ("특파원", "correspondent", "correspondents"),
    ("통신원", "correspondent", "correspondents"),
    ("기자", "staff reporter", "staff reporters"),
)
OUTLETS = {
    "뉴스1": "News1",
    "연합뉴스": "Yonhap News Agency",
    "연합": "Yonhap",
    "뉴시스": "Newsis",
    "조선일보": "The Chosun Ilbo",
    "중앙일보": "JoongAng Ilbo",
    "동아일보": "The Dong-A Ilbo",
    "한겨레": "The Hankyoreh",
    "경향신문": "The Kyunghyang Shinmun",
    "한국일보": "The Hankook Ilbo",
    "매일경제": "Maeil Business Newspaper",
    "한국경제": "The Korea Economic Daily",
    "머니투데이": "Money Today",
    "서울신문": "Seoul Shinmun",
    "국민일보": "Kukmin Ilbo",
    "세계일보": "Segye Ilbo",
    "문화일보": "Munhwa Ilbo",
    "노컷뉴스": "Nocut News",
    "오마이뉴스": "OhmyNews",
    "아시아경제": "The Asia Business Daily",
    "이데일리": "Edaily",
    "헤럴드경제": "The Herald Business",
    "파이낸셜뉴스": "The Financial News",
    "조선중앙통신": "the Korean Central News Agency (KCNA)",
    "신화통신": "the Xinhua News Agency",
    "타스통신": "the TASS news agency",
    "로이터": "Reuters",
    "로이터통신": "Reuters",
    "AP통신": "The Associated Press",
    "AFP통신": "AFP",
    "교도통신": "Kyodo News",
}  # fmt: skip
_DATELINE = re.compile(r"^\s*[(\[]([^)\]]*)[)\]]\s*")  # "(서울=뉴스1)"
_EMAIL = re.compile(r"\S+@\S+")
_SEPARATORS = re.compile(r"\s*(?:[·,/&]|및|그리고)\s*")


def has_hangul(text: str | None) -> bool:
    return bool(text and HANGUL.search(text))


def romanize_text(text: str) -> str:
    """Every Hangul run romanised (Revised Romanization, capitalised); the rest kept."""
    return HANGUL.sub(lambda m: romanize_syllables(m.group()).capitalize(), text)


def _person(name: str) -> str:
    name = name.strip()
    return romanize_name(name) or romanize_text(name)


def english_credit(credit: str | None, lookup: Lookup | None = None) -> str | None:
    """The credit line ("뉴스1", "연합뉴스 제공") in English: termbase, then the desk's outlets,
    then romanised."""
    if not credit or not credit.strip():
        return None
    text = " ".join(credit.split())
    if not has_hangul(text):
        return text
    found = _outlet(text, lookup)
    if found:
        return found
    courtesy = re.fullmatch(r"(.+?)\s*(?:제공|사진 제공)", text)  # "연합뉴스 제공"
    if courtesy:
        return f"Courtesy of {english_credit(courtesy.group(1), lookup)}"
    return " / ".join(_outlet(p, lookup) or romanize_text(p) for p in re.split(r"\s*/\s*", text))


def _outlet(text: str, lookup: Lookup | None) -> str | None:
    key = text.strip()
    if lookup is not None:
        approved = lookup(key)
        if approved:
            return approved
    return OUTLETS.get(key) or OUTLETS.get(key.replace(" ", ""))


def english_byline(byline: str | None) -> str | None:
    """ "홍길동 기자" → "By Hong Gil-dong, staff reporter"; "홍길동·김철수 특파원" → "By Hong
    Gil-dong and Kim Cheol-su, correspondents". An English byline is kept as it is."""
    if not byline or not byline.strip():
        return None
    text = " ".join(byline.split())
    if not has_hangul(text):
        return text
    text = _DATELINE.sub("", text)  # the wire dateline "(서울=뉴스1)" is not the byline
    text = _EMAIL.sub("", text).strip(" =")
    role = next(((ko, one, many) for ko, one, many in _ROLES if text.endswith(ko)), None)
    if role is not None:
        text = text[: -len(role[0])].strip()
    names = [_person(n) for n in _SEPARATORS.split(text) if n.strip()]
    if not names:
        return None
    people = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    if role is None:
        return f"By {people}"
    return f"By {people}, {role[1] if len(names) == 1 else role[2]}"


def termbase_lookup(termbase) -> Lookup:  # type: ignore[no-untyped-def]
    """A `Lookup` from a loaded termbase (`transdesk.glossary.store.TermbaseStore.current()`): the
    approved English of an entry that matches the whole text."""

    def lookup(text: str) -> str | None:
        for match in termbase.match(text):
            if match.start == 0 and match.end == len(text):
                return match.entry.target
        return None

    return lookup


def desk_lookup(store) -> Lookup | None:  # type: ignore[no-untyped-def]
    """The lookup for credit lines on a running desk: the termbase as it is now, from one
    `TermbaseStore` the desk keeps (reloaded only when the termbase has changed). A termbase that
    cannot be read leaves the desk's own list of outlets and romanisation."""
    try:
        return termbase_lookup(store.current())
    except Exception:
        log.warning("the termbase could not be read for a credit line", exc_info=True)
        return None
