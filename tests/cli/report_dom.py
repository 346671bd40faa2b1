#!/usr/bin/env python3
"""Checks what a person sees in report.html, as Chromium rendered it.

usage: report_dom.py DOM_FILE SCENARIO_DIR OUT_DIR

DOM_FILE is `chromium --dump-dom` of OUT_DIR/report.html (after the page's
script ran).  Checks, against the CSV files of OUT_DIR and the scenario:
every KPI the page tags with a summary.csv metric shows that metric's value;
the bound sentence gives summary.csv's gap; every learner's timetable has a
row per timetable.csv row with the day and time, what they work on (goal
title, "Seminar: title", "Lab: goal title" or "Lab: own study"), the room's
and the facilitator's names; the unmet tables (after the one of reasons) have a row per unmet.csv row.
Prints one line per failure and exits 1 when there is any.
"""
import csv
import html.parser
import os
import re
import sys

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.kids = tag, dict(attrs), parent, []

    def text(self):
        return "".join(k if isinstance(k, str) else k.text() for k in self.kids)

    def walk(self):
        yield self
        for k in self.kids:
            if isinstance(k, Node):
                yield from k.walk()

    def find(self, tag):
        return [n for n in self.walk() if n.tag == tag]


class Tree(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.kids.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.kids.append(data)


def untext(cell):
    """A cell of our CSV without its spreadsheet guard."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [{k: untext(v or "") for k, v in row.items()} for row in csv.DictReader(f)]


def by_id(rows, key):
    return {r[key]: r for r in rows}


def main():
    dom_file, scen, out = sys.argv[1:4]
    fails = []
    tree = Tree()
    with open(dom_file, encoding="utf-8") as f:
        tree.feed(f.read())
    root = tree.root
    summary = {r["metric"]: r["value"] for r in read_csv(os.path.join(out, "summary.csv"))}

    # KPIs: the value shown is summary.csv's
    shown = {}
    for n in root.walk():
        if "data-metric" in n.attrs:
            shown[n.attrs["data-metric"]] = n.text()
    for need in ("need_sessions_pct", "power_goal_pct", "learners_complete_pct",
                 "learners_left_out", "objective", "bound", "gap", "avg_group_size"):
        if need not in shown:
            fails.append("KPI %s is not on the page" % need)
    for metric, value in shown.items():
        if summary.get(metric) != value:
            fails.append("KPI %s shows %r, summary.csv has %r" % (metric, value,
                                                                 summary.get(metric)))
    bound = [n.text() for n in root.walk() if n.attrs.get("class") == "bound"]
    gap = 100 * float(summary["gap"])
    # summary.csv's gap has 6 decimals, the page rounds the exact one: any
    # gap within that rounding of summary.csv's may be what the page says
    wants = sorted({"within %.2f%% of the best possible" % max(gap + e, 0.01)
                    for e in (-5e-5, 0, 5e-5)})
    if gap == 0:
        wants = ["the best possible"]
    if not bound or not any(w in bound[0] for w in wants):
        fails.append("bound sentence %r does not say %s" % (bound[:1], " or ".join(
            repr(w) for w in wants)))

    # every learner's timetable
    blocks = by_id(read_csv(os.path.join(scen, "blocks.csv")), "block_id")
    rooms = by_id(read_csv(os.path.join(scen, "rooms.csv")), "room_id")
    facs = by_id(read_csv(os.path.join(scen, "facilitators.csv")), "facilitator_id")
    goals_path = os.path.join(scen, "goals.csv")
    goals = by_id(read_csv(goals_path), "goal_id") if os.path.exists(goals_path) else {}
    sem_path = os.path.join(scen, "seminars.csv")
    seminars = by_id(read_csv(sem_path), "seminar_id") if os.path.exists(sem_path) else {}
    sessions = by_id(read_csv(os.path.join(out, "sessions.csv")), "session_id")
    learners = read_csv(os.path.join(scen, "learners.csv"))
    pages = {n.attrs.get("id"): n for n in root.find("section")
             if n.attrs.get("class") == "lrn"}
    rows_of = {}
    for n in pages.values():
        rows = []
        for tr in n.find("tbody")[0].find("tr"):
            rows.append([td.text() for td in tr.find("td")])
        rows_of[n.attrs["id"]] = rows
    name = lambda table, key, col: (table[key].get(col) or key)
    want_rows = {}
    for r in read_csv(os.path.join(out, "timetable.csv")):
        s = sessions[r["session_id"]]
        b = blocks[r["block_id"]]
        when = "%s %s\u2013%s" % (b["day"], b["start"], b["end"])
        if s["kind"] == "workshop":
            what = name(goals, r["offering_id"], "title")
        elif s["kind"] == "seminar":
            what = "Seminar: " + name(seminars, r["offering_id"], "title")
        elif r["offering_id"]:
            what = "Lab: " + name(goals, r["offering_id"], "title")
        else:
            what = "Lab: own study"
        want_rows.setdefault("l-" + r["learner_id"], []).append(
            [when, what, name(rooms, s["room_id"], "name"),
             name(facs, s["facilitator_id"], "name")])
    if len(pages) != len(learners):
        fails.append("%d learner pages for %d learners" % (len(pages), len(learners)))
    for lid, want_list in want_rows.items():
        got = [row for row in rows_of.get(lid, []) if len(row) == 4]
        if got != want_list:
            fails.append("%s: timetable rows %r, want %r" % (lid, got[:3], want_list[:3]))
    for lr in learners:
        page = pages.get("l-" + lr["learner_id"])
        if page is not None and (lr.get("name") or lr["learner_id"]) not in page.find("h3")[0].text():
            fails.append("%s: the page does not name %r" % (lr["learner_id"], lr.get("name")))

    # the unmet list
    unmet = read_csv(os.path.join(out, "unmet.csv"))
    sec = [n for n in root.find("section") if n.attrs.get("id") == "unmet"]
    tables = sec[0].find("table") if sec else []
    if not sec:
        fails.append("no unmet section")
    got = sum(len(t.find("tbody")[0].find("tr")) for t in tables[1:])
    if got != len(unmet):
        fails.append("unmet table has %d rows, unmet.csv %d" % (got, len(unmet)))

    for line in fails[:20]:
        print("report_dom.py: " + line)
    print("report_dom.py: %d KPIs, %d learner pages, %d timetable rows, %d unmet rows checked"
          % (len(shown), len(pages), sum(len(v) for v in want_rows.values()), len(unmet)))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
