"""Confident wrong statements about core ML ideas, found sentence by sentence.

A committee stops trusting a candidate who swaps precision and recall or reads
AUC as calibration, however fluent the rest is. Embeddings cannot tell a
definition from its mirror image (the two sentences are near neighbours), so
these are explicit patterns over one sentence: a concept, a defining verb, and
the definition of a *different* concept. Sentences that negate or contrast
("AUC says nothing about calibration") are left alone. Patterns run on one
sentence at a time, so ``.`` never reaches into the next sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hirebar.grading.text import Sentence


@dataclass(frozen=True)
class Misconception:
    id: str
    text: str
    why: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None = None


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_DEFINES = r"(?:is|means|measures|tells(?: you| us)?|shows|=|meaning|being|which is|:|,\s*(?:the|a|our)\s+(?:share|fraction|percentage|proportion|number))"
# What recall (sensitivity) is: a share of the real positives.
_RECALL_DEFINITION = (
    r"(?:of (?:all )?(?:the )?(?:actual|real|true)\b|(?:actual|real|true) (?:positives|cases|"
    r"fraud|defaulters|attacks|melanomas|commands)|(?:we|it|the model|the system) (?:catch|caught|"
    r"found|find|flag(?:ged|s)?)\b.{0,30}\b(?:at all|of all|out of all)|how many of the "
    r"(?:actual|real|true)|slip through|miss(?:es|ed)?\b)"
)
# What precision is: a share of the model's own positive calls.
_PRECISION_DEFINITION = (
    r"(?:of (?:all |the |our )?(?:the )?(?:flags|flagged|predictions|predicted|alerts|declines|"
    r"picks|calls|positives (?:we|it) (?:called|predicted|flagged))|(?:the system|the model|"
    r"the app|it) (?:accepted|flagged|predicted|says|tells|called).{0,60}\b(?:right|correct|"
    r"actually)|when (?:it|the model|the app) (?:says|flags|tells|predicts).{0,60}\b(?:right|"
    r"correct))"
)
_CONTRAST = r"\b(?:not|n't|never|nothing|rather than|instead of|unlike|confus\w*|mix(?:es|ed)? up|myth|mistake)\b"

MISCONCEPTIONS: tuple[Misconception, ...] = (
    Misconception(
        id="precision-as-recall",
        text="Defines precision as the share of real positives caught (that is recall).",
        why="Precision is the share of the model's positive calls that are right; recall is the "
        "share of real positives it catches. Swapping them reverses every threshold decision.",
        pattern=_rx(rf"\bprecision\b.{{0,40}}?\b{_DEFINES}.{{0,80}}?{_RECALL_DEFINITION}"),
        unless=_rx(_CONTRAST),
    ),
    Misconception(
        id="recall-as-precision",
        text="Defines recall (or sensitivity) as the share of flagged cases that are right "
        "(that is precision).",
        why="Recall is the share of real positives the model catches; the share of its flags "
        "that are right is precision. A committee reads the swap as not knowing the basics.",
        pattern=_rx(
            rf"\b(?:recall|sensitivity)\b.{{0,40}}?\b{_DEFINES}.{{0,80}}?{_PRECISION_DEFINITION}"
        ),
        unless=_rx(_CONTRAST),
    ),
    Misconception(
        id="auc-as-calibration",
        text="Describes AUC as measuring calibration or how accurate the probabilities are.",
        why="AUC only measures ranking: how often a positive scores above a negative. It says "
        "nothing about whether a score of 0.8 means an 80 % chance; that is calibration.",
        pattern=_rx(
            r"\b(?:auc|roc)\b.{0,80}\b(?:calibrat\w*|probabilit(?:y|ies) (?:are|is) (?:now )?(?:more )?"
            r"(?:accurate|correct|right|reliable|trustworthy)|really means an? \d+ ?%|"
            r"accurate probabilit\w*)"
        ),
        unless=_rx(
            _CONTRAST
            + r"|\bbut\b|\bonly\b|\bwhile\b|\bwhereas\b|\bseparately\b|\balso\b.{0,30}calibrat"
            + r"|\b(?:auc|roc)\b.{0,15}(?:\band\b|,|\bplus\b).{0,15}calibrat"
        ),
    ),
    Misconception(
        id="f1-as-average",
        text="Calls F1 the simple average of precision and recall.",
        why="F1 is the harmonic mean, which drags towards the weaker of the two; a plain "
        "average hides a model with high precision and useless recall.",
        pattern=_rx(
            r"\bf1\b.{0,60}\b(?:simple |plain |arithmetic |straight )?(?:average|mean) of "
            r"(?:the two|precision and recall|recall and precision|both)"
        ),
        unless=_rx(r"harmonic"),
    ),
    Misconception(
        id="overfitting-as-poor-training-fit",
        text="Describes overfitting as a model doing poorly on its training data.",
        why="An overfit model does very well on its training data and poorly on new data; "
        "poor training performance is underfitting.",
        pattern=_rx(
            r"(?:overfit\w*.{0,120}\b(?:poor(?:ly)?|bad(?:ly)?|low|worse|struggl\w*|fail\w*)"
            r"\b.{0,30}\b(?:on|at|with) (?:its |the |their )?(?:own )?training"
            r"|(?:poor(?:ly)?|bad(?:ly)?|worse)\b.{0,30}\b(?:on|at) (?:its |the )?(?:own )?"
            r"training.{0,60}\boverfit)"
        ),
        unless=_rx(
            r"\b(?:validation|held[- ]out|unseen|test set|new data)\b.{0,40}\b(?:poor|bad|worse)|underfit"
        ),
    ),
    Misconception(
        id="threshold-raises-recall",
        text="Says raising the decision threshold raises recall or catches more cases.",
        why="A higher threshold makes the model flag less: precision tends to rise and recall "
        "falls. Getting the direction wrong sends the launch the wrong way.",
        pattern=_rx(
            r"(?:rais\w*|increas\w*|higher|tighten\w*|push(?:ing)? up)\b.{0,40}\b(?:threshold|"
            r"cut-?off|cutoff|bar)\b.{0,80}\b(?:more sensitive|(?:higher|more|raises?|"
            r"increases?|boosts?|improves?|gives?(?: us)?(?: a)? higher)\b.{0,25}\b(?:recall|"
            r"sensitivity)|catch(?:es)? more|flag(?:s)? more)"
        ),
        unless=_rx(r"\blower\w*\b.{0,20}\b(?:recall|sensitivity)|\bfewer\b.{0,20}\bcatch"),
    ),
    Misconception(
        id="accuracy-on-rare-events",
        text="Calls accuracy a reliable measure when the positive class is rare.",
        why="When 1 % of cases are positive, a model that never flags anything is 99 % "
        "accurate; accuracy hides exactly the errors that matter.",
        pattern=_rx(
            r"\baccuracy\b.{0,60}\b(?:reliable|dependable|good|fine|trustworthy|right|best|"
            r"main|meaningful|solid)\b.{0,80}\b(?:rare|imbalanc\w*|only (?:about )?\d|tiny share|"
            r"(?:even|although|though) .{0,40}(?:rare|\d+ ?%))"
            r"|(?:\b(?:rare|imbalanc\w*|tiny share)\b|\bonly (?:about )?\d[\d.]* ?%).{0,80}\baccuracy\b"
            r".{0,30}\b(?:is |as )?(?:a )?"
            r"(?:reliable|dependable|good|fine|trustworthy)"
            r"|\baccuracy\b.{0,40}\b(?:sat|is|was|stays?) (?:around |above |at )?\d\d(?:\.\d)?"
            r" ?(?:%|percent).{0,40}\bso (?:we knew|the model (?:is|was)) (?:it was |the model "
            r"(?:is|was) )?reliable"
        ),
        unless=_rx(r"\b(?:misleading|hides?|useless|meaningless|fool|trap|not)\b"),
    ),
    Misconception(
        id="p-value-as-truth",
        text="Reads a p-value as the chance that the hypothesis is true or the change is better.",
        why="A p-value is how surprising the data would be if there were no real difference; "
        "it is not the probability that the new version is better.",
        pattern=_rx(
            r"(?:\bp[- ]?values?\b|\bp of \d|\bp ?= ?0?\.\d|\bsignificance\b).{0,60}\b(?:chance|"
            r"probability|likelihood|odds|how likely|\d+ ?% sure)\b"
            r".{0,50}\b(?:hypothesis (?:is )?(?:true|right|correct)|(?:is|are|was) "
            r"(?:better|real|true|right|working)|works|wins)"
        ),
        unless=_rx(
            r"\b(?:if there (?:is|were) no|assuming|under the null|by chance alone|not the)\b"
        ),
    ),
    Misconception(
        id="power-as-truth",
        text="Reads statistical power as the chance that a positive result is real.",
        why="Power is the chance of detecting an effect of the chosen size if it exists; "
        "it says nothing about how likely a given positive result is to be true.",
        pattern=_rx(
            r"\bpower\b.{0,80}\b(?:chance|probability|likelihood)\b.{0,40}\b(?:(?:truly|really|"
            r"actually) )?(?:is|are) (?:better|real|true|right|working)"
        ),
        unless=_rx(r"\bif (?:the|there|a real)\b|\bexists\b|\bdetect"),
    ),
    Misconception(
        id="peeking",
        text="Plans to check a test repeatedly and stop as soon as it looks significant.",
        why="Stopping the first time p dips under 0.05 inflates false positives many times "
        "over; fix the sample size in advance or use a sequential method built for peeking.",
        pattern=_rx(
            r"\bstop\w*\b.{0,30}\b(?:the moment|as soon as|once|when(?:ever)?|the first time)\b.{0,30}"
            r"\b(?:p|p[- ]?value|it|the test|results?)\b.{0,20}\b(?:drops?|falls?|dips?|gets?|goes|is|"
            r"looks?|reads?|becomes?|hits?)\b.{0,20}\b(?:below|under|significant|positive)"
        ),
        unless=_rx(_CONTRAST + r"|\bsequential\b|\bpre-?regist|\bfixed\b"),
    ),
    Misconception(
        id="higher-log-loss-better",
        text="Treats a higher log loss as better.",
        why="Log loss is a penalty: lower is better, and it punishes confident wrong "
        "probabilities hardest.",
        pattern=_rx(
            r"(?:higher|increas\w*|rising|goes? up|went up|rais\w*)\b.{0,30}\blog[- ]?loss\b"
            r".{0,60}\b(?:better|good|improv\w*|healthier|win)"
            r"|\blog[- ]?loss\b.{0,40}\b(?:should|needs? to|want(?:s)? (?:it )?to) "
            r"(?:go up|increase|rise|be higher)"
            r"|\blog[- ]?loss\b.{0,40}\bhigher is better"
            r"|\blog[- ]?loss\b.{0,20}\b(?:went up|goes up|rose|increased|is higher)\b.{0,40}"
            r"\b(?:better|good|improv\w*)"
            r"|\bwant(?:s)? (?:the )?log[- ]?loss to (?:go up|increase|rise|be higher)"
        ),
        unless=_rx(_CONTRAST),
    ),
)


@dataclass(frozen=True)
class MisconceptionHit:
    misconception: Misconception
    sentence: Sentence


def find_misconceptions(sentences: list[Sentence]) -> list[MisconceptionHit]:
    """At most one hit per misconception: the first sentence that states it."""
    hits = []
    for item in MISCONCEPTIONS:
        for sentence in sentences:
            if not item.pattern.search(sentence.text):
                continue
            if item.unless is not None and item.unless.search(sentence.text):
                continue
            hits.append(MisconceptionHit(item, sentence))
            break
    return hits
