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
    r"(?:patients|cases|fraud|spam|posts|transactions|payments|emails|documents|results|users|"
    r"products|items|listings|pages|songs|videos|recipes|records|claims)"
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
    r"|of (?:the |all )?(?:the )?(?:returned|retrieved|shown|surfaced|recommended|suggested) "
    r"\w+ (?:that |which )?(?:are|were|is|was) (?:actually |really |truly )?(?:relevant|right|"
    r"correct|good)"
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
    r"\b(?:is|are|was|were|does|do|did)n['’]t (?:just |simply |necessarily )?(?:mean|tell|say|"
    r"show|measure|imply|perform|do|score|fit|raise|lower|increase|train\w*|fine-tun\w*|the|a|an|"
    r"about)\b|"
    r"\b(?:not|n't|never|nothing|rather than|instead of|unlike|confus\w*|mix(?:es|ed)?[- ]?ups?|"
    r"myth|mistake|misconception|misread\w*|push(?:ing)? back|the claim that|"
    r"people (?:\w+ )?(?:say|think|believe|assume|read|treat|like to|confuse)|used to (?:think|"
    r"believe)|"
    r"(?:is|was|that's|that is) wrong|tempting|"
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

# Doing badly on the training data itself: underfitting, whatever the speaker calls it.
_POOR_TRAINING_FIT = (
    r"(?:poor(?:ly)?|bad(?:ly)?|terrible|terribly|weak(?:ly)?|worse|struggl\w*|fail\w*)\b.{0,40}"
    r"\b(?:on|at|with) (?:its |the |their )?(?:own )?(?:training|data it was trained|(?:very )?"
    r"examples (?:\w+ ){0,2}trained)"
    r"|\btrain\w* (?:accuracy|performance|score|fit)\b.{0,20}\b(?:poor|bad|terrible|low|weak|awful)"
    r"|\btrain\w* (?:loss|error)\b.{0,20}\b(?:high|stays? high|won't come down|doesn't (?:come|go) "
    r"down|not (?:coming|going) down)"
    r"|\b(?:poor|bad|low|terrible|weak) training (?:performance|accuracy|score|fit|results)"
    r"|\bhigh training (?:loss|error)"
    r"|\b(?:can't|cannot|couldn't|unable to|fails? to) (?:even )?(?:fit|learn|memori[sz]e)\b.{0,30}"
    r"\btrain"
    r"|\bnever (?:really )?learn\w* the training"
    r"|\bmisclassif\w*.{0,40}\b(?:trained|training)"
)
_RAISE_THRESHOLD = (
    r"(?:(?:rais\w*|increas\w*|higher|tighten\w*|push(?:ing|ed)? up|bump\w*|crank\w* up|"
    r"nudg\w* up)\b.{0,40}\b(?:threshold|cut-?off|cutoff|bar)\b"
    r"|\bmov\w* (?:the |our |its )?(?:\w+ )?(?:threshold|cut-?off|cutoff|bar) (?:up|higher)\b)"
)
_REALLY_BETTER = (
    r"(?:(?:is|are|was|were)\s+(?:(?:truly|really|actually|genuinely|almost certainly|definitely)"
    r"\s+)?(?:the\s+)?(?:better|real|true|right|working|winning)\b|(?:truly|really|actually|"
    r"genuinely)\s+\w+|works|wins|beats?|lifted|improved|outperform\w*)"
)
_STOP_TEST = (
    r"\b(?:stop\w*|end(?:s|ed|ing)?(?: it)?(?: early)?|call(?:s|ed|ing)? it|declar\w* (?:a |the )?"
    r"winner|pull(?:ed|ing)? the plug|wrap\w* (?:it )?up|kill\w*)"
)
_LOSS = r"\b(?:log[- ]?loss|cross[- ]?entropy|perplexity|(?:validation|training|test) loss)\b"
_BETTER = (
    r"\b(?:better|good|improv\w*|healthier|win|stronger|learning well|fits? (?:\w+ )?better|"
    r"more confident)\b"
)
_TEMPERATURE_ZERO = r"(?:\btemperature\b.{0,30}\b(?:0|zero|0\.0)\b|\b(?:0|zero)\s+temperature\b)"
_NO_HALLUCINATION = (
    r"\b(?:no|stop\w*|eliminat\w*|prevent\w*|remov\w*|get rid of|cur\w*|fix\w*|solv\w*|"
    r"can't|cannot|won't|never|without|no more|free of|kill\w*|goes away|away)\b.{0,40}"
    r"\b(?:hallucinat\w*|made[- ]up|mak(?:e|es|ing) (?:things|stuff|facts) up|fabricat\w*|"
    r"invent\w*|the problem)"
)
_ALWAYS_CORRECT = (
    r"\b(?:always|guarantee\w*|ensur\w*|only says?|only gives?)\b.{0,40}\b(?:factual\w*|"
    r"correct|accurate|true|truthful)"
)
_STOP_HALLUCINATING = (
    r"\b(?:stop|eliminat|prevent|avoid|get rid of|fix|kill|worried about)\w*\b.{0,20}"
    r"\b(?:hallucinat\w*|made[- ]up (?:facts|answers)|fabricat\w*)"
)
_RAG = r"\b(?:rag|retrieval[- ]augmented(?: generation)?)\b"
_BIG_EFFECT = (
    r"\b(?:big|large|huge|massive|substantial|meaningful|important|material|sizable|sizeable|"
    r"major|by a lot|enough to matter|a lot)\b"
)
_FINE_TUNE = r"\bfine[- ]?tun\w*|\bfinetun\w*"
_EVERY_DAY = (
    r"\b(?:every (?:day|night|morning|week|hour)|daily|nightly|each (?:day|night|morning)|"
    r"overnight)\b"
)
_FRESH_FACTS = (
    r"\b(?:facts?|prices?|pricing|inventory|stock|policies|policy|rules|fares|availability|"
    r"up[- ]to[- ]date|current|fresh\w*|latest|today's|knows?)\b"
)

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
            r"accurate probabilit\w*|probabilit\w* (?:\w+ ){0,2}(?:match|line up|track|reflect)\w*"
            r"|(?:says?|said|predicts?|predicted|gives?|gave)\b.{0,30}\d+ ?(?:%|percent)\b.{0,60}"
            r"\b\d+ ?(?:%|percent))"
            r"|\d+ ?(?:%|percent) (?:chance|risk|probability)\b.{0,60}\b(?:auc|roc)\b.{0,30}"
            r"\b(?:guarantee|ensure|mean|show|prove)\w*"
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
            r"(?:\w+ ){0,5}(?:the two|precision|precise|recall|both)"
            r"|\bf1\b.{0,60}\baverag(?:es|ing) (?:out )?(?:the two|them|both|precision|recall)"
            r"|(?:precision (?:and|plus) recall|recall (?:and|plus) precision|the two)\b.{0,30}"
            r"\b(?:divid\w* (?:it |them |that |the sum )?by (?:two|2)|halv\w*)"
        ),
        unless=_rx(r"harmonic|" + _CONTRAST),
        needs=("f1",),
    ),
    Misconception(
        id="overfitting-as-poor-training-fit",
        text="Describes overfitting as a model doing poorly on its training data.",
        why="An overfit model does very well on its training data and poorly on new data; "
        "poor training performance is underfitting.",
        pattern=_rx(
            rf"overfit\w*.{{0,120}}(?:{_POOR_TRAINING_FIT})|(?:{_POOR_TRAINING_FIT}).{{0,80}}overfit"
        ),
        unless=_rx(
            r"\b(?:validation|held[- ]out|unseen|test set|new data)\b.{0,40}\b(?:poor|bad|worse)"
            r"|underfit|too simple|" + _CONTRAST
        ),
        clauses=_rx(_TURN),
        needs=("overfit",),
    ),
    Misconception(
        id="threshold-raises-recall",
        text="Says raising the decision threshold raises recall or catches more cases.",
        why="A higher threshold makes the model flag less: precision tends to rise and recall "
        "falls. Getting the direction wrong sends the launch the wrong way.",
        pattern=_rx(
            rf"{_RAISE_THRESHOLD}.{{0,80}}\b(?:more sensitive|(?:higher|more|raises?|increases?|"
            r"boosts?|improves?|lifts?|gives?(?: us)?(?: a)? higher)\b.{0,25}\b(?:recall|"
            r"sensitivity)|(?:recall|sensitivity) (?:goes |went )?up|pushes recall up|"
            r"catch(?:es)? more|flag(?:s)? more|(?:more|increases? the number of) (?:\w+ )?"
            r"(?:positives|flags|alerts))"
            r"|(?:catch(?:es)? more|miss(?:es)? fewer|fewer misse[sd]|more recall|higher recall|push\w* "
            r"recall up|"
            rf"(?:boost|raise|improve|increase)s? (?:our |the )?recall)\b.{{0,60}}{_RAISE_THRESHOLD}"
        ),
        unless=_rx(
            r"\blower\w*\b.{0,20}\b(?:recall|sensitivity)|\bfewer\b.{0,20}\bcatch|" + _CONTRAST
        ),
        clauses=_rx(_TURN),
        needs=("threshold", "cut", "bar"),
    ),
    Misconception(
        id="accuracy-on-rare-events",
        text="Calls accuracy a reliable measure when the positive class is rare.",
        why="When 1 % of cases are positive, a model that never flags anything is 99 % "
        "accurate; accuracy hides exactly the errors that matter.",
        # Three things in one sentence, in any order: a rare class, accuracy, and trust in it.
        pattern=_rx(
            r"^(?=.*\b(?:rare\w*|imbalanc\w*|tiny share|skewed|minority class|one in (?:a |every )?"
            r"(?:hundred|thousand|million|\d[\d,]*)|\d+ in (?:a |every )?(?:hundred|thousand|million|"
            r"\d[\d,]*)|(?:only|just|under|below|less than) (?:about |around )?\d[\d.]* ?(?:%|percent)"
            r"))(?=.*\baccura(?:cy|te)\b)(?=.*\b(?:reliable|dependable|good|great|fine|trustworthy|"
            r"best|go-to|meaningful|solid|strong evidence|matters? most|the (?:metric|number) that "
            r"matters|doing (?:a )?(?:great|good|fine)|tells? (?:you|us) how well|headline|"
            r"works? (?:fine|well)|knew (?:it|the model) (?:was|is) (?:working|reliable)))"
        ),
        unless=_rx(
            r"\w+n't\b|\b(?:misleading|mislead|hides?|useless|meaningless|fool\w*|trap|not|"
            r"never|used to think|instead|rather than|precision|recall|stopped|regardless|look(?:s|ed)? (?:great|good))\b"
        ),
        needs=("accura",),
    ),
    Misconception(
        id="p-value-as-truth",
        text="Reads a p-value as the chance that the hypothesis is true or the change is better.",
        why="A p-value is how surprising the data would be if there were no real difference; "
        "it is not the probability that the new version is better.",
        pattern=_rx(
            r"(?:\bp[- ]?values?\b|\bp of \d|\bp ?(?:=|<) ?0?\.\d|\bp (?:was|is|of|at|equals?|equal to"
            r"|came (?:back |in )?at) 0?\.\d|\bsignificance\b).{0,60}\b(?:chance|probability|"
            r"likelihood|odds|how likely|\d+ ?(?:%|percent) (?:sure|certain|confident))\b"
            rf".{{0,50}}\b(?:hypothesis (?:is )?(?:true|right|correct)|{_REALLY_BETTER}|"
            r"(?:is|was) (?:just )?(?:a )?(?:fluke|luck|noise|random chance))"
        ),
        unless=_rx(
            r"\b(?:if there (?:is|were) no|assuming|under the null|by chance alone|not the)\b|"
            + _CONTRAST
        ),
        needs=(
            "value",
            "p of",
            "p =",
            "p=",
            "p <",
            "p<",
            "p was",
            "p is",
            "p at",
            "p equal",
            "p came",
            "significan",
        ),
    ),
    Misconception(
        id="power-as-truth",
        text="Reads statistical power as the chance that a positive result is real.",
        why="Power is the chance of detecting an effect of the chosen size if it exists; "
        "it says nothing about how likely a given positive result is to be true.",
        pattern=_rx(
            r"\bpower(?:ed)?\b.{0,80}\b(?:chance|probability|likelihood|how likely|confident|sure|"
            rf"certain)\b.{{0,50}}\b{_REALLY_BETTER}"
            r"|\bpower\b.{0,40}\b(?:means|so)\b.{0,40}\b(?:result|winner|positive)\w* (?:is|are) "
            r"(?:almost )?(?:certainly|definitely|surely|probably) (?:real|true|right)"
        ),
        unless=_rx(r"\bif (?:the|there|a real)\b|\bexists\b|\bdetect|" + _CONTRAST),
        needs=("power",),
    ),
    Misconception(
        id="peeking",
        text="Plans to check a test repeatedly and stop as soon as it looks significant.",
        why="Stopping the first time p dips under 0.05 inflates false positives many times "
        "over; fix the sample size in advance or use a sequential method built for peeking.",
        pattern=_rx(
            rf"{_STOP_TEST}\b.{{0,40}}\b(?:the moment|as soon as|once|when(?:ever)?|the first time|"
            r"if)\b.{0,40}\b(?:(?:p|p[- ]?value|it|the test|results?|lift|variant)\b.{0,20}\b(?:drops?|"
            r"falls?|dips?|gets?|goes|is|looks?|reads?|becomes?|became|turns?|turned|hits?|reach\w*)\b.{0,20}\b(?:below|"
            r"under|significan\w*|positive)|(?:hits?|reach\w*|shows?) significan\w*)"
            r"|(?:the moment|as soon as|once|when(?:ever)?|the first time|if)\b.{0,50}\b(?:hits?|"
            r"reach\w*|gets? to|shows?|turns?|becomes?)\b.{0,10}\b(?:significan\w*|\d+ ?(?:%|percent)"
            rf"(?: confidence| significance)?)\b.{{0,40}}\b(?:{_STOP_TEST}|ship\w*)"
            rf"|{_STOP_TEST}.{{0,60}}\b(?:because|since|as|once)\b.{{0,30}}\balready significant"
            r"|\bno (?:harm|problem|issue) (?:in|with) peeking"
            r"|no need to wait for the (?:planned |full )?sample"
        ),
        unless=_rx(
            _CONTRAST + r"|\bsequential\b|\bpre-?regist|\bfixed\b|\binflat\w*|false positive"
        ),
        needs=("significan", "peek", "below", "under", "positive", "sample", "confidence"),
    ),
    Misconception(
        id="higher-log-loss-better",
        text="Treats a higher log loss (or cross-entropy, or perplexity) as better.",
        why="Log loss, cross-entropy and perplexity are penalties: lower is better, and they "
        "punish confident wrong probabilities hardest.",
        pattern=_rx(
            r"(?:higher|highest|larger|largest|bigger|biggest|increas\w*|rising|goes? up|went up|"
            rf"rais\w*|climb\w*)\b.{{0,30}}{_LOSS}.{{0,60}}{_BETTER}"
            rf"|{_LOSS}.{{0,40}}\b(?:should|needs? to|want(?:s)? (?:it )?to) "
            r"(?:go up|increase|rise|be higher)"
            rf"|{_LOSS}.{{0,40}}\bhigher is better"
            rf"|{_LOSS}.{{0,20}}\b(?:went up|goes up|rose|increased|is higher|was higher|climbed|"
            rf"kept rising|grew|keeps? going up)\b.{{0,60}}{_BETTER}"
            rf"|\bwant\w* (?:the |your |our )?{_LOSS} to (?:go up|increase|rise|be (?:as )?high)"
        ),
        unless=_rx(_CONTRAST),
        needs=("log", "entropy", "perplexity", "loss"),
    ),
    Misconception(
        id="temperature-zero-no-hallucination",
        text="Says a temperature of zero stops an LLM hallucinating or makes it correct.",
        why="Temperature zero makes the output (nearly) the same every time, not true: a model "
        "that believes a wrong fact states it at temperature zero on every run. Grounding, "
        "citations and evaluation reduce hallucination.",
        pattern=_rx(
            rf"{_TEMPERATURE_ZERO}.{{0,80}}(?:{_NO_HALLUCINATION}|{_ALWAYS_CORRECT})"
            rf"|(?:{_STOP_HALLUCINATING}).{{0,60}}\b(?:set|turn|drop|lower|put|use)\w*\b.{{0,20}}"
            rf"{_TEMPERATURE_ZERO}"
        ),
        unless=_rx(
            r"\b(?:not|doesn't|does not|won't|will not|can still|still|even|no "
            r"guarantee|people (?:often )?(?:say|think|believe|assume)|myth|mistake|but|retriev\w*|"
            r"ground\w*)\b"
        ),
        needs=("temperature",),
    ),
    Misconception(
        id="rag-as-training",
        text="Says retrieval-augmented generation trains the model on the documents.",
        why="RAG looks documents up at query time and puts the best passages in the prompt; "
        "the model's weights never change, so switching retrieval off leaves it knowing nothing "
        "of them. Confusing the two muddles every cost, freshness and privacy decision.",
        pattern=_rx(
            rf"{_RAG}.{{0,80}}\b(?:train|retrain|fine[- ]?tun|memori[sz]|absorb|bak)\w*\b"
            r"(?! (?:the )?retriev)"
            rf"|{_RAG}.{{0,80}}\b(?:learn(?:s|ed|t)?|knows?|remembers?)\b.{{0,40}}\b(?:permanently|"
            r"inside out|by heart|for good|even (?:with|without|when)|into (?:its|the model's) "
            r"weights)"
            rf"|{_RAG}.{{0,100}}\b(?:updat\w*|chang\w*|adjust\w*) (?:its |the model's |the "
            r"model's |the )?(?:weights|parameters)"
            rf"|{_RAG}.{{0,80}}\binto (?:its|the model's|the) (?:weights|parameters)"
        ),
        unless=_rx(
            _CONTRAST + r"|\bwithout\b|\bno (?:need|change)\b|\bavoid\w*\b|\bretriever\b|"
            r"\bembedding model\b|\buntouched\b|\bleaves?\b|\bdon't\b|\bdoesn't\b"
        ),
        needs=("rag", "retrieval"),
    ),
    Misconception(
        id="significance-as-size",
        text="Reads a statistically significant result (or a small p-value) as a large effect.",
        why="Significance says an effect is unlikely to be zero, not how big it is: with enough "
        "traffic a trivial lift is significant. Judge size by the estimated effect and its "
        "confidence interval against the smallest lift worth shipping.",
        pattern=_rx(
            r"\bsignifican\w*.{0,80}\b(?:means?|meant|so|tells?|shows?|proves?|confirm\w*|"
            r"therefore|because|knew|it's|it is|that's|obviously|clearly|told)\b.{0,60}"
            + _BIG_EFFECT
            + r"|\bsignifican\w*\b.{0,30}\b(?:means?|basically means|is|=)\s+(?:important|"
            r"meaningful|material|big)\b"
            r"|\bsignifican\w*.{0,30}\bwhat tells (?:you|us)\b.{0,40}\b(?:meaningful|big|large|"
            r"material|important)\b"
            r"|(?:smaller|lower|tinier|tiniest|smallest|lowest)\s+p[- ]?values?\b.{0,60}\b(?:bigger|"
            r"larger|stronger|more important|more meaningful|biggest|largest)\b"
            r"|\bp[- ]?values?\b.{0,60}\b(?:tells?|shows?|means?)\b.{0,40}\b(?:size|magnitude|how "
            r"(?:big|large))\b"
            r"|\bp[- ]?values?\b.{0,60}\b(?:tells?|shows?|means?)\b.{0,40}" + _BIG_EFFECT
        ),
        unless=_rx(
            _CONTRAST
            + r"|\w+n't (?:mean|tell|show|say|imply)|\bbut\b|\bwhile\b|\beffect size\b|\bconfidence interval\b|"
            r"\bpractical(?:ly)? significan|\bminimum\b|\bsays nothing\b|\balone\b|\btoo small\b"
        ),
        needs=("significan", "value"),
    ),
    Misconception(
        id="drift-as-weight-change",
        text="Says a deployed model degrades because its own weights change or decay over time.",
        why="A deployed model's weights are fixed until someone retrains it; it gets worse "
        "because the data or the world moves away from what it learned. Blaming the model "
        "sends the fix to the wrong place and leaves drift unmonitored.",
        pattern=_rx(
            r"\b(?:weights|parameters|coefficients)\b.{0,40}\b(?:drift|decay|degrad|chang|shift|"
            r"erod|rot|wear|wore|slip|age)\w*\b.{0,40}\b(?:over time|on (?:its|their) own|by "
            r"(?:itself|themselves)|in production|as (?:it|the model) (?:runs|serves)|from serving|"
            r"gradually|slowly|after (?:a while|deploy\w*|launch))"
            r"|\b(?:weights|parameters)\b.{0,20}\b(?:slowly|gradually) (?:decay|drift|change|shift|"
            r"degrade)\w*"
            r"|\b(?:model|it|classifier|bot)\b.{0,40}\b(?:forgets?|forgot|forgotten|forgetting|"
            r"unlearn\w*|wears? out)\b.{0,60}\b(?:over time|in production|after (?:a while|\w+ "
            r"months?|launch|deploy\w*)|what it learned|its training|with (?:use|time)|the longer)"
            r"|(?:after|over) (?:a while|time|\w+ months?)\b.{0,40}\b(?:model|it|classifier|bot)\b"
            r".{0,20}\b(?:forgets?|forgot|had forgotten|unlearn\w*)"
            r"|\bmodel drift\b.{0,20}\b(?:is|means)\b.{0,40}\b(?:weights|parameters)\b"
        ),
        unless=_rx(
            _CONTRAST + r"|\bunless\b|\bfixed\b|\bstay\w*\b|\bsame\b|\bretrain\w* (?:it|them|"
            r"the model) on\b|\bfine-?tun\w*|\bonline learning\b|\bcontinual\b"
        ),
        needs=("weights", "parameters", "coefficients", "forg", "unlearn", "wear", "drift"),
    ),
    Misconception(
        id="fine-tuning-for-fresh-facts",
        text="Plans to keep an LLM's fast-changing facts current by fine-tuning it every day.",
        why="Fine-tuning teaches style and behaviour well but injects new facts poorly and "
        "unreliably, and a daily run is slow and costly. Facts that change daily (prices, "
        "stock, policies) belong in retrieval or a tool call at query time.",
        pattern=_rx(
            rf"(?:{_FINE_TUNE}).{{0,60}}{_EVERY_DAY}.{{0,80}}{_FRESH_FACTS}"
            rf"|{_EVERY_DAY}.{{0,20}}(?:{_FINE_TUNE}).{{0,80}}{_FRESH_FACTS}"
            rf"|{_FRESH_FACTS}.{{0,80}}(?:{_FINE_TUNE}).{{0,30}}{_EVERY_DAY}"
            rf"|{_FRESH_FACTS}.{{0,80}}{_EVERY_DAY}\s+(?:{_FINE_TUNE})"
            rf"|(?:{_FINE_TUNE}).{{0,40}}\b(?:is how you|is the way to|reliably|guarantees?)\b.{{0,40}}"
            r"\b(?:inject|teach|add)\w* (?:it |the model )?(?:new |fresh |the latest )?(?:facts|"
            r"knowledge|information)"
        ),
        unless=_rx(
            _CONTRAST + r"|\bretriev\w*|\brag\b|\blook\w* ?up\b|\btool call|\bapi\b|\blive\b|"
            r"\bsearch\w*|\bbut\b|\bstill\b|\bexpensive\b|\bstyle\b|\btone\b|\bformat\b"
        ),
        needs=("fine-tun", "fine tun", "finetun"),
    ),
)


@dataclass(frozen=True)
class MisconceptionHit:
    misconception: Misconception
    sentence: Sentence


def find_misconceptions(sentences: list[Sentence]) -> list[MisconceptionHit]:
    """At most one hit per misconception: the first sentence that states it."""
    return first_of_each(every_misconception(sentences))


def first_of_each(hits: list[MisconceptionHit]) -> list[MisconceptionHit]:
    """Of hits in answer order, the first for each misconception, in the list's order."""
    first: dict[str, MisconceptionHit] = {}
    for hit in hits:
        first.setdefault(hit.misconception.id, hit)
    order = {item.id: rank for rank, item in enumerate(MISCONCEPTIONS)}
    return sorted(first.values(), key=lambda h: order[h.misconception.id])


def every_misconception(sentences: list[Sentence]) -> list[MisconceptionHit]:
    """Every sentence that states a wrong fact, once per fact it states, in answer order."""
    return [
        MisconceptionHit(item, sentence)
        for sentence in sentences
        for item in MISCONCEPTIONS
        if item.stated_in(sentence.text)
    ]
