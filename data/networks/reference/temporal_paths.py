"""Independent reference answers for time-respecting paths (issue 19, docs/time.md).

Run from the repository root: python3 data/networks/reference/temporal_paths.py
Writes data/networks/reference/temporal-synthetic.json and temporal-infinito.json.

Written from the definitions, not from the service's TypeScript:
- synthetic network (data/networks/temporal_synthetic): brute force. Every simple path (node
  sequence and choice of link per step) is enumerated from every source, for every day its first
  step can be on; the other steps are then dated as early as possible. Each (path, first day)
  gives a departure, an arrival and a number of links; the answers are minima/maxima over them.
  (Simple paths suffice: cutting a cycle out of a time-respecting walk keeps it time-respecting
  with the same departure and arrival and fewer links.)
- Infinito (data/networks/ndrangheta_infinito_2mode.csv): persons and meetings, each attendance a
  link dated on the meeting's day. Earliest arrival by a chronological scan of the meetings (a
  meeting is reached when any attendee has arrived by its day; same-day meetings are repeated
  until nothing changes); link counts by breadth-first search over states (node, day of the last
  step); fastest and latest departure by forcing the first step onto each meeting of the source.
Dates are day numbers (days since 1970-01-01). Only the standard library and networkx are used.
"""
import csv
import datetime
import json
import random
import re
from collections import deque
from fractions import Fraction

import networkx as nx

EPOCH = datetime.date(1970, 1, 1)
INF = float("inf")


def dnum(iso):
    return (datetime.date.fromisoformat(iso) - EPOCH).days


# ---------------------------------------------------------------- synthetic, brute force


def load_synthetic():
    base = "data/networks/temporal_synthetic"
    nodes = {r["id"]: r["type"] for r in csv.DictReader(open(f"{base}/nodes.csv", encoding="utf-8"))}
    links = []
    for r in csv.DictReader(open(f"{base}/edges.csv", encoding="utf-8")):
        if r["date"]:
            lo = hi = dnum(r["date"])
            undated = False
        elif r["since"] or r["until"]:
            lo = dnum(r["since"]) if r["since"] else -INF
            hi = dnum(r["until"]) if r["until"] else INF
            undated = False
        else:
            lo, hi, undated = -INF, INF, True
        links.append(dict(id=r["id"], a=r["source"], b=r["target"], directed=r["directed"] == "1", lo=lo, hi=hi, undated=undated))
    return nodes, links


def brute_force(nodes, links, cfg):
    """All answers for one configuration: per ordered pair, and reach per source."""
    start = cfg.get("start", -INF)
    end = cfg.get("end", INF)
    max_len = cfg.get("maxLength", INF)
    usable = [l for l in links if cfg.get("includeUndated") or not l["undated"]]
    arcs = {v: [] for v in nodes}
    for l in usable:
        arcs[l["a"]].append((l["b"], l))
        if not l["directed"]:
            arcs[l["b"]].append((l["a"], l))
    finite = [d for l in usable for d in (l["lo"], l["hi"]) if d not in (INF, -INF)]
    first_day, last_day = min(finite + [start if start > -INF else INF]), max(finite + [end if end < INF else -INF])

    best = {}  # (s, t) -> dict of answers

    def record(s, t, seq, dep, arr, hops):
        b = best.setdefault((s, t), dict(ea=INF, eaHops=INF, eaSeqs=set(), sh=INF, shArr=INF, fa=INF, faHops=INF, faDep=INF, ld=-INF, ldHops=INF))
        if arr < b["ea"] or (arr == b["ea"] and hops < b["eaHops"]):
            b["ea"], b["eaHops"], b["eaSeqs"] = arr, hops, set()
        if arr == b["ea"] and hops == b["eaHops"]:
            b["eaSeqs"].add(seq)
        if (hops, arr) < (b["sh"], b["shArr"]):
            b["sh"], b["shArr"] = hops, arr
        if (arr - dep, hops, dep) < (b["fa"], b["faHops"], b["faDep"]):
            b["fa"], b["faHops"], b["faDep"] = arr - dep, hops, dep
        if dep > b["ld"] or (dep == b["ld"] and hops < b["ldHops"]):
            b["ld"], b["ldHops"] = dep, hops

    def dfs(s, seq, visited, dep, tau, hops):
        v = seq[-1]
        if hops >= max_len:
            return
        for w, l in arcs[v]:
            if w in visited:
                continue
            d = max(tau, l["lo"])
            if d > l["hi"] or d > end:
                continue
            record(s, w, seq + (w,), dep, d, hops + 1)
            visited.add(w)
            dfs(s, seq + (w,), visited, dep, d, hops + 1)
            visited.discard(w)

    for s in nodes:
        for w, l in arcs[s]:
            if w == s:
                continue
            lo = max(l["lo"], start, first_day)
            hi = min(l["hi"], end, last_day)
            for x in range(int(lo), int(hi) + 1):  # every day the first step can be on
                record(s, w, (s, w), x, x, 1)
                if max_len > 1:
                    dfs(s, (s, w), {s, w}, x, x, 1)
    return best


def temporal_betweenness(nodes, best):
    """Brandes-like fractions over the EARLIEST_ARRIVAL node sequences of each ordered pair."""
    bc = {v: Fraction(0) for v in nodes}
    for (s, t), b in best.items():
        seqs = b["eaSeqs"]
        for seq in seqs:
            for v in seq[1:-1]:
                bc[v] += Fraction(1, len(seqs))
    return {v: float(x) for v, x in bc.items()}


def synthetic():
    nodes, links = load_synthetic()
    d = dnum
    configs = [
        dict(name="all"),
        dict(name="window", start=d("2021-03-15"), end=d("2021-04-30"), maxLength=4),
        dict(name="undated", start=d("2021-03-01"), end=d("2021-05-15"), includeUndated=True),
        dict(name="short", maxLength=2),
    ]
    out = dict(dataset="temporal_synthetic", dates="day numbers (days since 1970-01-01)", configs=[])
    for cfg in configs:
        best = brute_force(nodes, links, cfg)
        pairs = []
        for (s, t), b in sorted(best.items()):
            pairs.append(dict(
                source=s, target=t,
                earliestArrival=b["ea"], earliestArrivalLinks=b["eaHops"], earliestArrivalPaths=len(b["eaSeqs"]),
                shortestLinks=b["sh"], shortestArrival=b["shArr"],
                fastestDuration=b["fa"], fastestLinks=b["faHops"], fastestDeparture=b["faDep"],
                latestDeparture=b["ld"], latestDepartureLinks=b["ldHops"],
            ))
        reach = {s: sorted(t for (a, t) in best if a == s) for s in sorted(nodes)}
        entry = dict(cfg, pairs=pairs, reachCounts={s: len(v) for s, v in reach.items()})
        if "maxLength" not in cfg:  # betweenness is over unbounded EARLIEST_ARRIVAL paths
            entry["betweenness"] = {v: round(x, 9) for v, x in sorted(temporal_betweenness(nodes, best).items())}
        out["configs"].append(entry)
        print(f"synthetic {cfg['name']}: {len(pairs)} connected ordered pairs")
    return out


# ---------------------------------------------------------------- Infinito

DATE_RE = re.compile(r"^'?\s*(\d{1,2})/(\d{1,2})/(\d{4})")


def load_infinito():
    rows = list(csv.reader(open("data/networks/ndrangheta_infinito_2mode.csv", encoding="utf-8")))
    header = rows[0][1:]
    event_day = {}
    for j, h in enumerate(header):
        m = DATE_RE.match(h.strip())
        if m:
            event_day[f"E{j}"] = (datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1))) - EPOCH).days
    attendees = {e: [] for e in event_day}
    events_of = {}
    for row in rows[1:]:
        if not row or not row[0].strip():
            continue
        p = row[0].strip()
        events_of[p] = []
        for j, cell in enumerate(row[1:]):
            e = f"E{j}"
            if cell.strip() and float(cell) > 0 and e in event_day:
                attendees[e].append(p)
                events_of[p].append(e)
    return event_day, attendees, events_of, len(header)


def ea_scan(src, event_day, attendees, start=-INF, end=INF):
    """Earliest arrival day per person and meeting, by meetings in date order (same day: fixpoint)."""
    arrival = {src: start}
    by_day = {}
    for e, d in event_day.items():
        if start <= d <= end:
            by_day.setdefault(d, []).append(e)
    for d in sorted(by_day):
        changed = True
        while changed:
            changed = False
            for e in by_day[d]:
                if e in arrival:
                    continue
                if any(arrival.get(p, INF) <= d for p in attendees[e]):
                    arrival[e] = d
                    changed = True
                    for p in attendees[e]:
                        if arrival.get(p, INF) > d:
                            arrival[p] = d
    del arrival[src]
    return arrival


def state_bfs(sources, event_day, attendees, events_of, end=INF, max_len=INF):
    """Fewest links to each state (node, day of its last step), from the given (state, links) pairs."""
    dist = {}
    q = deque()
    for st, h in sources:
        if st not in dist:
            dist[st] = h
            q.append(st)
    while q:
        st = q.popleft()
        h = dist[st]
        if h >= max_len:
            continue
        v, tau = st
        if v in event_day:
            nxt = [(p, tau) for p in attendees[v]]
        else:
            nxt = [(e, event_day[e]) for e in events_of[v] if tau <= event_day[e] <= end]
        for s2 in nxt:
            if s2 not in dist:
                dist[s2] = h + 1
                q.append(s2)
    return dist


def infinito():
    event_day, attendees, events_of, columns = load_infinito()
    persons = sorted(events_of)
    g = nx.Graph()
    g.add_nodes_from(persons)
    for e, ps in attendees.items():
        for p in ps:
            g.add_edge(p, e)
    comp = {v: i for i, c in enumerate(nx.connected_components(g)) for v in c}
    rnd = random.Random(19)
    static_pairs = []
    while len(static_pairs) < 144:
        a, b = rnd.sample(persons, 2)
        if comp[a] == comp[b] and (a, b) not in static_pairs:
            static_pairs.append((a, b))
    reach_sources = rnd.sample(persons, 20)

    d = dnum
    configs = [dict(name="all"), dict(name="2008", start=d("2008-01-01"), end=d("2008-12-31"), maxLength=6)]
    out = dict(dataset="ndrangheta_infinito_2mode", dates="day numbers (days since 1970-01-01)",
               nodeIds="persons by their row label, meetings as E<column index from 0>",
               persons=len(persons), meetings=len(event_day), columns=columns, configs=[])
    for cfg in configs:
        start, end, max_len = cfg.get("start", -INF), cfg.get("end", INF), cfg.get("maxLength", INF)
        pairs = []
        connected = 0
        connected_strict = 0
        for a, b in static_pairs:
            dist = state_bfs([((a, start), 0)], event_day, attendees, events_of, end, max_len)
            at_b = {st: h for st, h in dist.items() if st[0] == b}
            rec = dict(source=a, target=b)
            if at_b:
                connected += 1
                ea = min(day for (_, day) in at_b)
                rec["earliestArrival"] = ea
                rec["earliestArrivalLinks"] = at_b[(b, ea)]
                rec["shortestLinks"] = min(at_b.values())
                rec["shortestArrival"] = min(day for (_, day), h in at_b.items() if h == rec["shortestLinks"])
                if max_len == INF:
                    scan = ea_scan(a, event_day, attendees, start, end)
                    assert scan[b] == ea, (a, b, scan[b], ea)
                # forced first step: one search per day the source attends a meeting
                fa, ld = None, None
                for day in sorted({event_day[e] for e in events_of[a] if start <= event_day[e] <= end}):
                    first = [((e, day), 1) for e in events_of[a] if event_day[e] == day]
                    dd = state_bfs(first, event_day, attendees, events_of, end, max_len)
                    got = {st: h for st, h in dd.items() if st[0] == b}
                    if not got:
                        continue
                    arr = min(x for (_, x) in got)
                    cand = (arr - day, got[(b, arr)], day)
                    fa = cand if fa is None or cand < fa else fa
                    ld = (day, min(got.values()))  # ascending days: the last one kept is the latest
                rec.update(fastestDuration=fa[0], fastestLinks=fa[1], fastestDeparture=fa[2], latestDeparture=ld[0], latestDepartureLinks=ld[1])
                # strict variant, for the report only: consecutive meetings on strictly later days
                if strict_connected(a, b, event_day, events_of, attendees, start, end):
                    connected_strict += 1
            pairs.append(rec)
        reach = {}
        for s in reach_sources:
            dist = state_bfs([((s, start), 0)], event_day, attendees, events_of, end)
            reached = {v for (v, _) in dist} - {s}
            arr = ea_scan(s, event_day, attendees, start, end)
            assert set(arr) == reached
            reach[s] = dict(nodes=len(reached), persons=len([v for v in reached if v not in event_day]),
                            arrival={v: arr[v] for v in sorted(arr)})
        # every ordered pair of persons in one static component, not a sample
        all_static = all_temporal = 0
        reached = {a: set(ea_scan(a, event_day, attendees, start, end)) for a in persons}
        for a in persons:
            for b in persons:
                if b != a and comp[a] == comp[b]:
                    all_static += 1
                    all_temporal += b in reached[a]
        # unordered pairs connected in time order both ways (a -> b and b -> a), another reading
        both_ways = sum(1 for a in persons for b in persons if a < b and b in reached[a] and a in reached[b])
        out["configs"].append(dict(cfg, pairs=pairs, reach=reach, staticallyConnectedPairs=len(static_pairs),
                                   connectedInTimeOrder=connected, connectedStrictlyLaterMeetings=connected_strict,
                                   allStaticallyConnectedPairs=all_static, allConnectedInTimeOrder=all_temporal,
                                   unorderedPairsConnectedBothWays=both_ways, unorderedStaticallyConnectedPairs=all_static // 2))
        print(f"infinito {cfg['name']}: {connected} of {len(static_pairs)} sampled statically connected pairs connected in time order"
              f" ({connected_strict} with strictly later meetings); all pairs: {all_temporal} of {all_static}; "
              f"both ways: {both_ways} of {all_static // 2} unordered pairs")
    return out


def strict_connected(a, b, event_day, events_of, attendees, start, end):
    """Reachable when each meeting after the first must be on a strictly later day than the one before."""
    best = {a: -INF if start == -INF else start - 1}  # latest-known: earliest day of last meeting per person
    order = sorted((d, e) for e, d in event_day.items() if start <= d <= end)
    for d, e in order:
        if any(best.get(p, INF) < d for p in attendees[e]):
            for p in attendees[e]:
                best[p] = min(best.get(p, INF), d)
    return b in best


if __name__ == "__main__":
    for name, data in (("temporal-synthetic", synthetic()), ("temporal-infinito", infinito())):
        text = json.dumps(data, indent=1, sort_keys=False).replace("Infinity", "null")
        with open(f"data/networks/reference/{name}.json", "w", encoding="utf-8") as f:
            f.write(text + "\n")
