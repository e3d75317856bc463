"""Korean personal names in newsroom romanization: family name first, hyphenated given name.

Syllables follow the Revised Romanization (korean-romanizer, one syllable at a time, since names
are romanized without sound changes across syllables); family names take the spellings newsrooms
use ("Lee", "Park", "Choi"), with the other spellings readers meet ("Yi", "Rhee", "Pak") accepted.
"""

from __future__ import annotations

import functools
import re

# family name → (newsroom spelling, other spellings seen in English copy)
SURNAMES: dict[str, tuple[str, ...]] = {
    "김": ("Kim", "Gim"),
    "이": ("Lee", "Yi", "Rhee", "Ri", "Rhie", "Lie"),
    "박": ("Park", "Pak", "Bak"),
    "최": ("Choi", "Choe", "Chey"),
    "정": ("Jung", "Jeong", "Chung", "Chong", "Jong"),
    "강": ("Kang", "Gang"),
    "조": ("Cho", "Jo", "Joe"),
    "윤": ("Yoon", "Yun"),
    "장": ("Jang", "Chang"),
    "임": ("Lim", "Im", "Rim", "Yim"),
    "한": ("Han",),
    "오": ("Oh", "O"),
    "서": ("Seo", "Suh", "So"),
    "신": ("Shin", "Sin"),
    "권": ("Kwon", "Gwon"),
    "황": ("Hwang",),
    "안": ("Ahn", "An"),
    "송": ("Song",),
    "류": ("Ryu", "Yoo", "Yu"),
    "유": ("Yoo", "Yu", "You"),
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
    family, given = parts
    first, second = (romanize_syllables(s) for s in given)
    return f"{SURNAMES[family][0]} {first.capitalize()}-{second}"


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


def sound_skeleton(latin: str) -> str:
    """The consonants of a romanized word, with voiced and voiceless pairs merged: a foreign name
    written in Hangul ("오시마" → "osima") and in English ("Oshima") share one ("sm")."""
    text = re.sub(r"[^a-z]", "", latin.lower())
    for spelling, sound in _SKELETON_SPELLINGS:
        text = text.replace(spelling, sound)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouyhw]", "", text))


def hangul_skeleton(hangul: str) -> str:
    return sound_skeleton(romanize_syllables(hangul))


def leading_sound(latin: str) -> str:
    """ "V" for a word opening on a vowel, else its first consonant as `sound_skeleton` spells it."""
    text = latin.lower()
    if not text or text[0] in "aeiouy":
        return "V"
    return (sound_skeleton(text) or "V")[0]
