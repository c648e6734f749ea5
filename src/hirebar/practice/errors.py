"""Errors the practice services raise for adapters to turn into clear messages."""


class UnknownQuestion(LookupError):
    def __init__(self, question_id: str):
        super().__init__(f"no question with id '{question_id}' (see `hirebar questions`)")
        self.question_id = question_id
