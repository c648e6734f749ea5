"""Red flags: sentences that sink an answer, from the rubric and from every loop.

A red flag fires on the sentence that says it, and only when the clause that
says it does not negate it beyond what the cue itself negates ("rather than just
retraining" is the strong move, not the flag; "they don't adapt" in another
clause turns nothing down). A flag whose cue is itself a refusal ("no need to roll
anything back") is raised by wording only from a clause that refuses too, and by meaning
from a sentence that refuses nothing only through a cue that refuses nothing either: the
model reads "I'd tell the support team" as close to "I would not tell the support team".
Matching is stricter than for key points: a false alarm costs the candidate more than a
miss.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from hirebar.content import RedFlag
from hirebar.grading.assessment import RedFlagHit
from hirebar.grading.matching import SentenceMatcher
from hirebar.grading.text import REFUSAL, Sentence, content_stems

LEXICAL_THRESHOLD = 0.8
COSINE_THRESHOLD = 0.62
READS_AS_KEY_POINT = 0.60

# Words that set a move aside ("rather than", "push back on"), whatever else is said.
_SET_ASIDE = r"avoid|instead of|rather than|resist|trap|tempting|push(?:ed|ing)? back|disagree[ds]?"
# Words that negate what a clause says: refusals, and words that judge it a mistake.
_NEGATION = re.compile(
    REFUSAL.pattern + rf"|\b(?:{_SET_ASIDE}|wrong|mistake)\b",
    re.IGNORECASE,
)

GENERIC_RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        id="defers-to-engineers",
        text="Hands a product decision to engineering, legal or another team instead of owning it.",
        why="Committees read deferring as abdication: the PM is expected to frame the "
        "decision, weigh the trade-off and make the call with the team.",
        cues=[
            "let the engineers decide",
            "that is for the engineers to figure out",
            "leave the model choice to the ML team",
            "it is up to the engineering team to decide",
        ],
    ),
    RedFlag(
        id="launch-is-done",
        text="Treats launch as the finish line for a model.",
        why="Models decay as data shifts; an answer with no plan after launch signals that "
        "the candidate has not owned a model in production.",
        cues=["once it launches we are done", "after launch the work is finished"],
    ),
    RedFlag(
        id="accuracy-only",
        text="Treats accuracy as the only measure of success.",
        why="Accuracy hides class imbalance and says nothing about user harm; committees want "
        "precision, recall or task success tied to the cost of each error.",
        cues=["accuracy is the only metric that matters", "we just maximise accuracy"],
    ),
    RedFlag(
        id="keeps-people-in-the-dark",
        text="Keeps a problem from the people it affects.",
        why="Support, customers and leaders who hear late stop trusting the team; committees "
        "expect the PM to tell each of them what happened and what to expect.",
        cues=[
            "I would not tell the support team or customers",
            "keep customers and support in the dark",
            "keep it quiet so nobody worries",
        ],
    ),
    RedFlag(
        id="waits-for-it-to-fix-itself",
        text="Expects the problem to fix itself with time or more data.",
        why="Waiting leaves the harm running for the people hit now; committees expect an "
        "action, an owner and a measure that shows when it is fixed.",
        cues=["the problem will solve itself over time", "it will sort itself out"],
    ),
    RedFlag(
        id="disclaimer-as-fix",
        text="Offers a disclaimer as the fix for the model's mistakes.",
        why="Users read past disclaimers, so the harm stays; committees want it reduced at "
        "the source (a narrower scope, a threshold, a human check) before any warning text.",
        cues=["a disclaimer is enough to cover the risk", "just add a disclaimer and launch"],
    ),
    RedFlag(
        id="launches-to-everyone",
        text="Launches a model to every user at once.",
        why="A model's failures show up in real traffic; committees expect a small share "
        "first, with a guardrail metric and a way back, before everyone sees it.",
        cues=["we launch it to all users at once on day one"],
    ),
    RedFlag(
        id="denies-model-bias",
        text="Says the model cannot be biased because it only learns from data.",
        why="Models learn the skew in their data and in their labels; committees expect the "
        "gap measured for each group and owned, not ruled out.",
        cues=["the model can't be biased because it only learns from the data"],
    ),
)


# Some flags are also raised by the words that carry their stance, because the sentence
# model reads such a sentence as the key point on the same topic, closer to it than to the
# flag. Handing the decision to another team ("Once legal comes back, I'd implement whatever
# they recommend.") reads as the legal-review point.
_TEAM = (
    r"(?:legal|compliance|(?:the )?lawyers|(?:the )?risk(?: team)?|(?:the )?engineer(?:s|ing)"
    r"(?: team)?|(?:the )?ml(?: team| lead| engineers)?|data science|(?:the )?experts?|"
    r"(?:the )?policy(?: team)?|trust and safety)"
)
_DEFERS = re.compile(
    rf"\b(?:i'?d|i would|i will|i'll|we'?d|we would|i)\s+(?:\w+\s+){{0,2}}(?:defer|leave (?:it|"
    rf"that|this|the (?:call|decision|choice)))\s+(?:\w+\s+){{0,3}}(?:to|with)\s+(?:the\s+)?{_TEAM}"
    rf"|\bwhatever (?:they|{_TEAM})\s+(?:say|says|said|decide|decides|recommend|recommends|"
    r"conclude|concludes)\b"
    r"|\b(?:isn'?t|is not)\s+(?:really\s+)?(?:a product|the pm'?s|a pm)\s+(?:call|decision)\b"
    rf"|\b{_TEAM}\s+(?:should|will|can|gets? to|needs? to)\s+(?:make|own)\s+(?:the|that|this)\s+"
    r"(?:call|decision)\b"
    rf"|\blet (?:the\s+)?{_TEAM}\s+(?:make the call|decide|figure (?:it|that) out)",
    re.IGNORECASE,
)
# Waiting for time or data to cure it ("as they build history, the problem solves itself")
# reads as the monitoring point.
_WAITS = re.compile(
    r"\b(?:solves?|solved|fix(?:es|ed)?|sorts?|sorted|resolves?|resolved|corrects?|"
    r"takes? care of)\s+(?:it|them)sel(?:f|ves)\b|\bwill naturally\b|\bcome naturally\b",
    re.IGNORECASE,
)
# A disclaimer put forward as the remedy ("I'd add a clear disclaimer that it isn't
# advice") reads as the user-communication point.
_DISCLAIMS = re.compile(
    r"\b(?:add|adding|put|putting|include|including|show|showing|display|displaying|"
    r"launch(?:ing)? with|ship(?:ping)? with)\s+(?:\w+\s+){0,3}?disclaimers?\b",
    re.IGNORECASE,
)
# Ruling bias out ("it just finds patterns in the data, so it can't really be biased")
# reads as the fairness point.
_DENIES_BIAS = re.compile(
    r"\b(?:can'?t|cannot|couldn'?t|isn'?t|is not|won'?t|doesn'?t)\s+(?:really\s+)?(?:be\s+)?"
    r"(?:biased|discriminat\w+|unfair)\b"
    r"|\b(?:model|algorithm|it)(?:'s| is)\s+(?:\w+\s+)?(?:objective|neutral)\b",
    re.IGNORECASE,
)
# Everyone at once ("Then I'd ship to all 30 million users at once") reads as the rollout
# point; a plan that reaches everyone after a stage ("once the pilot holds, we'd roll out to
# everyone") is not it.
_EVERYONE = re.compile(
    r"\b(?:i'?d|i would|i will|i'll|we'?d|we would|we will|we'll|we can|we should|let'?s|"
    r"then we|and we)\s+(?:\w+\s+){0,2}?(?:launch|ship|roll(?:ing)? (?:it |this )?out|release|"
    r"(?:turn|switch|flip) (?:it|this) on|open (?:it|this) (?:up )?)\b[^.;:]{0,40}?\b(?:to|for)\s+"
    r"(?:all|everyone|everybody|every)\b",
    re.IGNORECASE,
)
_STAGED = re.compile(r"\b(?:once|after|if|when|until|unless|only)\b", re.IGNORECASE)
# What turns a worded stance down just before it: a refusal, or a judgement that it is a
# mistake ("it would be wrong to add a disclaimer"). "Wrong" alone describes the errors
# themselves more often than it judges ("for the wrong readings, I'd add a disclaimer").
_TURNED_DOWN = re.compile(
    REFUSAL.pattern + rf"|\b(?:{_SET_ASIDE})\b|\b(?:be|is|it'?s)\s+(?:a\s+)?(?:wrong|mistake)\b"
    r"|\bmistake\s+(?:is|was|would be)\b",
    re.IGNORECASE,
)
# Someone else's position, reported: "Design wants to keep it and add a disclaimer."
_REPORTED = re.compile(
    r"\b(?!i\b|we\b)\w+\s+(?:wants?|wanted|suggests|suggested|proposes|proposed|asks|asked|"
    r"says|said|argues|argued)\b",
    re.IGNORECASE,
)
WORDED_FLAGS: dict[str, re.Pattern[str]] = {
    "defers-to-engineers": _DEFERS,
    "waits-for-it-to-fix-itself": _WAITS,
    "disclaimer-as-fix": _DISCLAIMS,
    "denies-model-bias": _DENIES_BIAS,
    "launches-to-everyone": _EVERYONE,
}
# Words anywhere earlier in the sentence that make a worded stance something else.
_UNLESS_EARLIER: dict[str, re.Pattern[str]] = {"launches-to-everyone": _STAGED}
# Flags raised by their words alone: by meaning or shared words, a rollout cue reads close
# to any sentence about a launch ("we launched, summaries started flowing, ...").
WORDED_ONLY = frozenset({"launches-to-everyone"})


def find_worded(flag: RedFlag, sentences: Sequence[Sentence]) -> RedFlagHit | None:
    """The first sentence whose words raise ``flag`` (see ``WORDED_FLAGS``), unless it
    turns that down just before ("I wouldn't just do whatever legal says", "rather than
    add a disclaimer"), reports another's view ("Design wants to ... add a disclaimer") or,
    for some flags, is made something else earlier ("once the pilot holds, we'd ...")."""
    pattern = WORDED_FLAGS.get(flag.id)
    for sentence in sentences if pattern else ():
        match = pattern.search(sentence.text)
        if not match:
            continue
        before = sentence.text[max(0, match.start() - 40) : match.start()]
        if _TURNED_DOWN.search(before) or _REPORTED.search(before):
            continue
        earlier = _UNLESS_EARLIER.get(flag.id)
        if earlier is None or not earlier.search(sentence.text[: match.start()]):
            return RedFlagHit.quoting(flag.id, flag.text, flag.why, sentence)
    return None


def find_red_flags(
    flags: list[RedFlag], matcher: SentenceMatcher, strong_cues: Sequence[str] = ()
) -> list[RedFlagHit]:
    """The flags the answer raises, each with the sentence that raised it.

    A match by meaning alone must also be closer to the flag than to every cue of a key
    point (``strong_cues``): a sentence on the flag's topic that reads more like the
    strong move ("precision of 0.95 means a flag is almost always right. But ...") is
    taking the other side. A match by wording alone gives way too when the sentence reads
    as a key point (cosine ``READS_AS_KEY_POINT`` or more to one of its cues) and is closer
    to it than to the flag: "keep a switch to turn it off" shares the words of "turn it on
    for all adjusters at once" and means the opposite. Some generic flags are also raised by
    the words that carry their stance (``find_worded``).
    """
    strongest = (
        matcher.cosine(list(strong_cues)).max(axis=0)
        if strong_cues
        else np.zeros(len(matcher.sentences))
    )
    hits = []
    for flag in (f for f in flags if f.id not in WORDED_ONLY):
        cosine = matcher.cosine(flag.cues)
        for index, sentence in enumerate(matcher.sentences):
            wording = [matcher.lexical(cue, index, min_hits=2) for cue in flag.cues]
            meaning = cosine[:, index].max()
            closer_to_flag = meaning > strongest[index]
            by_meaning = meaning >= COSINE_THRESHOLD and closer_to_flag
            by_wording = max(wording) >= LEXICAL_THRESHOLD and (
                closer_to_flag or strongest[index] < READS_AS_KEY_POINT
            )
            if not (by_wording or by_meaning):
                continue
            # The cue that raised it: by wording if it did, else the closest in meaning.
            best = max(
                range(len(flag.cues)),
                key=lambda i: (wording[i], cosine[i, index]) if by_wording else cosine[i, index],
            )
            said = _negations(_scope(sentence.text, flag.cues[best]))
            meant = _negations(flag.cues[best])
            if said > meant:
                continue
            # Neither wording nor the model sees a negation: "we need to review the replies"
            # has every word of "no need to review the replies", and the model reads "I'd
            # tell the support team" as close to "I would not tell the support team". A
            # sentence that negates less than the cue raises the flag only by meaning; one
            # that refuses nothing the cue refuses, only through a cue that refuses no
            # more than it does ("keep it quiet").
            if said < meant and not by_meaning:
                continue
            refused = _refusals(sentence.text)
            if refused < _refusals(flag.cues[best]):
                plain = [
                    cosine[i, index] for i, c in enumerate(flag.cues) if _refusals(c) <= refused
                ]
                close = max(plain, default=0.0)
                if close < COSINE_THRESHOLD or close <= strongest[index]:
                    continue
            hits.append(RedFlagHit.quoting(flag.id, flag.text, flag.why, sentence))
            break
    raised = {h.id for h in hits}
    for flag in flags:
        worded = None if flag.id in raised else find_worded(flag, matcher.sentences)
        if worded:
            hits.append(worded)
    return hits


_CLAUSE = re.compile(
    r"(?<!\d),|,(?!\d)|[;:()]|\s[-–—]\s|\s(?=but\b|yet\b|and\b|so\b|if\b|because\b)",
    re.IGNORECASE,
)
# A short lead-in before a colon, which frames what follows it.
_LABEL = re.compile(r"\s*([^:,;]{1,40}):\s")
# A clause that judges the one before it: "..., and I'd say that's not acceptable".
_VERDICT_ON_IT = re.compile(
    r"\s*(?:but|yet|and)?\s*(?:i(?:'d|’d| would)? (?:say|think|argue)\s+)?"
    r"(?:that|this|which)(?:['’]s| is| was| would be)\b",
    re.IGNORECASE,
)


def _scope(sentence: str, cue: str) -> str:
    """The part of the sentence that says the cue: the clauses holding its words.

    A clause that starts with "but" right after one of them belongs to it ("3% sounds
    small but it isn't"), as does one that passes judgement on it ("..., and I'd say
    that's not acceptable"), and so does a short lead-in before a colon ("What wasn't
    mine: ..."). A comma inside a number ("all 1,200 adjusters") splits
    nothing. With no shared word the whole sentence is the scope.
    """
    clauses = [c for c in _CLAUSE.split(sentence) if c.strip()]
    wanted = set(content_stems(cue))
    kept = []
    for index, clause in enumerate(clauses):
        if wanted & set(content_stems(clause)):
            kept.append(clause)
            following = clauses[index + 1] if index + 1 < len(clauses) else ""
            if following.lstrip().lower().startswith(("but ", "yet ")) or _VERDICT_ON_IT.match(
                following
            ):
                kept.append(following)
    label = _LABEL.match(sentence)
    if kept and label:  # "What wasn't mine: the engineers chose the model" is all one claim
        kept.insert(0, label.group(1))
    return " ".join(dict.fromkeys(kept)) if kept else sentence


def _refusals(text: str) -> int:
    """Words that refuse an act (not, never, don't, without ...), not words that judge it."""
    return len(REFUSAL.findall(text))


def _negations(text: str) -> int:
    """Negating words; a sentence that negates more than the cue does is turning it down."""
    return len(_NEGATION.findall(text))
