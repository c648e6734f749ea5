"""Services that tie content, grading and store together for the adapters."""

from hirebar.practice.service import Outcome, PracticeService, UnknownQuestion, load_embedder

__all__ = ["Outcome", "PracticeService", "UnknownQuestion", "load_embedder"]
