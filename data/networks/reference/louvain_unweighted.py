"""Unweighted Louvain modularity of the two reference networks, with networkx.

Run from the repository root: python3 data/networks/reference/louvain_unweighted.py
It reads the matrices by the rules of data/networks/README.md (a link where either cell is
positive, no diagonal) and writes data/networks/reference/louvain-unweighted.json: for each
network, the modularity (weight=None) of louvain_communities(G, weight=None, seed=s) for a few
seeds. The figures do not depend on anything in this project's code.
"""
import csv
import json

import networkx as nx

SEEDS = [0, 1, 42]


def load(path):
    rows = list(csv.reader(open(path, encoding="utf-8")))
    head = rows[0][1:]
    graph = nx.Graph()
    graph.add_nodes_from(head)
    for row in rows[1:]:
        for label, cell in zip(head, row[1:]):
            if row[0] != label and cell.strip() and float(cell) > 0:
                graph.add_edge(row[0], label)
    return graph


out = {"networkx": nx.__version__, "seeds": SEEDS}
for name in ["morselli_caviar", "morselli_siren"]:
    graph = load(f"data/networks/{name}.csv")
    out[name] = [
        round(nx.community.modularity(graph, nx.community.louvain_communities(graph, weight=None, seed=s), weight=None), 4)
        for s in SEEDS
    ]
with open("data/networks/reference/louvain-unweighted.json", "w", encoding="utf-8") as f:
    json.dump(out, f, indent=2)
    f.write("\n")
