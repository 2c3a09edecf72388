"""Who accused China, month by month? ICEWS18 events coded CAMEO 112 ("Accuse") against China,
counted per month for the five most frequent accusers, drawn into docs/accusations.png.

    PYTHONPATH=build/release/python python3 docs/examples/accusations.py \
        --data ../shared/datasets --out docs/accusations.png
"""

import argparse
import pathlib

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt  # noqa: E402

import newsgraph as ng  # noqa: E402

ACCUSATIONS = """
MATCH (accuser)-[e]->(target:Country {name: $target})
WHERE e.code STARTS WITH '112'
RETURN accuser.name AS accuser, date.truncate('month', e.date) AS month, count(*) AS accusations
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/datasets", help="the folder holding icews18_tkg and cameo_lookups")
    parser.add_argument("--target", default="China")
    parser.add_argument("--top", type=int, default=5, help="how many accusers get their own line")
    parser.add_argument("--out", default="docs/accusations.png")
    args = parser.parse_args()
    data = pathlib.Path(args.data)

    db = ng.Database()
    db.load("cameo", data / "cameo_lookups")
    report = db.load("icews", data / "icews18_tkg" / "regcn_full" / "named")
    print(f"ICEWS18: {report.rows} rows, {report.rejected} rejected, {report.seconds:.1f} s")

    frame = db.execute(ACCUSATIONS, {"target": args.target}).df()
    by_month = frame.pivot_table(index="month", columns="accuser", values="accusations", aggfunc="sum", fill_value=0)
    top = by_month.sum().nlargest(args.top).index
    print(f"{frame['accusations'].sum()} accusations against {args.target} by {frame['accuser'].nunique()} accusers")
    print(by_month[top].to_string())

    figure, axes = plt.subplots(figsize=(9, 4.5))
    axes.bar(by_month.index, by_month.sum(axis=1), width=20, color="#dddddd", label="all accusers")
    for accuser in top:
        axes.plot(by_month.index, by_month[accuser], marker="o", label=accuser)
    axes.set_title(f"Accusations against {args.target} per month (ICEWS18, CAMEO 112)")
    axes.set_ylabel("events")
    axes.legend(loc="upper left", fontsize="small")
    figure.autofmt_xdate()
    figure.tight_layout()
    figure.savefig(args.out, dpi=100)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
