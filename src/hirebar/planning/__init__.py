"""Planning: the study plan, spaced review scheduling, the story bank and prep artifacts (pure)."""
