"""Korean personal names in newsroom romanization: family name first, hyphenated given name.

Syllables follow the Revised Romanization (korean-romanizer, one syllable at a time, since names
are romanized without sound changes across syllables); family names take the spellings newsrooms
use ("Lee", "Park", "Choi"), with the other spellings readers meet ("Yi", "Rhee", "Pak") accepted.

To recognise a name someone else romanized, every syllable also has the closed set of spellings
English copy uses for it (`syllable_spellings`): Revised Romanization, McCune-Reischauer with or
without its apostrophes and breves ("T'ae", "Chŏng") and the newsroom habits ("Jung"/"Chung" for
정, "Young" for 영, "Hee" for 희). `spells_syllables` decides whether a written given name
("Jae-myung", "Jaemyung", "Jae Myung") is one spelling of a run of syllables; a spelling of
another syllable is not, even one a sound away ("Jeong-hwan" for 정관, "Dae-ho" for 태호, "Seung"
for 성): an editor needs a changed syllable caught.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# family name → (newsroom spelling, other spellings seen in English copy)
SURNAMES: dict[str, tuple[str, ...]] = {
    "김": ("Kim", "Gim"),
    "이": ("Lee", "Yi", "Rhee", "Ri", "Rhie", "Lie", "Li"),
    "리": ("Ri", "Lee", "Li", "Rhee"),  # North Korean and Chinese copy: 리병철 "Ri Pyong-chol"
    "박": ("Park", "Pak", "Bak"),
    "최": ("Choi", "Choe", "Chey"),
    "정": ("Jung", "Jeong", "Chung", "Chong", "Jong"),
    "강": ("Kang", "Gang"),
    "조": ("Cho", "Jo", "Joe"),
    "윤": ("Yoon", "Yun"),
    "장": ("Jang", "Chang"),
    "임": ("Lim", "Im", "Rim", "Yim"),
    "림": ("Rim", "Lim"),
    "한": ("Han", "Hahn"),
    "오": ("Oh", "O"),
    "서": ("Seo", "Suh", "So"),
    "신": ("Shin", "Sin"),
    "권": ("Kwon", "Gwon"),
    "황": ("Hwang",),
    "안": ("Ahn", "An"),
    "송": ("Song",),
    "류": ("Ryu", "Yoo", "Yu"),
    "유": ("Yoo", "Yu", "You", "Ryu"),  # 柳 is written 유 in the South and spelled Ryu by some
    "홍": ("Hong",),
    "전": ("Jeon", "Chun", "Jun", "Chon"),
    "고": ("Ko", "Go", "Koh"),
    "문": ("Moon", "Mun"),
    "손": ("Son", "Sohn"),
    "양": ("Yang",),
    "배": ("Bae", "Pae"),
    "백": ("Baek", "Paik", "Paek"),
    "허": ("Heo", "Huh", "Hur"),
    "노": ("Roh", "Noh", "No"),
    "남": ("Nam",),
    "심": ("Shim", "Sim"),
    "곽": ("Kwak", "Gwak"),
    "성": ("Sung", "Seong"),
    "차": ("Cha",),
    "주": ("Joo", "Ju", "Chu"),
    "우": ("Woo", "U"),
    "구": ("Koo", "Ku", "Gu"),
    "민": ("Min",),
    "진": ("Jin", "Chin"),
    "지": ("Ji", "Chi"),
    "엄": ("Um", "Eom"),
    "채": ("Chae",),
    "원": ("Won",),
    "천": ("Cheon", "Chun"),
    "방": ("Bang",),
    "공": ("Kong", "Gong"),
    "현": ("Hyun", "Hyeon"),
    "함": ("Ham",),
    "변": ("Byun", "Byeon"),
    "염": ("Yeom", "Yum"),
    "여": ("Yeo", "Yuh"),
    "추": ("Choo", "Chu"),
    "도": ("Do", "Doh"),
    "석": ("Seok", "Suk"),
    "선": ("Sun", "Seon"),
    "설": ("Seol", "Sul"),
    "길": ("Gil", "Kil"),
    "연": ("Yeon", "Yun"),
    "표": ("Pyo",),
    "명": ("Myung", "Myeong"),
    "기": ("Ki", "Gi"),
    "반": ("Ban",),
    "나": ("Na", "Ra"),
    "왕": ("Wang",),
    "금": ("Keum", "Geum"),
    "육": ("Yook", "Yuk"),
    "인": ("In",),
    "맹": ("Maeng",),
    "탁": ("Tak",),
    "국": ("Kook", "Guk"),
    "용": ("Yong",),
    "경": ("Kyung", "Gyeong"),
    "봉": ("Bong",),
    "하": ("Ha",),
    "편": ("Pyun", "Pyeon"),
    "옥": ("Ok", "Ock"),
    "태": ("Tae", "Thae"),
    "예": ("Ye", "Yeh"),
    "위": ("Wi", "Wee"),
    "어": ("Eo", "Uh"),
    "빈": ("Bin",),
    "형": ("Hyung", "Hyeong"),
    "황보": ("Hwangbo",),
    "남궁": ("Namgung", "Namkung"),
    "제갈": ("Jegal",),
    "선우": ("Sunwoo", "Seonu"),
    "독고": ("Dokgo",),
    "사공": ("Sagong",),
    "서문": ("Seomun",),
}
_SYLLABLE = re.compile(r"[\uac00-\ud7a3]")
# syllables Korean given names are made of; a "name" with others is a foreign one ("오바마")
GIVEN_NAME_SYLLABLES = set(
    "가각간갑강건걸겸경계고곤관광교구국군권귀규균근금기길나난남내녀년노누다단달담대덕도돈동두득"
    "라란래량려련렬령례로록룡류륜률리린림마만말매면명모목몽무문미민박반배백범법벽병보복본봉부분"
    "비빈사산삼상새생서석선설섭성세소솔송수숙순술숭슬승시식신실심아안애야양언엽여연열염영예오옥"
    "온완왕요용우욱운웅원월위유육윤율융은을음응의이익인일임자작장재전절점정제조종주준중지직진질"
    "집찬창채천철청초총추춘충치칠탁태택판팔평표필하학한함해행향허헌혁현협형혜호홍화환활황회효후"
    "훈휘흠흥희"
    "검늘락별빛봄결샘솜"  # native-Korean and less common given-name syllables (하늘, 보검)
    # rarer syllables of real given names (노태악, 이맹희, 김묵, 정약용, 윤하람); words a
    # name-shaped reading would take for a person with a title are left out (신당 대표, 이적 선수,
    # 나토), or listed in `name_lexicon.NOT_NAMES` (이슬람)
    "악견곡굉궁극긍낙람랑뢰릉맹묘묵밀번변앙약억엄업존좌증징착찰척첨쾌풍항훤휴"
)


_PLACE_SUFFIXES = set("도시군읍면리절문강산섬역항해")


@functools.lru_cache(maxsize=8192)
def romanize_syllables(hangul: str) -> str:
    """Revised Romanization, syllable by syllable ("정은" → "jeongeun")."""
    from korean_romanizer.romanizer import Romanizer

    return "".join(Romanizer(s).romanize() for s in hangul)


def split_name(name: str) -> tuple[str, str] | None:
    """(family name, given name) of a Korean personal name, or None if it does not look like one."""
    if not (3 <= len(name) <= 4) or not all(_SYLLABLE.match(c) for c in name):
        return None
    for size in (2, 1) if len(name) == 4 else (1,):
        family, given = name[:size], name[size:]
        if given[-1] in _PLACE_SUFFIXES:
            continue
        if family in SURNAMES and len(given) == 2 and set(given) <= GIVEN_NAME_SYLLABLES:
            return family, given
    return None


def romanize_name(name: str) -> str | None:
    """ "김정은" → "Kim Jeong-eun" (newsroom family name, hyphenated Revised Romanization)."""
    parts = split_name(name)
    if parts is None:
        return None
    return newsroom_romanization(*parts)


def newsroom_romanization(family: str, given: str) -> str:
    """ "김", "정관" → "Kim Jeong-gwan": the newsroom family name, then the given name in Revised
    Romanization, syllable by syllable, hyphenated after the first syllable."""
    syllables = [romanize_syllables(s) for s in given]
    written = syllables[0].capitalize()
    if len(syllables) > 1:
        written += "-" + "".join(syllables[1:])
    return f"{SURNAMES[family][0]} {written}" if family in SURNAMES else written


def family_spellings(name: str) -> tuple[str, ...]:
    parts = split_name(name)
    return SURNAMES[parts[0]] if parts else ()


# spelling → sound, in order (digraphs first)
_SKELETON_SPELLINGS = tuple(
    pair.split("=")
    for pair in [
        "sh=s",
        "ch=j",
        "ts=j",
        "ng=n",
        "ck=k",
        "ph=p",
        "th=t",
        "g=k",
        "c=k",
        "q=k",
        "d=t",
        "b=p",
        "f=p",
        "v=p",
        "r=l",
        "z=j",
        "x=ks",
    ]
)


_NOT_A_LETTER = re.compile(r"[^a-z]")
_VOWEL_OR_GLIDE = re.compile(r"[aeiouyhw]")
_DOUBLED = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=8192)
def sound_skeleton(latin: str) -> str:
    """The consonants of a romanized word, with voiced and voiceless pairs merged: a foreign name
    written in Hangul ("오시마" → "osima") and in English ("Oshima") share one ("sm"). The names
    check asks it for the same few words over and over, so it is remembered."""
    text = _NOT_A_LETTER.sub("", latin.lower())
    for spelling, sound in _SKELETON_SPELLINGS:
        text = text.replace(spelling, sound)
    return _DOUBLED.sub(r"\1", _VOWEL_OR_GLIDE.sub("", text))


def hangul_skeleton(hangul: str) -> str:
    return sound_skeleton(romanize_syllables(hangul))


def leading_sound(latin: str) -> str:
    """ "V" for a word opening on a vowel, else its first consonant as `sound_skeleton` spells it."""
    text = latin.lower()
    if not text or text[0] in "aeiouy":
        return "V"
    return (sound_skeleton(text) or "V")[0]


# -- spellings of one syllable, for reading names romanized elsewhere ----------------------------
#
# Each syllable has a closed set of spellings, built from what each of its sounds may be written
# as. The consonants follow the two systems English copy mixes and the newsroom's habits:
#
# - Revised Romanization writes the plain stops voiced (ㄱ g, ㄷ d, ㅂ b, ㅈ j) and the aspirated
#   ones voiceless (ㅋ k, ㅌ t, ㅍ p, ㅊ ch);
# - McCune-Reischauer writes both voiceless, marking aspiration with an apostrophe (ㅌ t', 태
#   "T'ae"); it voices a plain stop only between voiced sounds (김대중 "Kim Tae-jung"). Copy often
#   drops the apostrophe, and newsroom spellings write plain stops voiceless anywhere ("Ban
#   Ki-moon", "Chung Sye-kyun").
#
# So a voiceless letter may write the plain or the aspirated consonant, but a voiced letter only
# the plain one, and an apostrophe only the aspirated one: "Tae" writes 대 and 태, "Dae" only 대,
# "T'ae" only 태. A general voiced-voiceless tolerance would let "Kim Dae-ho" pass for 김태호.

_HANGUL_BASE = 0xAC00
# initial consonants ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ
_INITIALS: tuple[tuple[str, ...], ...] = (
    ("g", "k"),
    ("kk", "gg", "k"),
    ("n",),
    ("d", "t"),
    ("tt", "dd", "t"),
    ("r", "l", "n"),
    ("m",),
    ("b", "p"),
    ("pp", "bb", "p"),
    ("s", "sh"),
    ("ss", "s"),
    ("",),
    ("j", "ch"),
    ("jj", "tch", "ch"),
    ("ch", "ch'", "chh"),
    ("k", "k'", "kh"),
    ("t", "t'", "th"),
    ("p", "p'", "ph"),
    ("h",),
)
# vowels ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ, as Revised Romanization, McCune-Reischauer
# without its breves (ŏ "o", ŭ "u") and the newsroom (ㅓ "u" in "Jung", ㅕ "you" in "Kyoung",
# ㅣ "ie" in "Jie-won", ㅔ "ye" in "Sye-kyun") write them
_MEDIALS: tuple[tuple[str, ...], ...] = (
    ("a", "ah"),
    ("ae", "ai"),
    ("ya",),
    ("yae", "ye"),
    ("eo", "o", "u", "uh"),
    ("e", "ye"),
    ("yeo", "yo", "yu", "you"),
    ("ye", "e"),
    ("o", "oh"),
    ("wa",),
    ("wae",),
    ("oe", "oi", "we"),
    ("yo",),
    ("u", "oo", "ou"),
    ("wo", "weo"),
    ("we",),
    ("wi", "wee"),
    ("yu", "yoo", "you"),
    ("eu", "u", "ue"),
    ("ui", "eui", "ee", "i"),
    ("i", "ee", "ie"),
)
# final consonants, none then ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ
_FINALS: tuple[tuple[str, ...], ...] = (
    ("",),
    ("k", "g", "ck"),
    ("k",),
    ("k",),
    ("n",),
    ("n",),
    ("n",),
    ("t", "d"),
    ("l", "r"),
    ("k", "l"),
    ("m", "l"),
    ("l",),
    ("l",),
    ("l",),
    ("p", "l"),
    ("l",),
    ("m",),
    ("p", "b"),
    ("p",),
    ("t", "s"),
    ("t", "ss"),
    ("ng",),
    ("t",),
    ("t",),
    ("k",),
    ("t",),
    ("p",),
    ("t", "h"),
)
_Y_OR_I = {2, 3, 6, 7, 12, 17, 20}  # vowels that open on y or i: ㄹ and ㄴ fall silent before them
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})


@functools.lru_cache(maxsize=4096)
def syllable_spellings(syllable: str) -> frozenset[str]:
    """The lower-case spellings English copy uses for one Hangul syllable ("정" → "jeong",
    "jung", "chung", "chong", ...; "영" → "yeong", "young", "yung", ...; "태" → "tae", "t'ae",
    "thae", never "dae")."""
    code = ord(syllable) - _HANGUL_BASE
    if not 0 <= code < 11172:
        return frozenset()
    initial, medial, final = code // 588, code % 588 // 28, code % 28
    initials = set(_INITIALS[initial])
    if initial in (2, 5) and medial in _Y_OR_I:
        initials.add("")  # 녕 "yeong", 류 "Yu", 리 "Yi"
    medials = set(_MEDIALS[medial])
    if initial == 11 and medial == 13:
        medials |= {"woo", "wu"}  # 우 "Woo"
    if initial == 11 and medial == 20:
        medials |= {"yi"}  # 이 "Yi"
    spellings = {i + m + f for i in initials for m in medials for f in _FINALS[final]}
    spellings.add(romanize_syllables(syllable))
    return frozenset(spellings | _PERSONAL_SPELLINGS.get(syllable, set()))


# spellings people choose for themselves that no system yields: 안규백 "Ahn Gyu-back"
_PERSONAL_SPELLINGS: dict[str, set[str]] = {"백": {"back"}, "석": {"suk"}, "혁": {"hyuck"}}


def _plain_pieces(written: str) -> list[str]:
    """The written name's syllable groups, lower case, breves and other marks dropped ("Chŏng"
    → "chong"), apostrophes of aspiration kept as "'" ("T’ae" → "t'ae")."""
    plain = "".join(unicodedata.normalize("NFKD", c)[0] for c in written.translate(_APOSTROPHES))
    return [p for p in re.split(r"[\s\-\u2010\u2011]+", plain.lower()) if p]


def spells_syllables(written: str, syllables: str) -> bool:
    """Whether a written name part is one spelling of the Hangul syllables, in order: "Jae-myung",
    "Jaemyung" and "Jae Myung" spell 재명; "Jeong-hwan" does not spell 정관, nor "Dae-ho" 태호.
    Where the writing separates syllables (a hyphen or a space), each piece should spell whole
    syllables, but a misplaced hyphen is only a style slip."""
    pieces = _plain_pieces(written)
    if not pieces or not syllables:
        return False
    # a hyphen put in the wrong place ("Sub-young" for 수병) still spells the name
    return _spell(tuple(pieces), syllables) or _spell_run("".join(pieces), syllables)


@functools.lru_cache(maxsize=8192)
def _spell(pieces: tuple[str, ...], syllables: str) -> bool:
    if not pieces:
        return not syllables
    first, rest = pieces[0], pieces[1:]
    # the first piece spells the first k syllables (k >= 1), the rest spell what is left
    return any(
        _spell_run(first, syllables[:k]) and _spell(rest, syllables[k:])
        for k in range(1, len(syllables) - len(rest) + 1)
    )


@functools.lru_cache(maxsize=8192)
def _spell_run(text: str, syllables: str) -> bool:
    """One unbroken piece of writing ("jaemyung") spells the syllables (재명). An apostrophe
    between syllables ("chon'gwan") only keeps them apart, as McCune-Reischauer uses it."""
    if not syllables:
        return not text
    return any(
        text.startswith(s) and _spell_run(_after_syllable(text[len(s) :]), syllables[1:])
        for s in syllable_spellings(syllables[0])
        if s
    )


def _after_syllable(rest: str) -> str:
    return rest[1:] if rest.startswith("'") and rest[1:2] and rest[1] not in "aeiouwy" else rest


def spells_family_name(written: str, family: str) -> bool:
    """ "Lee", "Yi" and "Rhee" write 이; "Gim" writes 김 (the newsroom list, then the syllable)."""
    word = written.lower()
    listed = {s.lower() for s in SURNAMES.get(family, ())}
    return word in listed or spells_syllables(word, family)


def is_family_spelling(written: str) -> bool:
    """The word is a newsroom spelling of some Korean family name ("Park", "Choe", "Rhee")."""
    return written.lower() in _ALL_FAMILY_SPELLINGS


_ALL_FAMILY_SPELLINGS = frozenset(s.lower() for spellings in SURNAMES.values() for s in spellings)

# every spelling of every syllable given names are made of, longest first: to tell whether a
# written word could be a romanized Korean given name at all
_GIVEN_SPELLINGS = frozenset(
    s for syllable in GIVEN_NAME_SYLLABLES for s in syllable_spellings(syllable) if s
)


@functools.lru_cache(maxsize=8192)
def looks_like_given_name(written: str, syllable_count: int) -> bool:
    """The written part ("Jeong-hwan", "Yeon Do", "Jaemyung") reads as `syllable_count`
    syllables of a Korean given name, whatever they are."""
    pieces = _plain_pieces(written)
    if not pieces or len(pieces) > syllable_count:
        return False
    if len(pieces) == 1:
        return _splits_into(pieces[0], syllable_count)
    return len(pieces) == syllable_count and all(_splits_into(p, 1) for p in pieces)


@functools.lru_cache(maxsize=8192)
def _splits_into(text: str, count: int) -> bool:
    """The text is exactly `count` given-name syllable spellings in a row."""
    if count == 0 or not text:
        return count == 0 and not text
    return any(
        text[:end] in _GIVEN_SPELLINGS and _splits_into(text[end:], count - 1)
        for end in range(1, min(len(text), 8) + 1)
    )


def clear_caches() -> None:
    """Forget the remembered spellings and skeletons (a benchmark's run then pays what a new
    article pays)."""
    for memo in (
        romanize_syllables,
        syllable_spellings,
        _spell,
        _spell_run,
        looks_like_given_name,
        _splits_into,
        sound_skeleton,
    ):
        memo.cache_clear()
