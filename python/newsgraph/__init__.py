"""newsgraph: an embedded knowledge-graph query engine over news events, queried in Cypher.

    import newsgraph as ng
    db = ng.Database()
    db.load("icews:../shared/datasets/icews18")
    r = db.execute("MATCH (a)-[e:ACCUSE]->(c:Country {code: $c}) RETURN a.name, e.date", {"c": "CHN"})
    r.columns, list(r), r.df(), r.to_networkx()

docs/python.md is the manual.
"""

from ._newsgraph import Database as _Database
from ._newsgraph import LoadReport, Reject, formats, memory_limits_enforced, optimizer_rules
from ._newsgraph import _register_errors, _register_types
from .errors import (
    ArgumentError,
    ConstraintVerificationFailed,
    EntityNotFound,
    Error,
    LoadError,
    MemoryLimitError,
    ParameterMissing,
    ProcedureError,
    QueryError,
    SemanticError,
    SyntaxError,
    TimeoutError,
    TransactionError,
    TypeError,
    QUERY_ERRORS as _QUERY_ERRORS,
)
from .result import Result
from .types import Duration, Node, Path, Relationship

_register_types(Node, Relationship, Path, Duration)
_register_errors(_QUERY_ERRORS, QueryError, LoadError)

__all__ = [
    "Database", "Result", "LoadReport", "Reject", "Node", "Relationship", "Path", "Duration",
    "Error", "QueryError", "SyntaxError", "SemanticError", "TypeError", "ArgumentError", "ParameterMissing",
    "EntityNotFound", "ConstraintVerificationFailed", "ProcedureError", "TimeoutError", "MemoryLimitError", "TransactionError",
    "LoadError", "formats", "memory_limits_enforced", "optimizer_rules",
]


class Database:
    """A graph and the Cypher engine over it, in memory.

    Database() starts empty. Several threads may call execute() on one Database at once: reads
    run concurrently on the graph as it was when each started, writes one after another. The
    GIL is released while a statement or a load runs; Ctrl-C cancels a statement run from the
    main thread and raises KeyboardInterrupt, leaving the graph as it was.
    """

    def __init__(self, path=None):
        if path is not None:
            raise NotImplementedError(
                "database files are not supported yet: Database() keeps the graph in memory; "
                "load the data with db.load(...)")
        self._db = _Database()

    def execute(self, query, parameters=None, *, timeout=None, max_memory=None, disabled_rules=(), threads=0):
        """Runs one Cypher statement and returns its Result.

        parameters: a dict of name -> value for $name in the query (None, bool, int, float, str,
        datetime.date/time/datetime, timedelta, ng.Duration, lists and dicts of those).
        timeout: seconds; past it the statement stops with ng.TimeoutError and changes nothing.
        max_memory: the memory the statement may hold ("500MB", "2GiB", "50%", bytes, or "off");
        past it the statement stops with ng.MemoryLimitError and changes nothing. Default: 80%
        of the machine's memory.
        disabled_rules: optimizer rules not to run (ng.optimizer_rules() lists them).
        threads: the most threads the statement may use (0: every core); answers do not change.
        Raises a QueryError subclass on failure; the graph is then unchanged.
        """
        if not isinstance(threads, int) or threads < 0:
            raise ValueError("threads must be a whole number >= 0 (0: every core)")
        return Result(self._db.execute(query, parameters, timeout, list(disabled_rules), max_memory, threads))

    def explain(self, query, parameters=None, *, disabled_rules=()):
        """The plan of a statement as text, followed by the optimizer rules that fired."""
        return self._db.explain(query, parameters, list(disabled_rules))

    def load(self, spec, path=None, *, strict=False, rejects_kept=10, threads=0, timeout=None, max_memory=None):
        """Loads data: load("gdelt:PATH") or load("gdelt", PATH); ng.formats() lists the formats.

        A malformed row is counted and kept in the report (the first rejects_kept of them word for
        word) and skipped; strict=True stops at the first one instead. A load that fails raises
        LoadError and leaves the graph as it was. Returns the LoadReport (rows, nodes_created,
        relationships_created, merged, rejected, rejects, notes, seconds). timeout (seconds) and
        max_memory as in execute(): a load past either raises LoadError or ng.MemoryLimitError
        and changes nothing. Ctrl-C on the main thread cancels the load (KeyboardInterrupt).
        """
        if path is not None:
            spec = f"{spec}:{path}"
        return self._db.load(str(spec), strict, rejects_kept, threads, timeout, max_memory)

    @property
    def node_count(self):
        return self._db.node_count

    @property
    def relationship_count(self):
        return self._db.relationship_count

    def __repr__(self):
        return f"<newsgraph.Database: {self.node_count} nodes, {self.relationship_count} relationships>"
