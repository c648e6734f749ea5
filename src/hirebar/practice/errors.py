"""Errors the practice services raise for adapters to turn into clear messages."""


class UnknownQuestion(LookupError):
    def __init__(self, question_id: str):
        super().__init__(f"no question with id '{question_id}' (see `hirebar questions`)")
        self.question_id = question_id


class UnknownCompany(LookupError):
    def __str__(self) -> str:
        return f"no company '{self.args[0]}'; `hirebar companies` lists them"


class UnknownIncident(LookupError):
    def __init__(self, incident_id: str):
        super().__init__(incident_id)
        self.incident_id = incident_id

    def __str__(self) -> str:
        return f"no incident scenario with id '{self.incident_id}'; `hirebar incident list`"


class UnreadableReply(ValueError):
    """A drill reply with no number, or two that disagree: nothing to check, so nothing is
    recorded. Arguments: the reply and why it cannot be read."""

    def __str__(self) -> str:
        reply, why = self.args
        hint = "; type one, such as 0.82, 12.5% or 40k" if why == "no number found" else ""
        return f"{why} in '{reply[:60]}'{hint}"


class UnknownRun(LookupError):
    def __str__(self) -> str:
        return f"no incident run {self.args[0]}"
