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
    recorded. Its one argument says why, quoting the reply."""

    def __str__(self) -> str:
        why = self.args[0].rstrip(".")
        return why[:1].lower() + why[1:]  # read after "error:"; a page capitalises it again


class UnknownRun(LookupError):
    def __str__(self) -> str:
        return f"no incident run {self.args[0]}"
