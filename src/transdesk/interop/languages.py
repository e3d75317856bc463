"""The language pair the desk translates (Korean → English) and how it tells the two apart.

A text is Korean when Hangul makes up a share of its letters; anything else is taken as English,
the only other language the desk knows.
"""

from __future__ import annotations

from dataclasses import dataclass

SOURCE = "ko"
TARGET = "en"
NAMES = {SOURCE: "Korean", TARGET: "English"}
AUTO = "auto"


@dataclass(frozen=True, slots=True)
class Detected:
    language: str
    confidence: float  # 0–100


def _is_hangul(char: str) -> bool:
    code = ord(char)
    return (
        0xAC00 <= code <= 0xD7A3  # syllables
        or 0x1100 <= code <= 0x11FF  # jamo
        or 0x3130 <= code <= 0x318F  # compatibility jamo
    )


def detect(text: str) -> Detected:
    """Korean when there is Hangul in the text, English otherwise, with the share of letters
    that speak for the answer as the confidence."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return Detected(TARGET, 0.0)
    hangul = sum(1 for c in letters if _is_hangul(c))
    if hangul:
        return Detected(SOURCE, round(100.0 * max(hangul / len(letters), 0.5), 1))
    return Detected(TARGET, 100.0)


def supported(source: str, target: str) -> bool:
    return source == SOURCE and target == TARGET
