"""When a Korean sentence's events happen, read from its morphemes (kiwi).

`source_tense` says whether the sentence has a past marker (었/았) and a marker of the future,
an intention or a prospect ("할 것", "예정", "계획", "겠"). `main_clause` looks at the sentence's
final predicate only: is it past, and is it a verb of saying ("밝혔다", "말했다", "보도했다") whose
quoted content may carry a future of its own? `reports_present` finds quoted content in the
present ("축소한다고 밝혔다": said it will cut), which English renders with "will".
"""

from __future__ import annotations

from dataclasses import dataclass

from transdesk.qa.morph import Morpheme, analyse

# Nouns, verbs and endings of the future, an intention or a prospect, with the prospective
# adnominal ending (할, 될: "공개될 영화", "할 수 있다", "할 것"). A bare "것" ("한 것으로
# 알려졌다") and "하기 위해" (in order to) are not: English renders them with a past and "to".
_FUTURE_FORMS = frozenset(
    {
        "겠",
        "예정",
        "계획",
        "방침",
        "전망",
        "앞으로",
        "향후",
        "내년",
        "다음",
        "내달",
        "기로",
        "려",
        "려고",
        "도록",
        "목표",
        "추진",
        "가능성",
        "이듬해",
        "예상",
        "기대",
        "방안",
        "의향",
        "의사",
        "준비",
        "바라",
        "희망",
        "예고",
        "약속",
        "다짐",
        "경고",
        "우려",
        "앞두",
        "합의",
        "동의",
    }
)
_PAST_FORMS = frozenset({"었", "았", "였", "했", "ᆻ", "었었"})
_SPEECH_VERBS = frozenset(
    [
        "말",
        "밝히",
        "전하",
        "보도",
        "주장",
        "강조",
        "덧붙이",
        "발표",
        "설명",
        "지적",
        "언급",
        "역설",
        "전망",
        "예상",
        "알리",
        "생각",
        "관측",
        "추정",
        "평가",
        "경고",
        "말하",
        "답하",
        "대답",
        "시사",
        "촉구",
        "요청",
        "요구",
        "제안",
        "약속",
        "다짐",
        "확인",
        "부인",
        "인정",
        "보",
        "믿",
        "예측",
        "공개",
        "증언",
        "진술",
        "통보",
        "묻",
        "질문",
        "논평",
        "해명",
    ]
)


@dataclass(frozen=True)
class MainClause:
    past: bool  # the final predicate is past ("만났다", "밝혔다")
    speech: bool  # ... and it is a verb of saying or thinking


def _is_future(morphemes: tuple[Morpheme, ...], i: int) -> bool:
    morpheme = morphemes[i]
    following = morphemes[i + 1].form if i + 1 < len(morphemes) else ""
    if morpheme.form == "기" and following == "로":
        return True  # "주기로 했다": agreed to pay
    if morpheme.tag == "EP":
        return morpheme.form == "겠"
    if morpheme.tag == "ETM":
        return morpheme.form in ("ᆯ", "을")
    return morpheme.form in _FUTURE_FORMS and morpheme.tag.startswith(("N", "M", "E", "V"))


def source_tense(text: str) -> tuple[bool, bool]:
    """(has a past marker, has a future, intention or prospect marker)."""
    morphemes = analyse(text)
    past = any(m.tag == "EP" and m.form in _PAST_FORMS for m in morphemes)
    future = any(_is_future(morphemes, i) for i in range(len(morphemes)))
    return past, future


def main_clause(text: str) -> MainClause:
    """The tense of the sentence's final predicate, and whether it reports speech."""
    morphemes = analyse(text)
    ends = [i for i, m in enumerate(morphemes) if m.tag == "EF"]
    if not ends:
        return MainClause(past=False, speech=False)
    end = ends[-1]
    start = max((i for i, m in enumerate(morphemes[:end]) if m.tag in ("EC", "ETM")), default=-1)
    clause = morphemes[start + 1 : end]
    past = any(m.tag == "EP" and m.form in _PAST_FORMS for m in clause)
    speech = any(m.form in _SPEECH_VERBS and m.tag in ("VV", "NNG") for m in clause)
    return MainClause(past=past, speech=speech)


# the quotative endings of an action verb in the present: "축소한다고", "먹는다며", "간다면서"
_QUOTATIVE = ("ᆫ다고", "는다고", "ᆫ다며", "는다며", "ᆫ다면서", "는다면서")


def reports_present(text: str) -> bool:
    """Quoted or reported action in the present tense, which Korean uses for what is coming
    ("예산을 축소한다고 밝혔다": announced it will cut the budget; not "문제라고": is)."""
    morphemes = analyse(text)
    start = 0
    for i, morpheme in enumerate(morphemes):
        if morpheme.tag not in ("EC", "EF", "ETM"):
            continue
        clause = morphemes[start:i]
        start = i + 1
        if (
            morpheme.tag == "EC"
            and morpheme.form in _QUOTATIVE
            and not any(m.tag == "EP" and m.form in _PAST_FORMS for m in clause)
        ):
            return True
    return False
