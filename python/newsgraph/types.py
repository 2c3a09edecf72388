"""The values of a result that Python has no type for: nodes, relationships, paths, durations."""

from dataclasses import dataclass, field
import datetime


class _Properties:
    """Property access shared by nodes and relationships: entity["key"], entity.get("key")."""

    def __getitem__(self, key):
        return self.properties[key]

    def get(self, key, default=None):
        return self.properties.get(key, default)


@dataclass(frozen=True)
class Node(_Properties):
    """A node of the graph as a result returned it: its id, its labels (sorted) and properties."""

    id: int
    labels: list = field(default_factory=list, compare=False, hash=False)
    properties: dict = field(default_factory=dict, compare=False, hash=False)

    def __repr__(self):
        labels = "".join(":" + label for label in self.labels)
        return f"Node({self.id}{labels} {self.properties!r})"


@dataclass(frozen=True)
class Relationship(_Properties):
    """A relationship: its id, type, the ids of its start and end nodes, and its properties."""

    id: int
    type: str = field(default=None, compare=False, hash=False)
    start: int = field(default=None, compare=False, hash=False)
    end: int = field(default=None, compare=False, hash=False)
    properties: dict = field(default_factory=dict, compare=False, hash=False)

    def __repr__(self):
        return f"Relationship({self.id} ({self.start})-[:{self.type}]->({self.end}) {self.properties!r})"


@dataclass(frozen=True)
class Path:
    """A path: nodes[0], relationships[0], nodes[1], ... (one more node than relationships)."""

    nodes: list
    relationships: list

    def __len__(self):
        return len(self.relationships)

    def __hash__(self):
        return hash((tuple(n.id for n in self.nodes), tuple(r.id for r in self.relationships)))

    @property
    def start(self):
        return self.nodes[0]

    @property
    def end(self):
        return self.nodes[-1]


_NANOS_PER_SECOND = 1_000_000_000


@dataclass(frozen=True)
class Duration:
    """A Cypher duration: months, days, seconds and nanoseconds, kept apart as Cypher keeps them
    (a month has no fixed number of days). datetime.timedelta holds no months, so durations come
    back as this class; to_timedelta() converts one without months. As a parameter a timedelta
    or a Duration is accepted.
    """

    months: int = 0
    days: int = 0
    seconds: int = 0
    nanoseconds: int = 0

    def to_timedelta(self):
        if self.months != 0:
            raise ValueError(f"{self} has months, which have no fixed length in days")
        return datetime.timedelta(days=self.days, seconds=self.seconds, microseconds=self.nanoseconds // 1000)

    def __str__(self):
        sign = -1 if self.months < 0 else 1
        years, months = divmod(abs(self.months), 12)
        years, months = sign * years, sign * months
        text = "P"
        if years:
            text += f"{years}Y"
        if months:
            text += f"{months}M"
        if self.days:
            text += f"{self.days}D"
        total = self.seconds * _NANOS_PER_SECOND + self.nanoseconds
        if total or text == "P":
            sign = "-" if total < 0 else ""
            total = abs(total)
            hours, rest = divmod(total, 3600 * _NANOS_PER_SECOND)
            minutes, rest = divmod(rest, 60 * _NANOS_PER_SECOND)
            secs, nanos = divmod(rest, _NANOS_PER_SECOND)
            text += "T"
            if hours:
                text += f"{sign}{hours}H"
            if minutes:
                text += f"{sign}{minutes}M"
            if secs or nanos or (not hours and not minutes):
                fraction = f".{nanos:09d}".rstrip("0") if nanos else ""
                text += f"{sign}{secs}{fraction}S"
        return text
