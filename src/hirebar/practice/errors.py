"""Errors the practice services raise for adapters to turn into clear messages."""


class UnknownId(LookupError):
    """An id that names nothing. ``what`` says so; ``str()`` adds the terminal command that
    lists the ids, which a web page leaves out."""

    says = "no such id: '{}'"
    command = ""

    def __init__(self, missing: str):
        super().__init__(missing)
        self.missing = missing

    @property
    def what(self) -> str:
        return self.says.format(self.missing)

    def __str__(self) -> str:
        return f"{self.what}; `{self.command}` lists them"


class UnknownQuestion(UnknownId):
    says, command = "no question with id '{}'", "hirebar questions"


class UnknownCompany(UnknownId):
    says, command = "no company '{}'", "hirebar companies"


class UnknownIncident(UnknownId):
    says, command = "no incident scenario with id '{}'", "hirebar incident list"


class UnreadableReply(ValueError):
    """A drill reply with no number, or two that disagree: nothing to check, so nothing is
    recorded. Its one argument says why, quoting the reply."""

    def __str__(self) -> str:
        why = self.args[0].rstrip(".")
        return why[:1].lower() + why[1:]  # read after "error:"; a page capitalises it again


class UnknownRun(LookupError):
    def __str__(self) -> str:
        return f"no incident run {self.args[0]}"


class UngradedRound(RuntimeError):
    """An answer of a finished loop that could not be graded on a second try either. It
    stays stored; the debrief waits for it."""

    def __init__(self, title: str, error: str | None):
        super().__init__(title, error)
        self.title, self.error = title, error

    def __str__(self) -> str:
        return (
            f"the answer to the {self.title} round could not be graded: {self.error}. "
            "Your answers are stored; open the loop again once that is fixed"
        )
