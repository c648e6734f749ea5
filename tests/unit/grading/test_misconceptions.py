"""Wrong ML facts are caught in many phrasings; the correct statements are left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hirebar.grading.misconceptions import find_misconceptions
from hirebar.grading.text import split_sentences

BENCHMARKS = Path(__file__).resolve().parents[3] / "benchmarks" / "data"

WRONG = [
    ("precision-as-recall", "Precision is the share of all actual fraud cases that we catch."),
    (
        "precision-as-recall",
        "We optimised precision, meaning how many of the real positives the model found.",
    ),
    (
        "precision-as-recall",
        "Precision tells us what fraction of true defaulters get flagged by the model.",
    ),
    ("precision-as-recall", "High precision means few positives slip through the net."),
    ("recall-as-precision", "Recall is the share of our alerts that turn out to be real attacks."),
    (
        "recall-as-precision",
        "Sensitivity means that when the app flags a mole, it is right 91% of the time.",
    ),
    ("recall-as-precision", "Recall measures how many of the predicted positives are correct."),
    (
        "recall-as-precision",
        "Our recall, the fraction of flagged transactions that were actually fraud, hit 0.8.",
    ),
    # the swap in the forms people say it, not only as a definition
    ("precision-as-recall", "Our precision was 90%, so we caught 90% of the fraud."),
    ("precision-as-recall", "With 95% precision, only 5% of real toxic posts get through."),
    ("precision-as-recall", "Precision answers: of all the sick patients, how many did we detect?"),
    ("precision-as-recall", "Precision = TP / (TP + FN)."),
    # retrieval, where the positives are products or documents the search returns
    (
        "precision-as-recall",
        "Precision is the share of all the relevant items in the shop that search returns.",
    ),
    ("recall-as-precision", "Recall is the share of returned listings that are relevant."),
    ("precision-as-recall", "High precision means we catch almost all of the spam that exists."),
    ("recall-as-precision", "Recall is how often the model is right when it flags something."),
    ("recall-as-precision", "High recall means few false alarms."),
    ("recall-as-precision", "Recall is TP divided by TP plus FP."),
    (
        "recall-as-precision",
        "Our recall of 80% means 80% of the transactions we blocked were actually fraudulent.",
    ),
    (
        "recall-as-precision",
        "Increasing recall directly reduces the number of false positives we raise.",
    ),
    (
        "auc-as-calibration",
        "An AUC of 0.92 tells us the probabilities are accurate, so a 0.7 score means 70%.",
    ),
    ("auc-as-calibration", "I'd report AUC because it measures how well calibrated the model is."),
    (
        "auc-as-calibration",
        "The ROC AUC went up, which shows the predicted probabilities are more reliable now.",
    ),
    ("f1-as-average", "F1 is just the average of precision and recall, so 0.9 and 0.3 give 0.6."),
    ("f1-as-average", "We summarise with F1, the simple mean of precision and recall."),
    (
        "overfitting-as-poor-training-fit",
        "Overfitting is when the model performs poorly on its training data.",
    ),
    (
        "overfitting-as-poor-training-fit",
        "The model is overfitting because it does badly on the training set.",
    ),
    (
        "threshold-raises-recall",
        "If we raise the threshold we will catch more fraud, since recall goes up.",
    ),
    ("threshold-raises-recall", "A higher cut-off makes the classifier more sensitive."),
    (
        "threshold-raises-recall",
        "Increasing the score threshold boosts recall and precision together.",
    ),
    (
        "accuracy-on-rare-events",
        "Fraud is only 0.2% of traffic, so accuracy is a reliable headline metric.",
    ),
    (
        "accuracy-on-rare-events",
        "Accuracy is a good single number here even though defaults are rare.",
    ),
    ("p-value-as-truth", "A p-value of 0.03 means there is a 97% chance the new model is better."),
    ("p-value-as-truth", "The p-value is the probability that our hypothesis is true."),
    (
        "p-value-as-truth",
        "The p-value tells us how likely it is that the variant is the winner, so it is better.",
    ),
    ("p-value-as-truth", "Statistical significance is the probability that our change is real."),
    (
        "power-as-truth",
        "With 90% power, a positive readout means a 90% chance the feature really is better.",
    ),
    ("peeking", "We'd look at the dashboard every morning and stop as soon as p dips below 0.05."),
    ("peeking", "I'd stop the test the moment the results look significant to save traffic."),
    ("higher-log-loss-better", "Log loss went up from 0.3 to 0.4, which is better."),
    ("higher-log-loss-better", "We want log loss to increase as the model learns."),
    # The five added on 2026-12-07, and new wordings of the older ones
    (
        "temperature-zero-no-hallucination",
        "We run the claims bot at temperature 0, so it never makes things up.",
    ),
    (
        "temperature-zero-no-hallucination",
        "To stop hallucinations, just set the temperature to zero.",
    ),
    ("rag-as-training", "With RAG we fine-tune the assistant on every contract in the archive."),
    (
        "rag-as-training",
        "Retrieval-augmented generation updates the model's weights with our wiki pages.",
    ),
    (
        "significance-as-size",
        "The lift was significant at p < 0.01, which means the effect is large.",
    ),
    ("significance-as-size", "A lower p-value means a stronger effect, so test B matters more."),
    (
        "drift-as-weight-change",
        "The ranking model's weights slowly decay in production, so quality slips.",
    ),
    (
        "drift-as-weight-change",
        "After six months the classifier forgot what it learned, so we retrained it.",
    ),
    (
        "fine-tuning-for-fresh-facts",
        "We fine-tune the travel bot every night so it knows today's fares.",
    ),
    ("higher-log-loss-better", "Perplexity went up from 9 to 14, so the new model is better."),
    (
        "peeking",
        "We'd check the dashboard daily and call it the moment the lift turns significant.",
    ),
    ("p-value-as-truth", "p was 0.02, so there is a 98% chance the new flow is really better."),
    ("power-as-truth", "With 80% power we can be 80% confident the winner is truly better."),
    ("f1-as-average", "F1 is precision plus recall, divided by two."),
    (
        "overfitting-as-poor-training-fit",
        "The training loss stayed high, a sure sign of overfitting.",
    ),
    ("threshold-raises-recall", "To miss fewer fraud cases we bumped the threshold up to 0.9."),
    (
        "accuracy-on-rare-events",
        "Only 1 in 1,000 posts breaks the rules, and accuracy is still our best metric.",
    ),
    ("auc-as-calibration", "A higher AUC means the probabilities line up with real outcome rates."),
]

RIGHT = [
    "Precision is the share of returned listings that are relevant.",
    "Recall is the share of all the relevant items in the shop that search returns.",
    "Precision is the share of the transactions we flag that are really fraud.",
    "Recall is the share of all real fraud that we catch.",
    "AUC only measures ranking; it says nothing about calibration.",
    "AUC measures ranking only, while the auction uses the probability itself, so calibration matters.",
    "F1 is the harmonic mean of precision and recall.",
    "Overfitting shows up as great training accuracy but poor validation accuracy.",
    "If we raise the threshold, precision goes up and recall goes down.",
    "Lowering the threshold catches more fraud at the cost of more false alarms.",
    "With fraud at 0.2% of traffic, accuracy is misleading: a model that flags nothing is 99.8% accurate.",
    "A p-value of 0.03 means data this extreme would be rare if there were no real difference.",
    "Log loss fell from 0.4 to 0.3, which is better.",
    "Power is the chance we detect a two-point lift if it really exists.",
    "We fix the sample size up front and do not stop when p first dips below 0.05.",
    "We track precision at the chosen threshold and recall by segment.",
    # both named rightly in one sentence: a claim about one ends where the other is named
    "High precision means few false alarms; high recall means few missed cases.",
    "Caught 450 of 500 spam emails, so recall is 90%, and of the 600 it flagged, 450 were spam.",
    "Precision is the share of flagged transactions that turn out to be actual fraud.",
    "Some say precision is how many good fits we find, but that's recall.",
    "Our recall of 40% means most thefts go unflagged, no matter how accurate the alerts are.",
    "Precision was 92% but we still missed a lot of fraud.",
    "Temperature 0 makes the bot repeat itself; it doesn't stop hallucinations.",
    "RAG puts retrieved passages in the prompt; the model's weights are untouched.",
    "Significant means unlikely to be zero, but the effect size decides if it matters.",
    "The weights are fixed after launch; the inputs drifted away from the training data.",
    "Prices change daily, so we look them up at query time rather than fine-tuning.",
    "Lower perplexity is better, and ours fell from 14 to 9.",
    "A higher threshold makes the model flag less, so recall falls while precision rises.",
    "When the spam filter missed too much, we didn't raise the cutoff: we lowered it.",
    "The p-value isn't the chance the variant is better; that needs a prior.",
    "An overfit model doesn't do poorly on its training data; it does suspiciously well there.",
    "I used to think accuracy was fine for rare events until a do-nothing model scored 99%.",
]


@pytest.mark.parametrize(("expected", "sentence"), WRONG)
def test_wrong_fact_is_caught(expected: str, sentence: str):
    hits = find_misconceptions(split_sentences(sentence))
    assert expected in [h.misconception.id for h in hits]


@pytest.mark.parametrize("sentence", RIGHT)
def test_correct_statement_is_left_alone(sentence: str):
    assert find_misconceptions(split_sentences(sentence)) == []


def test_no_correct_sentence_in_the_benchmark_sets_is_flagged():
    """benchmarks/data/wrong_facts.yaml: a flagged correct sentence caps a good answer. The
    "untouched" set is a measure, not a target: its false alarms are left as scored."""
    sets = yaml.safe_load((BENCHMARKS / "wrong_facts.yaml").read_text())
    flagged = [
        sentence
        for name, kinds in sets.items()
        if name != "untouched"
        for sentences in kinds.values()
        for sentence in sentences["right"]
        if find_misconceptions(split_sentences(sentence))
    ]
    assert flagged == []
