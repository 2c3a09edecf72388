"""The errors newsgraph raises.

A statement that fails raises a subclass of QueryError named after the openCypher error kind
(SyntaxError, SemanticError, TypeError, ...), with where it happened and the query line with a
caret under it as its message. A load that fails raises LoadError; the graph is then as it was.
"""


class Error(Exception):
    """Base of every error newsgraph raises."""


class QueryError(Error):
    """A statement that failed. The graph is as it was before the statement.

    Attributes: kind (the openCypher error kind), detail (the TCK's detail code such as
    UndefinedVariable), phase ("compile time" or "runtime"), line and column (1-based, None when
    unknown), reason (the message without position and caret). str(error) is the full message
    with the offending line and a caret under the column.
    """

    def __init__(self, message, kind="QueryError", detail="", phase="", line=None, column=None, reason=None):
        super().__init__(message)
        self.kind = kind
        self.detail = detail
        self.phase = phase
        self.line = line
        self.column = column
        self.reason = message if reason is None else reason


class SyntaxError(QueryError):  # noqa: A001 - the openCypher name, inside the package's namespace
    """The statement does not parse, or is too large."""


class SemanticError(QueryError):
    """The statement parses but means nothing: an undefined variable, a misplaced aggregate, ..."""


class TypeError(QueryError):  # noqa: A001
    """A value of the wrong type, found while planning or running."""


class ArgumentError(QueryError):
    """A function or procedure argument out of its domain."""


class ParameterMissing(QueryError):
    """The statement uses a $parameter that was not given."""


class EntityNotFound(QueryError):
    """A deleted node or relationship was read."""


class ConstraintVerificationFailed(QueryError):
    """A write would leave the graph inconsistent (DELETE of a node that still has relationships)."""


class ProcedureError(QueryError):
    """An unknown procedure, or one that failed."""


class TimeoutError(QueryError):  # noqa: A001
    """The statement ran past its timeout and was stopped."""


class MemoryLimitError(QueryError):
    """The statement or load needed more memory than its limit and was stopped."""


class TransactionError(QueryError):
    """The statement was cancelled."""


class LoadError(Error):
    """A load that failed: an unknown format, a missing or unreadable file, or (strict) a bad row.

    Attributes: file (None when the error is not about one file), line (None when it is about the
    whole file).
    """

    def __init__(self, message, file=None, line=None):
        super().__init__(message)
        self.file = file
        self.line = line


QUERY_ERRORS = {
    cls.__name__: cls
    for cls in (
        SyntaxError,
        SemanticError,
        TypeError,
        ArgumentError,
        ParameterMissing,
        EntityNotFound,
        ConstraintVerificationFailed,
        ProcedureError,
        TimeoutError,
        MemoryLimitError,
        TransactionError,
    )
}
