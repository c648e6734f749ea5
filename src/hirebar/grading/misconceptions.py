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
    # Where a claim ends within its sentence: ``pattern`` is searched clause by clause,
    # and a clause that also says the right thing (``right``) is not the mistake.
    clauses: re.Pattern[str] | None = None
    right: re.Pattern[str] | None = None
    # Words one of which the sentence must hold (lower case): a cheap test before the
    # patterns, which are long.
    needs: tuple[str, ...] = ()

    def stated_in(self, sentence: str) -> bool:
        lowered = sentence.lower()
        if self.needs and not any(word in lowered for word in self.needs):
            return False
        if self.unless is not None and self.unless.search(sentence):
            return False
        parts = self.clauses.split(sentence) if self.clauses else [sentence]
        return any(
            self.pattern.search(part) and not (self.right and self.right.search(part))
            for part in parts
        )


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_DEFINES = (
    r"(?:\b(?:is|means|measures|tells(?: you| us)?|shows|answers|asks|captures|refers to|meaning|"
    r"being|which is|in other words|(?:computed|calculated|defined) as|(?:was|is|of|at) \d[\d.]* ?%,? so)\b|=|:|\bi\.e\.|"
    r",\s*(?:the|a|our)\s+(?:share|fraction|percentage|proportion|number))"
)
_TP = r"(?:tp|true positives?)"


def _tp_over(errors: str) -> str:
    """The formula "TP / (TP + errors)", in symbols or in words."""
    return _TP + r"\s*(?:/|divided by|over)\s*\(?\s*" + _TP + r"\s*(?:\+|plus)\s*" + errors


# What recall (sensitivity) is: a share of the real positives.
_RECALL_DEFINITION = (
    r"(?:of (?:all |every )?(?:the )?(?:actual|real|true|genuine)\w*\b|(?:actual|real|true) (?:positives|cases|"
    r"fraud|defaulters|attacks|melanomas|commands)|(?:we|it|the model|the system) (?:catch|caught|"
    r"found|find|flag(?:ged|s)?)\b.{0,30}\b(?:at all|of all|out of all)|how many of the "
    r"(?:actual|real|true)|slip(?:s|ped)? (?:through|past)|get(?:s)? through|go(?:es)? undetected|"
    r"miss(?:es|ed|ing)?\b|\bhow complete\b|\bcompleteness\b|\bcoverage\b"
    r"|how many (?:of )?(?:the |all )?(?:\w+ ){0,3}(?:we|it|the model) (?:\w+ ){0,2}(?:catch|"
    r"detect|find|identify|capture)"
    r"|how many did (?:we|it|the model) (?:\w+ )?(?:catch|detect|find|identify|capture|flag)"
    r"|out of all (?:the )?(?:\w+ ){0,3}(?:out there|that exist|there are)"
    r"|\b(?:catch|catches|caught|detects?|detected|finds?|found|identif(?:y|ies|ied)|captures?|"
    r"captured)\b (?:almost |nearly )?(?:all|every|\d[\d.]* ?%|most) (?:of )?(?:the )?"
    r"(?!(?:flags|alerts|predictions)\b)\w+"
    r"|of (?:all |every )(?:the )?(?:\w+ )?(?:sick |fraudulent |toxic |spam |relevant )?"
    r"(?:patients|cases|fraud|spam|posts|transactions|payments|emails|documents|results|users)"
    r"\b(?!.{0,30}\b(?:we|it|the model|the system) (?:flag|block|predict|call|mark|remov))"
    r"|true positive rate|\btpr\b|hit rate|" + _tp_over(r"(?:fn|false negatives?)") + ")"
)
# What precision is: a share of the model's own positive calls.
_PRECISION_DEFINITION = (
    r"(?:of (?:all |the |our )?(?:the )?(?:flags|flagged|predictions|predicted|alerts|declines|"
    r"picks|calls|positives (?:we|it) (?:called|predicted|flagged))|(?:the system|the model|"
    r"the app|it) (?:accepted|flagged|predicted|says|tells|called).{0,60}\b(?:right|correct|"
    r"actually)|when (?:it|the model|the app) (?:says|flags|tells|predicts).{0,60}\b(?:right|"
    r"correct)"
    r"|how often (?:the model|the classifier|the system|it|we) (?:is|are|was|were|gets? it) "
    r"(?:right|correct)"
    r"|how often (?:a |an |the )?(?:flagged|removed|blocked|predicted|returned) \w+ "
    r"(?:really |actually |truly )?(?:is|are)"
    r"|how (?:trustworthy|reliable|accurate|correct|right) (?:a |an |the |our |its )?(?:positive )?"
    r"(?:predictions?|flags?|alerts?|calls?)"
    r"|how many of the (?:returned|retrieved|shown|flagged|predicted|surfaced|removed|blocked) "
    r"\w+ (?:are|were|is|was)"
    r"|(?:positive )?(?:predictions|flags|calls|alerts) (?:that |which )?(?:turn(?:s|ed)? out|are|"
    r"were) (?:to be )?(?:actually |really )?(?:correct|right|true|accurate|real)"
    r"|(?:we|it|the model|the system|the filter|the classifier) (?:remov|flag|block|predict|mark|"
    r"label|call|escalat|declin|reject|send|sent|rout)\w* (?:\w+ ){0,4}(?:genuinely|really|"
    r"actually|truly) \w+"
    r"|(?:routed|flagged|removed|blocked|sent|marked|labell?ed|escalated|declined|rejected)\b"
    r".{0,40}\b(?:truly|really|actually|genuinely|almost always|nearly always) (?:is|are|was|"
    r"were|violate\w*|real|correct|right|relevant)"
    r"|(?:\b(?:few|fewer|less|no)\s+(?:\w+\s+){0,2}false (?:alarms|positives))"
    r"|over (?:everything|all) (?:that )?(?:the model |we |it )?(?:predicted|flagged|called)"
    r"|accuracy of (?:our |its |the )?(?:positive )?(?:predictions|flags|calls|alerts)"
    r"|of the (?:\w+ ){0,2}(?:we|it|the model|the system) (?:blocked|flagged|removed|predicted|"
    r"marked|labell?ed|called|escalated|declined|rejected|sent|show|return|surface|display|"
    r"retriev)\w*\b.{0,30}\b(?:were|was|are|is)\b"
    r"|positive predictive value|\bppv\b|" + _tp_over(r"(?:fp|false positives?)") + ")"
)
# Consequences said as if they defined the measure: recall with few false alarms,
# precision with few misses.
_RECALL_AS_FEW_ALARMS = (
    r"(?:high|higher|better|rais\w*|improv\w*|increas\w*|boost\w*)\s+(?:recall|sensitivity)\b"
    r".{0,40}\b(?:few|fewer|less|no|low|reduc\w*|cut\w*)\s+(?:\w+\s+){0,3}false (?:alarms|positives)"
    r"|(?:low|lower|poor|bad)\s+(?:recall|sensitivity)\b.{0,40}\b(?:lots of|many|more|a lot of|"
    r"too many)\s+false (?:alarms|positives)"
)
_PRECISION_AS_FEW_MISSES = (
    r"(?:high|higher|better|rais\w*|improv\w*|increas\w*|boost\w*)\s+precision\b.{0,40}"
    r"\b(?:miss(?:es|ing)? (?:fewer|less|few|nothing|none)|fewer (?:missed|misses)|"
    r"catch(?:es|ing)? (?:more|almost all|nearly all|all|everything))"
    r"|(?:low|lower|poor|bad)\s+precision\b.{0,40}\b(?:miss(?:es|ing)? (?:a lot|many|lots|more)|"
    r"more (?:missed|misses))"
)
# The right definitions, said plainly: a clause that says them is not the swap.
_SHARE_OF = r"(?:share|fraction|percentage|proportion|how many|how much|what part)\s+of\s+"
_PRECISION_RIGHT = (
    r"\bprecision\b.{0,40}?" + _SHARE_OF + r"(?:all\s+|the\s+|our\s+|its\s+)*(?:flag\w*|"
    r"predict\w*|alerts?|positive (?:calls|predictions)|\w+\s+(?:we|it|the model)\s+(?:flag|"
    r"block|predict|call))"
)
_RECALL_RIGHT = (
    r"\b(?:recall|sensitivity)\b.{0,40}?" + _SHARE_OF + r"(?:all\s+|the\s+|every\s+)*"
    r"(?:actual|real|true)\b"
)
_CONTRAST = (
    r"\b(?:not|n't|never|nothing|rather than|instead of|unlike|confus\w*|mix(?:es|ed)?[- ]?ups?|"
    r"myth|mistake|misconception|misread\w*|push(?:ing)? back|the claim that|"
    r"(?:is|was|that's|that is) wrong|tempting|people (?:often )?(?:say|think|believe)|"
    r"(?:that's|that is) (?:actually |really )?(?:recall|precision))\b"
)
# A claim about precision ends where recall is named, and the reverse, and at a turn in
# the sentence: "high precision means few false alarms; high recall, few misses" is right.
_TURN = (
    r";|,\s*and\b|\bno matter\b|\bbut\b|\bhowever\b|\byet\b|\balthough\b|\bthough\b|"
    r"\bwhereas\b|\bwhile\b"
)
_UNTIL_RECALL = rf"(?={_TURN})|(?=\b(?:recall|sensitivity)\b)"
_UNTIL_PRECISION = rf"(?={_TURN})|(?=\bprecision\b)"

MISCONCEPTIONS: tuple[Misconception, ...] = (
    Misconception(
        id="precision-as-recall",
        text="Defines precision as the share of real positives caught (that is recall).",
        why="Precision is the share of the model's positive calls that are right; recall is the "
        "share of real positives it catches. Swapping them reverses every threshold decision.",
        pattern=_rx(
            rf"\bprecision\b.{{0,40}}?{_DEFINES}.{{0,80}}?{_RECALL_DEFINITION}"
            rf"|\d[\d.]* ?% precision\b.{{0,60}}?{_RECALL_DEFINITION}|{_PRECISION_AS_FEW_MISSES}"
        ),
        unless=_rx(_CONTRAST),
        clauses=_rx(_UNTIL_RECALL),
        needs=("precision",),
        right=_rx(_PRECISION_RIGHT),
    ),
    Misconception(
        id="recall-as-precision",
        text="Defines recall (or sensitivity) as the share of flagged cases that are right "
        "(that is precision).",
        why="Recall is the share of real positives the model catches; the share of its flags "
        "that are right is precision. A committee reads the swap as not knowing the basics.",
        pattern=_rx(
            rf"\b(?:recall|sensitivity)\b.{{0,40}}?{_DEFINES}.{{0,80}}?{_PRECISION_DEFINITION}"
            rf"|\d[\d.]* ?% (?:recall|sensitivity)\b.{{0,60}}?{_PRECISION_DEFINITION}"
            rf"|{_RECALL_AS_FEW_ALARMS}"
        ),
        unless=_rx(_CONTRAST),
        clauses=_rx(_UNTIL_PRECISION),
        needs=("recall", "sensitivity"),
        right=_rx(_RECALL_RIGHT),
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
        needs=("auc", "roc"),
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
        needs=("f1",),
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
        needs=("overfit",),
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
        needs=("threshold", "cut", "bar"),
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
        needs=("accuracy",),
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
        needs=("value", "p of", "p =", "p=", "significan"),
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
        needs=("power",),
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
        needs=("stop",),
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
        needs=("log",),
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
            if not item.stated_in(sentence.text):
                continue
            hits.append(MisconceptionHit(item, sentence))
            break
    return hits
