"""The Korean verbs of saying and of report, shared by the polarity and tense checks.

Both checks look past a verb of saying ("밝혔다", "말했다") to what was said: polarity to find the
negation that matters ("참석하지 않았다고 밝혔다": said he did not attend), tense to find the
future of the content ("방한할 것이라고 밝혔다": said he will visit). The stems are kiwi's (VV or
the NNG of a "-하다" verb: "말하", "발표"). One core list serves both; each check adds only the
verbs whose content reads differently for it:

- polarity adds the evidentials ("것으로 알려졌다", "나타났다", "드러났다", "보인다"): English tells
  them as "reportedly", "turned out", "appears", and the claim they carry holds the negation;
  tense leaves them out, since their English is the present or the past of the claim itself;
- tense adds the questions ("물었다", "질문했다") and the denial ("부인했다"): a question's content
  may be a future ("갈 것이냐고 물었다": asked whether he will go), but it asserts nothing, so
  polarity must not read a negation in it as the sentence's; a denial is a negation of its own,
  which polarity reads as such ("부인했다": denied).
"""

from __future__ import annotations

# what was said, thought, judged, urged or promised: the content is the statement that matters
CORE_SPEECH_VERBS = frozenset(
    {
        # saying and telling
        "말",
        "말하",
        "밝히",
        "전하",
        "보도",
        "주장",
        "강조",
        "역설",
        "덧붙이",
        "발표",
        "보고",  # "보인다고 보고했다": reported to the committee
        "설명",
        "지적",
        "언급",
        "알리",
        "답하",
        "답",  # "답했다" is 답 (NNG) + 하: kiwi reads it so beside a question ("질문에 ... 답했다")
        "답변",
        "응답",
        "대답",
        "해명",
        "시인",
        "인정",
        "확인",
        "공개",
        "논평",
        "증언",
        "진술",
        "판시",  # a court's ruling: "...가볍지 않다고 판시했다" (ruled the offence was serious)
        "발언",
        "토로",
        "호소",
        "통보",
        "시사",
        # thinking, expecting and judging
        "생각",
        "보",
        "믿",
        "확신",
        "자신",
        "예상",
        "예측",
        "전망",
        "내다보",  # "않을 것으로 내다봤다": forecast it would not
        "관측",
        "추정",
        "평가",
        "분석",
        "판단",
        # warning, urging and promising
        "경고",
        "촉구",
        "요청",
        "요구",
        "제안",
        "약속",
        "다짐",
    }
)

# evidentials: "것으로 알려졌다" (reportedly), "나타났다" (turned out), "보인다" (appears); what a
# survey or count found ("이용하지 않은 것으로 조사됐다": the survey found they had not used it);
# and fear, whose content is what may happen ("무산될 수 있다고 우려했다")
POLARITY_ADDITIONS = frozenset(
    {"알려지", "전해지", "밝혀지", "나타나", "드러나", "보이", "조사", "집계", "파악", "우려"}
)

# questions, whose content may be a future but asserts nothing; denial, a negation of its own
TENSE_ADDITIONS = frozenset({"묻", "질문", "부인"})

POLARITY_REPORTING = CORE_SPEECH_VERBS | POLARITY_ADDITIONS
TENSE_SPEECH_VERBS = CORE_SPEECH_VERBS | TENSE_ADDITIONS
