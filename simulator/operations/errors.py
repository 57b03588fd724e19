"""Errors an operation raises for the web layer to turn into a French 4xx message."""


class OperationError(Exception):
    """A request that cannot be carried out; the message is shown to the user."""

    status_code = 400

    def __init__(self, message: str, status_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status_code is not None:
            self.status_code = status_code


class ConflictError(OperationError):
    """A stale write refused because someone else changed the same thing first."""

    status_code = 409
