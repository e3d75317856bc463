"""What the `openai` engine asks a chat model, and how it reads the answer back.

A request covers a *window* of consecutive segments of one article. The prompt carries the
headline, the sentences just before and after the window (for understanding only), the termbase
hints and the approved memory examples, and asks for one JSON object that maps every segment id to
its English translation. Everything goes into a single user message: some chat templates (Gemma's
among them) drop the system message.

Reading the answer is forgiving about *form* (code fences, chatter around the object, extra keys)
and strict about *content*: an empty answer, a non-string, a dropped placeholder or Korean copied
back counts as no answer at all, so the engine retries or fails the segment instead of publishing
the source text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from transdesk.engines.base import ArticleContext, MemoryExample, SegmentRequest, TermHint

PROMPT_VERSION = "doc-json-1"

_INSTRUCTIONS = """\
You translate Korean news articles into English for an English-language news site.
Translate each segment listed under "Segments" into fluent, faithful English news prose.
- Translate every segment completely; keep names, numbers, dates and quotations accurate.
- The headline and the context sentences are there to help you understand; do not translate them.
- Follow the terminology list exactly.
- Keep tokens such as ⟦T0⟧ exactly as they appear.
- Answer with one JSON object and nothing else: each key is a segment id, each value is the
  English translation of that segment."""

_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)```", re.DOTALL)
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LETTER = re.compile(r"[^\W\d_]")
ANSWER_PLACEHOLDER = "<English translation>"
KOREAN_SHARE_LIMIT = 0.3  # an "English" answer with more Hangul than this is still Korean


def build_messages(
    window: Sequence[SegmentRequest], context: ArticleContext
) -> list[dict[str, str]]:
    """The chat messages asking for the translation of one window of segments."""
    parts = [_INSTRUCTIONS, *([f"Headline: {context.headline}"] if context.headline else [])]
    if context.dateline is not None:
        parts.append(f"Published: {context.dateline.isoformat()} ({context.dateline.timezone})")
    terms = _terminology(window)
    if terms:
        parts.append(terms)
    examples = _examples(window)
    if examples:
        parts.append(examples)
    if window[0].before:
        parts.append("Context before (do not translate):\n" + "\n".join(window[0].before))
    segments = {r.segment_id: r.text for r in window}
    parts.append("Segments:\n" + json.dumps(segments, ensure_ascii=False, indent=1))
    if window[-1].after:
        parts.append("Context after (do not translate):\n" + "\n".join(window[-1].after))
    answer_shape = {r.segment_id: ANSWER_PLACEHOLDER for r in window}
    parts.append("Answer: " + json.dumps(answer_shape, ensure_ascii=False))
    return [{"role": "user", "content": "\n\n".join(parts)}]


def _terminology(window: Sequence[SegmentRequest]) -> str:
    hints = _unique(hint for request in window for hint in request.terms)
    if not hints:
        return ""
    return "Terminology (must follow):\n" + "\n".join(_term_line(h) for h in hints)


def _term_line(hint: TermHint) -> str:
    line = f'- use "{hint.target}" for {hint.source}'
    if hint.forbidden:
        line += ", never " + ", ".join(f'"{f}"' for f in hint.forbidden)
    if hint.note:
        line += f" ({hint.note})"
    return line


def _examples(window: Sequence[SegmentRequest]) -> str:
    examples: list[MemoryExample] = _unique(e for request in window for e in request.examples)
    if not examples:
        return ""
    lines = [f"- {e.source}\n  → {e.target}" for e in examples]
    return "Approved translations of similar sentences:\n" + "\n".join(lines)


def _unique(items):  # keep the first of equal items, in order
    return list(dict.fromkeys(items))


def parse_answer(content: str) -> dict[str, object] | None:
    """The first JSON object in a model's reply, or None when there is none.

    Accepts a bare object, one inside a ``` fence, or one surrounded by other text.
    """
    candidates = [m.group(1) for m in _FENCE.finditer(content)] + [content]
    decoder = json.JSONDecoder()
    for candidate in candidates:
        start = candidate.find("{")
        while start != -1:
            try:
                value, _ = decoder.raw_decode(candidate, start)
            except json.JSONDecodeError:
                start = candidate.find("{", start + 1)
                continue
            if isinstance(value, dict):
                return value
            start = candidate.find("{", start + 1)
    return None


def answers_for(
    parsed: dict[str, object] | None, window: Sequence[SegmentRequest]
) -> dict[str, object]:
    """Map each segment id of the window to what the model answered for it (absent if nothing).

    A lone segment asked on its own may come back under a mangled key; if the object holds
    exactly one value, it is taken as that segment's answer.
    """
    if not parsed:
        return {}
    found = {r.segment_id: parsed[r.segment_id] for r in window if r.segment_id in parsed}
    if not found and len(window) == 1 and len(parsed) == 1:
        found = {window[0].segment_id: next(iter(parsed.values()))}
    return found


def check_translation(answer: object, request: SegmentRequest) -> str | None:
    """Why `answer` is not a usable English translation of `request`, or None if it is."""
    if answer is None:
        return "no answer for this segment"
    if not isinstance(answer, str):
        return f"answer is {type(answer).__name__}, not text"
    text = answer.strip()
    if not text:
        return "empty answer"
    if ANSWER_PLACEHOLDER in text:
        return "the answer template was repeated instead of a translation"
    if text == request.text.strip():
        return "the Korean source was copied back instead of a translation"
    if korean_share(text) > KOREAN_SHARE_LIMIT:
        return "answer is still in Korean"
    missing = [p for p in request.placeholders if p not in text]
    if missing:
        return "answer dropped " + ", ".join(missing)
    return None


def korean_share(text: str) -> float:
    """Share of the letters in `text` that are Hangul."""
    letters = len(_LETTER.findall(text))
    return len(_HANGUL.findall(text)) / letters if letters else 0.0


def max_tokens_for(window: Sequence[SegmentRequest]) -> int:
    """A generous answer budget: English runs well under two tokens per Korean syllable, plus
    the JSON keys and quotes around each segment."""
    chars = sum(len(r.text) for r in window)
    return min(4096, 32 + 2 * chars + 16 * len(window))
