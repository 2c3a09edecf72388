"""A statement's result: rows as tuples, a pandas DataFrame, or a networkx graph."""

from .types import Node, Path, Relationship


class Result:
    """The rows one statement returned.

    columns: the column names. Iterating gives one tuple per row; len() counts rows; r[i] is row i.
    df() is a pandas DataFrame, to_networkx() a networkx MultiDiGraph of the nodes and relationships
    in the rows. statistics counts what a write changed, notifications warn about names the graph
    does not have, timings says where the time went (seconds).
    """

    def __init__(self, inner):
        self._inner = inner

    @property
    def columns(self):
        return list(self._inner.columns)

    @property
    def statistics(self):
        return self._inner.statistics

    @property
    def notifications(self):
        return list(self._inner.notifications)

    @property
    def timings(self):
        return self._inner.timings

    def __len__(self):
        return len(self._inner)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._inner.row(i) for i in range(*index.indices(len(self)))]
        return self._inner.row(index)

    def __iter__(self):
        inner = self._inner
        for i in range(len(inner)):
            yield inner.row(i)

    def rows(self):
        """Every row, as a list of tuples."""
        return self._inner.rows()

    def scalar(self):
        """The one value of a one-row, one-column result."""
        if len(self) != 1 or len(self.columns) != 1:
            raise ValueError(f"scalar() needs one row of one column, not {len(self)} rows of {len(self.columns)}")
        return self._inner.row(0)[0]

    def df(self):
        """The rows as a pandas DataFrame, one column per result column.

        Integers are int64 (nullable Int64 when a value is null), floats float64 (NaN for null),
        booleans bool (nullable boolean with nulls), dates and local datetimes datetime64[ns],
        zoned datetimes datetime64[ns, UTC] (NaT for null); strings and everything else are Python
        objects (Node, Relationship, lists, ...). Dates outside 1677-2262 stay datetime.date objects.
        """
        import numpy as np
        import pandas as pd

        data = {}
        for name, (kind, values, mask) in zip(self.columns, self._inner.frame_columns()):
            data[name] = _column(pd, np, kind, values, mask)
        return pd.DataFrame(data, columns=self.columns, index=pd.RangeIndex(len(self)))

    def to_networkx(self):
        """The nodes and relationships in the rows (inside lists, maps and paths too) as a
        networkx MultiDiGraph. Nodes are keyed by id, with their properties and `labels` as
        attributes; edges are keyed by relationship id, with their properties and `type`. The two
        ends of every relationship are in the graph even when the rows do not hold them.
        """
        import networkx as nx

        graph = nx.MultiDiGraph()
        relationships = {}

        def add_node(node):
            if node.id not in graph:
                graph.add_node(node.id, **{**node.properties, "labels": list(node.labels)})

        def visit(value):
            if isinstance(value, Node):
                add_node(value)
            elif isinstance(value, Relationship):
                relationships.setdefault(value.id, value)
            elif isinstance(value, Path):
                for node in value.nodes:
                    add_node(node)
                for rel in value.relationships:
                    relationships.setdefault(rel.id, rel)
            elif isinstance(value, (list, tuple)):
                for item in value:
                    visit(item)
            elif isinstance(value, dict):
                for item in value.values():
                    visit(item)

        for row in self:
            for value in row:
                visit(value)
        for rel in relationships.values():
            if rel.type is None:
                continue  # deleted by the statement that returned it
            for end in (rel.start, rel.end):
                if end not in graph:
                    add_node(self._inner.node(end))
            graph.add_edge(rel.start, rel.end, key=rel.id, **{**rel.properties, "type": rel.type})
        return graph

    def __repr__(self):
        shown = self[:10]
        lines = [" | ".join(self.columns)]
        lines += [" | ".join(repr(v) for v in row) for row in shown]
        if len(self) > len(shown):
            lines.append(f"... {len(self) - len(shown)} more rows")
        return f"<newsgraph.Result: {len(self)} rows>\n" + "\n".join(lines)


def _column(pd, np, kind, values, mask):
    if kind == "int":
        return values if mask is None else pd.arrays.IntegerArray(values, mask)
    if kind == "bool":
        return values if mask is None else pd.arrays.BooleanArray(values, mask)
    if kind == "float":
        return values
    if kind in ("date", "localdatetime", "datetime"):
        if kind == "date":
            stamps = values.astype("datetime64[D]").astype("datetime64[ns]")
        else:
            stamps = values.view("datetime64[ns]")
        if mask is not None:
            stamps = stamps.copy()
            stamps[mask] = np.datetime64("NaT")
        if kind == "datetime":
            return pd.DatetimeIndex(stamps).tz_localize("UTC").array
        return stamps
    return pd.array(values, dtype=object) if len(values) else np.array([], dtype=object)
