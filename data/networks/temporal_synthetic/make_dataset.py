"""Writes the synthetic dated network (nodes.csv, edges.csv) of this folder; see README.md.

Run from the repository root: python3 data/networks/temporal_synthetic/make_dataset.py
Hand-made cases first (each named in its link ids), then a seeded random backbone.
"""
import csv
import datetime
import random

D0 = datetime.date(2021, 3, 1)


def day(k):
    return (D0 + datetime.timedelta(days=k)).isoformat()


nodes = []  # (id, type)
edges = []  # (id, source, target, directed, type, date, since, until)


def node(i, t="Person"):
    if i not in [n for n, _ in nodes]:
        nodes.append((i, t))


def link(eid, a, b, *, date=None, since=None, until=None, directed=False, typ="ASSOCIATE_OF"):
    node(a)
    node(b)
    edges.append((eid, a, b, "1" if directed else "0", typ,
                  day(date) if date is not None else "",
                  day(since) if since is not None else "",
                  day(until) if until is not None else ""))


# Same-day chain: SA -> SB and SB -> SC on one day (day 9), then SC -> SD a day later.
link("sameday-1", "SA", "SB", date=9, typ="CALLED")
link("sameday-2", "SB", "SC", date=9, typ="CALLED")
link("sameday-3", "SC", "SD", date=10, typ="CALLED")
# Later but shorter: LA reaches LM on day 4 through three others (4 links), and directly on day
# 20 (1 link); LM -> LT only on day 25. Earliest arrival at LT is day 25, with 2 links, not 5.
link("lbs-1", "LA", "LB", date=1)
link("lbs-2", "LB", "LC", date=2)
link("lbs-3", "LC", "LD", date=3)
link("lbs-4", "LD", "LM", date=4)
link("lbs-5", "LA", "LM", date=20)
link("lbs-6", "LM", "LT", date=25)
# Going back in time: TA-TB on day 30, TB-TC on day 12: TA cannot reach TC in time order.
link("back-1", "TA", "TB", date=30)
link("back-2", "TB", "TC", date=12)
# Meetings: persons attend dated events (person -> event -> person is two steps on the event's day).
meetings = {"EV1": 5, "EV2": 14, "EV3": 14, "EV4": 33, "EV5": 47, "EV6": 60}
attend = {
    "EV1": ["P01", "P02", "P03", "SA"],
    "EV2": ["P03", "P04", "P05"],
    "EV3": ["P05", "P06", "LT"],
    "EV4": ["P06", "P07", "P08", "P09", "SD"],
    "EV5": ["P09", "P10", "P11", "TC"],
    "EV6": ["P11", "P12", "P01", "LA"],
}
for ev, d in meetings.items():
    node(ev, "Event")
    for p in attend[ev]:
        link(f"att-{ev}-{p}", p, ev, date=d, typ="ATTENDED", directed=False)
# Intervals: an association valid on days 10..40, a lease on 35..70, a short one on 26..28.
link("iv-1", "P02", "P13", since=10, until=40)
link("iv-2", "P13", "P14", since=35, until=70)
link("iv-3", "LT", "P15", since=26, until=28)
link("iv-4", "P15", "P16", since=0, until=27)
# Fastest is not earliest: FA -> FB on day 2 then FB -> FZ on day 50 (48 days); FA -> FC on day
# 44, FC -> FZ on day 52 (8 days, later arrival).
link("fast-1", "FA", "FB", date=2)
link("fast-2", "FB", "FZ", date=50)
link("fast-3", "FA", "FC", date=44)
link("fast-4", "FC", "FZ", date=52)
# Interval then point: FA-FD valid 10..45, FD-FZ on day 45 only (a 0-day path if passed on day 45).
link("fast-5", "FA", "FD", since=10, until=45)
link("fast-6", "FD", "FZ", date=45)
# Directed payments (one way only).
link("pay-1", "P07", "P17", date=34, directed=True, typ="PAID")
link("pay-2", "P17", "P18", date=36, directed=True, typ="PAID")
link("pay-3", "P18", "P07", date=35, directed=True, typ="PAID")
# Undated links (passable only with includeUndated).
link("undated-1", "P12", "P19", typ="ASSOCIATE_OF")
link("undated-2", "P19", "TC", typ="ASSOCIATE_OF")
link("undated-3", "SD", "P20", typ="ASSOCIATE_OF")
# Parallel links between the same pair on different days.
link("par-1", "P04", "P21", date=15)
link("par-2", "P04", "P21", date=40)
link("par-3", "P21", "P22", date=38)

# A seeded random backbone among P01..P30: point dates and a few intervals on days 0..70.
rnd = random.Random(19)
persons = [f"P{i:02d}" for i in range(1, 31)]
for p in persons:
    node(p)
for k in range(36):
    a, b = rnd.sample(persons, 2)
    if rnd.random() < 0.75:
        link(f"bb-{k:02d}", a, b, date=rnd.randrange(0, 71))
    else:
        s = rnd.randrange(0, 60)
        link(f"bb-{k:02d}", a, b, since=s, until=s + rnd.randrange(0, 15))

with open("data/networks/temporal_synthetic/nodes.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "type"])
    w.writerows(sorted(nodes))
with open("data/networks/temporal_synthetic/edges.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "source", "target", "directed", "type", "date", "since", "until"])
    w.writerows(edges)
print(len(nodes), "nodes", len(edges), "links")
