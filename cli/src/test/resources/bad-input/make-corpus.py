#!/usr/bin/env python3
"""Writes the bad-input corpus: cases/<id>/<files> and cases.tsv (id, exit, status, fragment, args).

Usage: make-corpus.py SAMPLE_DIR   (SAMPLE_DIR from `cskit sample --out SAMPLE_DIR --accounts 40`, seed 42)

Placeholders in args, filled by BadInputCorpusTest: {base} the sample portfolio written by `cskit sample --out`
(40 accounts, seed 42) for the test run, {case} the case's own folder, {tmp} a fresh empty folder.
status: ok, or pending-<what> for a case whose fix has not landed yet (reported as skipped; none today: the strict
number/date parsing of issue 18 item 2 came with issue 19).
fragment: text the one-line message on stderr must contain (for exit 0: text stderr must contain, or "-").
"""
import csv, io, os, shutil, sys

SAMPLE = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
shutil.rmtree(CASES, ignore_errors=True)
os.makedirs(CASES)
rows = []

def read(name):
    with open(os.path.join(SAMPLE, name), newline="") as f:
        return list(csv.reader(f))

def text(table):
    b = io.StringIO()
    w = csv.writer(b, lineterminator="\n")
    w.writerows(table)
    return b.getvalue()

AS_OF = " --as-of 2026-06-30"
DATED = ("score --", "segment ", "capacity ")  # score, segment, capacity need a date (issue 13); not score validate/fit-weights

def case(cid, code, fragment, args, files=None, status="ok"):
    assert "\t" not in fragment and all(r[0] != cid for r in rows), cid
    if args.startswith(DATED) and "--as-of" not in args:
        args += AS_OF  # so the case tests its bad input, not the missing --as-of (issue 13 requires the flag)
    if files:
        d = os.path.join(CASES, cid)
        os.makedirs(d)
        for name, content in files.items():
            p = os.path.join(d, name)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            if content is None:  # a directory where a file belongs (a file inside: git and Maven keep no empty ones)
                os.makedirs(p)
                open(os.path.join(p, ".keep"), "w").close()
            else:
                with open(p, "wb") as f:
                    f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
    rows.append([cid, str(code), status, fragment, args])

ACC = read("accounts.csv")
MET = read("metrics.csv")
MIL = read("milestones.csv")
OUT = read("outcomes.csv")
EVT = read("events.csv")[:200]

def mutate(table, row, col, value):
    t = [list(r) for r in table]
    c = t[0].index(col) if isinstance(col, str) else col
    t[row][c] = value
    return t

def drop_col(table, col):
    c = table[0].index(col)
    return [r[:c] + r[c + 1:] for r in table]

SNAP = ("account_id,as_of,score,band,logins,tickets\n" + "".join(
    f"A{i:05d},2026-05-01,{20 + 7 * i % 80},{'red' if 20 + 7 * i % 80 < 40 else 'yellow' if 20 + 7 * i % 80 < 70 else 'green'},{i * 3 % 50},{i * 7 % 60}\n"
    for i in range(1, 41)))
DUR = "account_id,time,status,renewal\n" + "".join(
    f"A{i:05d},{(i * 37 % 50) / 2 + 1},{[1, 1, 0, 1][i % 4]},{30 + i * 5}\n" for i in range(1, 41))

# ---- the commands that read each kind of CSV, {f} the file under test
READERS = {
    "accounts": [
        ("usage", "usage --accounts {f} --events {base}/events.csv --as-of 2026-06-30"),
        ("score", "score --scorecard by-stage --metrics {base}/metrics.csv --accounts {f} --as-of 2026-06-30"),
        ("segment", "segment --model example --accounts {f} --as-of 2026-06-30"),
        ("capacity", "capacity --model example --accounts {f} --as-of 2026-06-30"),
    ],
    "metrics": [("score", "score --scorecard three-axis --metrics {f} --as-of 2026-06-30")],
    "events": [("usage", "usage --accounts {base}/accounts.csv --events {f} --as-of 2026-06-30")],
    "milestones": [("from-events", "ttv from-events --events {f} --start contract_signed --value first_value --as-of 2026-06-30")],
    "durations": [
        ("km", "ttv km --input {f}"),
        ("cif", "ttv cif --input {f}"),
        ("checkin", "ttv checkin --input {f} --renewal-column renewal"),
        ("payback", "ttv payback --ttv-input {f} --daily-benefit 10"),
    ],
    "outcomes": [("validate", "score validate --snapshots {case}/snapshots.csv --outcomes {f} --horizon 365")],
    "snapshots": [("validate", "score validate --snapshots {f} --outcomes {case}/outcomes.csv --horizon 365")],
}
VALID = {"accounts": text(ACC), "metrics": text(MET), "events": text(EVT), "milestones": text(MIL),
         "durations": DUR, "outcomes": text(OUT).replace("A000", "A000"), "snapshots": SNAP}
OUTCOMES_FOR_SNAP = text(OUT)

def csv_cases(kind, mid, content=None, code=3, fragment=None, status="ok", name=None):
    """One case per command reading this kind of file."""
    name = name or kind + ".csv"
    for cmd, args in READERS[kind]:
        files = {} if content is None else {name: content}
        if kind == "outcomes":
            files["snapshots.csv"] = SNAP
        if kind == "snapshots":
            files["outcomes.csv"] = OUTCOMES_FOR_SNAP
        cid = f"{kind}-{mid}-{cmd}"
        case(cid, code, fragment if fragment is not None else name,
             args.format(f="{case}/" + name, base="{base}", case="{case}"), files or None, status)

# generic CSV mutations, every kind
for kind, valid in VALID.items():
    lines = valid.splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    csv_cases(kind, "missing-file", None, fragment="does not exist", name="nothing-here.csv")
    csv_cases(kind, "empty", "")
    if kind in ("outcomes", "snapshots"):
        csv_cases(kind, "header-only", lines[0], fragment="no snapshot could be judged")
    elif kind == "events":
        csv_cases(kind, "header-only", lines[0], code=0, fragment="has no events")
    else:
        csv_cases(kind, "header-only", lines[0])
    csv_cases(kind, "ragged", lines[0] + lines[1].rstrip("\n") + ",extra,cells\n" + "".join(lines[2:]))
    csv_cases(kind, "short-row", content=lines[0] + ",".join(lines[1].split(",")[:2]) + "\n" + "".join(lines[2:]))
    csv_cases(kind, "dup-header", lines[0].rstrip("\n") + "," + header[0] + "\n"
              + "".join(l.rstrip("\n") + ",x\n" for l in lines[1:]))
    csv_cases(kind, "binary", bytes(range(256)) * 4)
    csv_cases(kind, "unclosed-quote", lines[0] + '"' + lines[1] + "".join(lines[2:]))
    csv_cases(kind, "no-id-column", text(drop_col(list(csv.reader(io.StringIO(valid))), header[0] if kind != "durations" else "time")))

# directories and special files (one per reader kind and command, by hand)
case("accounts-directory-usage", 3, "accounts.csv", "usage --accounts {case}/accounts.csv --events {base}/events.csv --as-of 2026-06-30", {"accounts.csv": None})
case("metrics-directory-score", 3, "metrics.csv", "score --scorecard three-axis --metrics {case}/metrics.csv", {"metrics.csv": None})
case("events-directory-usage", 3, "events.csv", "usage --accounts {base}/accounts.csv --events {case}/events.csv --as-of 2026-06-30", {"events.csv": None})
case("durations-directory-km", 3, "d.csv", "ttv km --input {case}/d.csv", {"d.csv": None})
case("scorecard-directory", 3, "card.yaml", "score --scorecard {case}/card.yaml --metrics {base}/metrics.csv", {"card.yaml": None})
case("plan-directory", 3, "plan.yaml", "survey plan --plan {case}/plan.yaml", {"plan.yaml": None})
case("model-directory", 3, "model.yaml", "segment --model {case}/model.yaml --accounts {base}/accounts.csv", {"model.yaml": None})
case("accounts-dev-zero-usage", 3, "/dev/zero", "usage --accounts /dev/zero --events {base}/events.csv --as-of 2026-06-30")
case("accounts-dev-zero-segment", 3, "/dev/zero", "segment --model example --accounts /dev/zero")
case("metrics-dev-zero-score", 3, "/dev/zero", "score --scorecard three-axis --metrics /dev/zero")
case("scorecard-dev-zero", 3, "must end in .json", "score --scorecard /dev/zero --metrics {base}/metrics.csv")
case("plan-dev-zero", 3, "must end in .json", "survey plan --plan /dev/zero")

# ---- accounts: field rules
A = "accounts.csv"
def acc(mid, row, col, value, code=3, fragment=A, status="ok"):
    for cmd, args in READERS["accounts"][:3]:
        case(f"accounts-{mid}-{cmd}", code, fragment, args.format(f="{case}/" + A, base="{base}"),
             {A: text(mutate(ACC, row, col, value))}, status)
acc("blank-id", 3, "account_id", "")
acc("dup-id", 3, "account_id", ACC[1][0], fragment=ACC[1][0])
acc("arr-text", 2, "arr", "lots")
acc("arr-negative", 2, "arr", "-5")
acc("seats-text", 2, "seats", "many")
acc("seats-fraction", 2, "seats", "2.5")
acc("seats-negative", 2, "seats", "-1")
acc("start-bad-date", 2, "contract_start", "2026-02-30", fragment="contract_start")
acc("start-us-date", 2, "contract_start", "12/02/2022", fragment="contract_start")
acc("renewal-bad-date", 2, "renewal_date", "2026-13-01", fragment="renewal_date")
acc("renewal-before-start", 2, "renewal_date", "2020-01-01", fragment="renewal_date")
acc("seats-suffix-d", 2, "seats", "39d", status="ok")
acc("arr-suffix-f", 2, "arr", "2236f", status="ok")
acc("start-garbage", 2, "contract_start", "2022-12-02Tgarbage", status="ok")
acc("arr-nan", 2, "arr", "NaN", status="ok")
acc("arr-infinity", 2, "arr", "Infinity")
acc("arr-hex", 2, "arr", "0x10", status="ok")
case("accounts-no-accounts-score-by-stage", 2, "--accounts", "score --scorecard by-stage --metrics {base}/metrics.csv")
case("accounts-ids-match-no-metrics", 3, "accounts.csv",
     "score --scorecard by-stage --metrics {base}/metrics.csv --accounts {case}/accounts.csv",
     {"accounts.csv": text([ACC[0]] + [[("Z" + r[0][1:])] + r[1:] for r in ACC[1:]])})
case("accounts-no-stage-column", 0, "match no selector",
     "score --scorecard by-stage --metrics {base}/metrics.csv --accounts {case}/accounts.csv",
     {"accounts.csv": text(drop_col(ACC, "stage"))})
case("accounts-long-cell", 3, "accounts.csv", "segment --model example --accounts {case}/accounts.csv",
     {"accounts.csv": text(mutate(ACC, 2, "arr", "9" * 5000 + "x"))})

# ---- metrics
M = "metrics.csv"
def met(mid, row, col, value, code=3, fragment=M, status="ok", card="three-axis"):
    case(f"metrics-{mid}", code, fragment, f"score --scorecard {card} --metrics {{case}}/{M}",
         {M: text(mutate(MET, row, col, value))}, status)
met("text-cell", 3, "login_30d", "lots")
met("blank-id", 3, "account_id", "")
met("dup-id", 3, "account_id", MET[1][0], fragment=MET[1][0])
met("suffix-d", 3, "login_30d", "5d", status="ok")
met("nan", 3, "login_30d", "NaN", status="ok")
met("na", 3, "login_30d", "NA", status="ok")
case("metrics-missing-measure-column", 3, "metrics.csv", "score --scorecard three-axis --metrics {case}/metrics.csv",
     {M: text(drop_col(MET, "login_30d"))})
case("metrics-missing-measure-names-card", 3, "three-axis", "score --scorecard three-axis --metrics {case}/metrics.csv",
     {M: text(drop_col(MET, "login_30d"))})
case("metrics-missing-cap-column", 3, "p1_open", "score --scorecard three-axis --metrics {case}/metrics.csv",
     {M: text(drop_col(MET, "p1_open"))})
case("metrics-only-id-column", 3, "metrics.csv", "score --scorecard three-axis --metrics {case}/metrics.csv",
     {M: "".join(r[0] + "\n" for r in MET)})

# ---- events
E = "events.csv"
def evt(mid, row, col, value, code=3, fragment=E, status="ok"):
    case(f"events-{mid}", code, fragment, f"usage --accounts {{base}}/accounts.csv --events {{case}}/{E} --as-of 2026-06-30",
         {E: text(mutate(EVT, row, col, value))}, status)
evt("unknown-account", 5, "account_id", "NOPE1", fragment="events.csv")
evt("blank-account", 5, "account_id", "")
evt("blank-user", 5, "user_id", "", code=0, fragment="-")
evt("blank-type", 5, "event_type", "")
evt("bad-timestamp", 5, "timestamp", "yesterday")
evt("date-only-timestamp", 5, "timestamp", "2026-02-30")
evt("type-collides-builtin", 5, "event_type", "active_days", fragment="events.csv")
evt("timestamp-garbage", 5, "timestamp", "2026-04-02T14:45:12Zgarbage", status="ok")

# ---- milestones
MS = "milestones.csv"
def mil(mid, row, col, value, code=3, fragment=MS, status="ok"):
    case(f"milestones-{mid}", code, fragment,
         f"ttv from-events --events {{case}}/{MS} --start contract_signed --value first_value --as-of 2026-06-30",
         {MS: text(mutate(MIL, row, col, value))}, status)
mil("bad-timestamp", 3, "timestamp", "soon")
mil("blank-account", 3, "account_id", "")
VROW = next(i for i, r in enumerate(MIL) if r[1] == "first_value")
mil("value-before-start", VROW, "timestamp", "2000-01-01T00:00:00Z", fragment=MIL[VROW][0])
case("milestones-misspelt-start", 3, "contract_signd", "ttv from-events --events {base}/milestones.csv --start contract_signd --value first_value --as-of 2026-06-30")
case("milestones-as-of-before-all", 3, "as-of", "ttv from-events --events {base}/milestones.csv --start contract_signed --value first_value --as-of 1990-01-01")
case("milestones-misspelt-value-json", 0, "first_valu", "ttv from-events --events {base}/milestones.csv --start contract_signed --value first_valu --as-of 2026-06-30 --format json")

# ---- durations
D = "durations.csv"
def dur(mid, content, cmds=("km", "cif"), code=3, fragment=D, status="ok"):
    for cmd, args in READERS["durations"]:
        if cmd in cmds:
            case(f"durations-{mid}-{cmd}", code, fragment, args.format(f="{case}/" + D), {D: content}, status)
DL = DUR.splitlines(keepends=True)
dur("negative-time", DL[0] + DL[1].replace(",", ",-", 1) + "".join(DL[2:]), cmds=("km", "cif", "checkin"))
dur("status-7", DL[0] + "".join(DL[1:-1]) + "A00040,3.5,7,40\n", cmds=("km", "cif", "checkin"))
dur("time-text", DL[0] + "A00001,soon,1,30\n" + "".join(DL[2:]), cmds=("km", "cif", "checkin", "payback"))
dur("absurd-1e10", DL[0] + "A00001,1e10,1,30\n" + "".join(DL[2:]), cmds=("km", "cif", "checkin", "payback"), fragment="36500")
dur("nan-time", DL[0] + "A00001,NaN,1,30\n" + "".join(DL[2:]), cmds=("km",), status="ok")
dur("suffix-time", DL[0] + "A00001,5d,1,30\n" + "".join(DL[2:]), cmds=("km",), status="ok")
case("durations-missing-group-column", 3, "cohort", "ttv km --input {case}/d.csv --group-column cohort", {"d.csv": DUR})
case("durations-missing-time-column", 3, "minutes", "ttv km --input {case}/d.csv --time-column minutes", {"d.csv": DUR})
case("durations-all-censored", 0, "-", "ttv km --input {case}/d.csv", {"d.csv": DUR.replace(",1,", ",0,").replace(",2,", ",0,")})
case("durations-km-csv-format", 0, "-", "ttv km --input {case}/d.csv --format csv", {"d.csv": DUR})
case("durations-payback-benefit-file-missing-column", 3, "benefit", "ttv payback --ttv-input {case}/d.csv --benefit-file {case}/b.csv",
     {"d.csv": DUR, "b.csv": "day,value\n1,2\n"})

# ---- outcomes and snapshots
case("outcomes-bad-date", 3, "outcomes.csv", "score validate --snapshots {case}/s.csv --outcomes {case}/outcomes.csv --horizon 365",
     {"s.csv": SNAP, "outcomes.csv": text(mutate(OUT, 3, "renewal_date", "2026-02-30"))})
case("outcomes-churn-garbage", 3, "outcomes.csv", "score validate --snapshots {case}/s.csv --outcomes {case}/outcomes.csv",
     {"s.csv": SNAP, "outcomes.csv": text(mutate(OUT, 3, "churn_date", "2022-12-02Tgarbage"))}, status="ok")
case("snapshots-band-purple", 0, "band \"purple\" is not red", "score validate --snapshots {case}/s.csv --outcomes {case}/o.csv --horizon 365",
     {"s.csv": SNAP.replace(",red,", ",purple,", 1), "o.csv": text(OUT)})
case("snapshots-band-not-in-card", 3, "must name a band of scorecard", "score validate --scorecard three-axis --snapshots {case}/s.csv --outcomes {case}/o.csv --horizon 365",
     {"s.csv": SNAP.replace(",red,", ",purple,", 1), "o.csv": text(OUT)})
case("snapshots-score-text", 3, "s.csv", "score validate --snapshots {case}/s.csv --outcomes {case}/o.csv",
     {"s.csv": SNAP.replace(",20,", ",twenty,", 1).replace("A00001,2026-01-01,27", "A00001,2026-01-01,x"), "o.csv": text(OUT)})
case("snapshots-no-outcome-match", 3, "no snapshot could be judged", "score validate --snapshots {case}/s.csv --outcomes {case}/o.csv",
     {"s.csv": SNAP.replace("A000", "Z000"), "o.csv": text(OUT)})

# ---- configuration files
TA = open(os.path.join(HERE, "..", "..", "..", "..", "..", "scoring", "src", "main", "resources", "dev", "cskit", "scoring", "three-axis.yaml")).read()
TM = open(os.path.join(HERE, "..", "..", "..", "..", "..", "touchmodel", "src", "main", "resources", "dev", "cskit", "touchmodel", "example-touch-model.yaml")).read()
PLAN = open(os.path.join(HERE, "..", "..", "..", "..", "..", "survey", "src", "main", "resources", "dev", "cskit", "survey", "escalation-plan-example.yaml")).read()
SCORE = "score --scorecard {case}/card.yaml --metrics {base}/metrics.csv --as-of 2026-06-30"
def card(mid, content, code=3, fragment="card.yaml", status="ok", name="card.yaml"):
    case(f"scorecard-{mid}", code, fragment, SCORE.replace("card.yaml", name), {name: content}, status)
card("empty", "")
card("not-yaml", "name: [unclosed\n")
card("unknown-field", TA.replace("minCoverage:", "minCoverag:"), fragment="minCoverag")
card("weight-text", TA.replace("weight: 40", "weight: forty"), fragment="weight")
card("weight-negative", TA.replace("weight: 40", "weight: -40"), fragment="weight")
card("no-measures", "name: x\nrevision: 1\nbands: [{name: red, min: 0}]\ncategories: [{id: a, weight: 1}]\nmeasures: []\n")
card("band-min-170", TA.replace("{name: green, min: 70}", "{name: green, min: 170}"), fragment="170")
card("band-unknown-name", TA.replace("{name: green, min: 70}", "{name: purple, min: 70}"), code=0, fragment="-")
card("bands-unordered", TA.replace("[{name: red, min: 0}, {name: yellow, min: 40}, {name: green, min: 70}]", "[{name: red, min: 0}, {name: green, min: 70}, {name: yellow, min: 40}]"), code=3, fragment="bands")
card("unknown-category", TA.replace("category: engagement, weight: 1,\n     rule: {type: linear, points: [[0, 20]", "category: engagment, weight: 1,\n     rule: {type: linear, points: [[0, 20]"), fragment="engagment")
card("unknown-rule-type", TA.replace("type: linear, points: [[0, 0]", "type: linaer, points: [[0, 0]"), fragment="linaer")
card("points-unsorted", TA.replace("[[0, 0], [4, 40], [12, 70], [22, 100]]", "[[0, 0], [12, 70], [4, 40], [22, 100]]"), fragment="points")
card("dup-key", TA.replace("revision: 1\n", "revision: 1\nrevision: 2\n"), fragment="revision")
card("version-text", TA.replace("revision: 1\n", "revision: one\n"), fragment="revision")
# a card's own number is revision; version is its old name, and giving both is an error naming the path
card("version-and-revision", TA.replace("revision: 1\n", "revision: 1\nversion: 1\n"), fragment="is the old name of revision")
card("old-version-only", TA.replace("revision: 1\n", "version: 3\n"), code=0, fragment="-")
card("tab-indent", TA.replace("  - {id: utilization", "\t- {id: utilization"))
card("json-trailing", '{"name": "x"} garbage', name="card.json", fragment="card.json")
card("json-comment", '// a card\n{"name": "x"}', name="card.json", fragment="card.json")
card("measure-string-weight", TA.replace("category: utilization, weight: 2", 'category: utilization, weight: "2"'), fragment="weight")
card("missing-metric-name", TA.replace("metric: login_30d", "metric: logins_30d"), fragment="metrics.csv")
card("missing-metric-names-card", TA.replace("metric: login_30d", "metric: logins_30d"), fragment="logins_30d")
card("anchors-aliases", TA.replace("rule: {type: linear, points: [[0, 20], [2, 70], [4, 100]]}", "rule: {type: linear, points: &pts [[0, 20], [2, 70], [4, 100]]}")
     .replace("rule: {type: linear, points: [[0, 40], [1, 70], [3, 100]]}", "rule: {type: linear, points: *pts}"), code=0, fragment="-")
card("alias-bomb", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
     "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
     "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n")
card("date-invalid", TA + "validFrom: 2026-02-30\n")
card("binary", bytes(range(256)) * 8)
card("wrong-kind-plan", PLAN, fragment="card.yaml")
card("unknown-extension", TA, name="card.txt", fragment="card.txt")
case("scorecard-unknown-builtin", 3, "three-axes", "score --scorecard three-axes --metrics {base}/metrics.csv")
case("scorecard-explain-csv", 2, "--explain", "score --scorecard three-axis --metrics {base}/metrics.csv --format csv --explain --as-of 2026-06-30")

# scorecard sets
SET = "name: s\nrevision: 1\nselectors:\n  - {stage: onboarding, scorecard: onboarding}\ndefault: three-axis\n"
SETCMD = "score --scorecard {case}/set.yaml --metrics {base}/metrics.csv --accounts {base}/accounts.csv --as-of 2026-06-30"
def cset(mid, content, code=3, fragment="set.yaml", args=SETCMD, status="ok"):
    case(f"set-{mid}", code, fragment, args, {"set.yaml": content}, status)
cset("unknown-card", SET.replace("scorecard: onboarding", "scorecard: onbording"), fragment="onbording")
cset("absent-attribute", SET.replace("stage: onboarding", "attribute: {name: tier, equals: gold}"))
cset("no-default", SET.replace("default: three-axis\n", ""))
cset("without-accounts", SET, code=2, args="score --scorecard {case}/set.yaml --metrics {base}/metrics.csv --as-of 2026-06-30", fragment="--accounts")
cset("unknown-field", SET.replace("selectors:", "selector:"), fragment="selector")
cset("version-and-revision", SET.replace("revision: 1\n", "revision: 1\nversion: 1\n"), fragment="not both")
cset("stage-unknown", SET.replace("stage: onboarding", "stage: onbording"), fragment="onbording")

# overrides
OV = "score --scorecard three-axis --metrics {base}/metrics.csv --overrides {case}/ov.yaml --as-of 2026-06-30"
def ov(mid, content, code=3, fragment="ov.yaml", status="ok"):
    case(f"overrides-{mid}", code, fragment, OV, {"ov.yaml": content}, status)
OVOK = "formatVersion: 1\noverrides:\n"
ov("unknown-account", OVOK + "  - {accountId: NOPE1, scope: overall, value: 80, reason: r, author: a, from: 2026-01-01}\n", code=0, fragment="NOPE1")
ov("overlapping-overall", OVOK + "  - {accountId: A00001, scope: overall, value: 80, reason: r, author: a, from: 2026-01-01}\n"
   "  - {accountId: A00001, scope: overall, value: 20, reason: r, author: a, from: 2026-03-01}\n", code=0, fragment="overlaps overrides[0]")
ov("overlapping-same-start", OVOK + "  - {accountId: A00001, scope: overall, value: 80, reason: r, author: a, from: 2026-01-01}\n"
   "  - {accountId: A00001, scope: overall, value: 20, reason: r, author: b, from: 2026-01-01}\n", fragment="ambiguous")
ov("measure-not-in-card", OVOK + "  - {accountId: A00001, scope: measure, target: nosuch, value: 80, reason: r, author: a, from: 2026-01-01}\n", fragment="ov.yaml")
ov("value-text", OVOK + "  - {accountId: A00001, scope: overall, value: high, reason: r, author: a, from: 2026-01-01}\n", fragment="value")
ov("value-150", OVOK + "  - {accountId: A00001, scope: overall, value: 150, reason: r, author: a, from: 2026-01-01}\n", fragment="value")
ov("bad-date", OVOK + "  - {accountId: A00001, scope: overall, value: 80, reason: r, author: a, from: 2026-02-30}\n", fragment="from")
ov("until-before-from", OVOK + "  - {accountId: A00001, scope: overall, value: 80, reason: r, author: a, from: 2026-03-01, until: 2026-01-01}\n")
ov("unknown-scope", OVOK + "  - {accountId: A00001, scope: galaxy, value: 80, reason: r, author: a, from: 2026-01-01}\n", fragment="galaxy")
ov("no-version", "overrides: []\n")
ov("format-version-2", "formatVersion: 2\noverrides: []\n", fragment="formatVersion")
ov("old-version-2", "version: 2\noverrides: []\n", fragment="old name of formatVersion")
ov("old-version-1", "version: 1\noverrides: []\n", code=0, fragment="-")
ov("version-and-format-version", "formatVersion: 1\nversion: 1\noverrides: []\n", fragment="not both")
ov("unknown-field", OVOK + "  - {accountId: A00001, scope: overall, valu: 80, reason: r, author: a, from: 2026-01-01}\n", fragment="valu")

# touch models
SEG = "segment --model {case}/model.yaml --accounts {base}/accounts.csv --as-of 2026-06-30"
def tm(mid, content, code=3, fragment="model.yaml", args=SEG, status="ok"):
    case(f"model-{mid}", code, fragment, args, {"model.yaml": content}, status)
tm("empty", "")
tm("unknown-field", TM.replace("method: rules", "methd: rules"), fragment="methd")
tm("rule-band-crimson", TM.replace("in: [red]", "in: [crimson]"), code=0, fragment="crimson")
tm("pin-unknown-account", TM.replace("account: A00001", "account: NOPE1"), code=0, fragment="NOPE1")
tm("rule-unknown-tier", TM.replace("tier: low\n    when: [{field: arr", "tier: medium\n    when: [{field: arr"), fragment="medium")
tm("capacity-negative", TM.replace("managers: 3", "managers: -3"), fragment="managers")
tm("churn-over-1", TM.replace("churn: 0.12", "churn: 1.5"), fragment="churn")
tm("no-default-rule", TM.replace("  - name: default\n    tier: tech\n", ""), code=0, fragment="-")
tm("hours-text", TM.replace("hoursPerAccountMonth: 8", "hoursPerAccountMonth: eight"), fragment="hoursPerAccountMonth")
tm("uplift-unknown-band", TM.replace("red: 0.30", "crimson: 0.30"), code=0, fragment="crimson")
tm("anchors-aliases", TM.replace("capacity: {managers: 3, hoursPerManager: 120}", "capacity: &cap {managers: 3, hoursPerManager: 120}")
   .replace("capacity: {managers: 5, hoursPerManager: 120}", "capacity: *cap"), code=0, fragment="-")
tm("what-if-bad", TM.replace("method: rules", "methd: rules"), fragment="model.yaml",
   args="capacity --model example --accounts {base}/accounts.csv --what-if {case}/model.yaml")
case("capacity-what-if-csv", 2, "--what-if", "capacity --model example --accounts {base}/accounts.csv --what-if {case}/m.yaml --format csv --as-of 2026-06-30",
     {"m.yaml": TM.replace("managers: 5", "managers: 7")})
case("segment-scores-band-purple", 0, "-", "segment --model example --accounts {base}/accounts.csv --scores {case}/scores.csv",
     {"scores.csv": "account_id,score,band\n" + "".join(f"{r[0]},50,{'purple' if i == 3 else 'yellow'}\n" for i, r in enumerate(ACC[1:]))})
case("segment-scores-text", 3, "scores.csv", "segment --model example --accounts {base}/accounts.csv --scores {case}/scores.csv",
     {"scores.csv": "account_id,score,band\n" + "".join(f"{r[0]},{'fifty' if i == 3 else '50'},yellow\n" for i, r in enumerate(ACC[1:]))})
case("segment-previous-tier-unknown", 3, "previous.csv", "segment --model example --accounts {base}/accounts.csv --previous {case}/previous.csv",
     {"previous.csv": "account_id,tier\n" + "".join(f"{r[0]},{'gold' if i == 3 else 'tech'}\n" for i, r in enumerate(ACC[1:]))})

# survey plans
def plan(mid, content, code=3, fragment="plan.yaml", status="ok"):
    case(f"plan-{mid}", code, fragment, "survey plan --plan {case}/plan.yaml", {"plan.yaml": content}, status)
plan("empty", "")
plan("unknown-field", PLAN.replace("costPerContact: 8", "costPerContct: 8"), fragment="costPerContct")
plan("rate-over-1", PLAN.replace("rate: 0.15", "rate: 1.5"), fragment="rate")
plan("rate-text", PLAN.replace("rate: 0.15", "rate: fifteen"), fragment="rate")
plan("capacity-negative", PLAN.replace("capacity: 200", "capacity: -200"), fragment="capacity")
plan("unknown-tier", PLAN.replace("tiers: [high]", "tiers: [vip]"), fragment="vip")
plan("probability-1", PLAN.replace("probability: 0.9", "probability: 1"), fragment="probability")
plan("no-waves", PLAN.split("waves:")[0] + "waves: []\n", fragment="waves")
plan("unreachable", PLAN.replace("rate: 0.35", "rate: 0.99"), code=0, fragment="-")
plan("version-2", PLAN.replace("formatVersion: 1", "version: 2"), fragment="old name of formatVersion")
plan("format-version-2", PLAN.replace("formatVersion: 1", "formatVersion: 2"), fragment="formatVersion")
# the project file (cskit.yaml): formatVersion, old name version
PROJECT = "formatVersion: 1\ndata: {accounts: accounts.csv, events: events.csv}\n"
def project(mid, content, fragment):
    case(f"project-{mid}", 3, fragment, "run --project {case}/cskit.yaml --as-of 2026-06-30", {"cskit.yaml": content})
project("format-version-2", PROJECT.replace("formatVersion: 1", "formatVersion: 2"), "formatVersion")
project("version-and-format-version", PROJECT.replace("formatVersion: 1", "formatVersion: 1\nversion: 1"), "not both")
tm("format-version-2", TM.replace("formatVersion: 1", "formatVersion: 2"), fragment="formatVersion")
plan("version-and-format-version", PLAN.replace("formatVersion: 1", "formatVersion: 1\nversion: 1"), fragment="not both")
plan("anchors-aliases", PLAN.replace("tiers: [low, high]", "tiers: &lh [low, high]").replace("tiers: [high]", "tiers: *lh"), code=0, fragment="-")
plan("big-string", "formatVersion: 1\nnote: \"" + "x" * 70000 + "\"\n", fragment="plan.yaml")

# ---- flags (exit 2)
def flag(mid, args, fragment):
    files = {}
    if "{case}/s.csv" in args:
        files = {"s.csv": SNAP, "o.csv": text(OUT)}
    if "{case}/d.csv" in args:
        files = {"d.csv": DUR}
    case(f"flag-{mid}", 2, fragment, args, files or None)
flag("usage-as-of-bad", "usage --accounts {base}/accounts.csv --events {base}/events.csv --as-of 2026-02-30", "--as-of")
flag("usage-windows-zero", "usage --accounts {base}/accounts.csv --events {base}/events.csv --as-of 2026-06-30 --windows 0", "--windows")
flag("usage-windows-text", "usage --accounts {base}/accounts.csv --events {base}/events.csv --as-of 2026-06-30 --windows two", "--windows")
flag("usage-zone-bad", "usage --accounts {base}/accounts.csv --events {base}/events.csv --as-of 2026-06-30 --zone Mars/Base", "--zone")
flag("usage-format-bad", "usage --accounts {base}/accounts.csv --events {base}/events.csv --as-of 2026-06-30 --format xml", "--format")
flag("usage-no-as-of", "usage --accounts {base}/accounts.csv --events {base}/events.csv", "--as-of")
flag("score-no-metrics", "score --scorecard three-axis", "--metrics")
flag("score-as-of-bad", "score --scorecard three-axis --metrics {base}/metrics.csv --as-of tomorrow", "--as-of")
flag("validate-horizon-negative", "score validate --snapshots {case}/s.csv --outcomes {case}/o.csv --horizon -5", "--horizon")
flag("validate-confidence-2", "score validate --snapshots {base}/metrics.csv --outcomes {base}/outcomes.csv --confidence 2", "--confidence")
flag("segment-format-bad", "segment --model example --accounts {base}/accounts.csv --format pdf", "--format")
flag("capacity-hours-negative", "capacity --model example --accounts {base}/accounts.csv --hours-per-manager -1", "--hours-per-manager")
flag("km-confidence-2", "ttv km --input {base}/outcomes.csv --confidence 2", "--confidence")
flag("km-quantiles-bad", "ttv km --input {base}/outcomes.csv --quantiles 0,1.5", "--quantiles")
flag("km-conf-type-bad", "ttv km --input {base}/outcomes.csv --conf-type loglog2", "--conf-type")
flag("checkin-threshold-2", "ttv checkin --input {case}/d.csv --threshold 2", "--threshold")
flag("checkin-window-negative", "ttv checkin --input {case}/d.csv --window -1", "--window")
flag("payback-horizon-negative", "ttv payback --daily-benefit 10 --horizon -3", "--horizon")
flag("payback-discount-text", "ttv payback --daily-benefit 10 --discount-rate lots", "--discount-rate")
flag("sample-accounts-zero", "sample --out {tmp}/s --accounts 0", "--accounts")
flag("sample-accounts-text", "sample --out {tmp}/s --accounts many", "--accounts")
flag("survey-rate-successes-over", "survey rate --successes 5 --trials 3", "successes")
flag("survey-rate-confidence-1", "survey rate --successes 1 --trials 3 --confidence 1", "--confidence")
flag("survey-rate-method-bad", "survey rate --successes 1 --trials 3 --method magic", "--method")
flag("survey-nps-negative", "survey nps --promoters -1 --passives 2 --detractors 3", "--promoters")
flag("survey-nps-score-11", "survey nps --scores 3,11", "--scores")
flag("survey-invitations-prob-1", "survey invitations --target 100 --rate 0.2 --probability 1", "--probability")
flag("survey-invitations-rate-2", "survey invitations --target 100 --rate 2", "--rate")
flag("survey-sample-size-margin-0", "survey sample-size --margin 0 --confidence 0.95", "--margin")
flag("survey-margin-population-0", "survey margin --responses 10 --population 0 --confidence 0.95", "--population")
flag("unknown-command", "frobnicate", "frobnicate")
flag("unknown-option", "score --scorecard three-axis --metrics {base}/metrics.csv --colour", "--colour")

# ---- writing files
case("sample-out-is-file", 3, "accounts.csv", "sample --out {case}/accounts.csv --accounts 5", {"accounts.csv": "x\n"})
case("sample-out-file-inside-is-dir", 3, "events.csv", "sample --out {case}/out --accounts 5", {"out/events.csv/keep": "x\n"})
case("sample-out-exists-no-force", 3, "--force", "sample --out {case}/out --accounts 5", {"out/accounts.csv": "mine\n"})
case("sample-out-exists-force", 0, "-", "sample --out {tmp}/out --accounts 5 --force")
SMALLCARD = ("name: small\nrevision: 1\nbands: [{name: red, min: 0}, {name: yellow, min: 40}, {name: green, min: 70}]\n"
    "categories: [{id: u, weight: 1}]\nmeasures:\n"
    "  - {id: logins, metric: login_30d, category: u, weight: 1, rule: {type: linear, points: [[0, 0], [50, 100]]}}\n"
    "  - {id: tickets, metric: open_tickets, category: u, weight: 1, rule: {type: linear, points: [[0, 100], [60, 0]]}}\n")
case("fit-weights-out-is-dir", 3, "next.yaml", "score fit-weights --scorecard {case}/card.yaml --snapshots {case}/s.csv --outcomes {case}/o.csv --horizon 365 --out {case}/next.yaml",
     {"card.yaml": SMALLCARD, "s.csv": SNAP, "o.csv": text(OUT), "next.yaml": None})
case("fit-weights-out-missing-dir", 3, "next.yaml", "score fit-weights --scorecard {case}/card.yaml --snapshots {case}/s.csv --outcomes {case}/o.csv --horizon 365 --out {case}/no/such/dir/next.yaml",
     {"card.yaml": SMALLCARD, "s.csv": SNAP, "o.csv": text(OUT)})
case("fit-weights-ok", 0, "-", "score fit-weights --scorecard {case}/card.yaml --snapshots {case}/s.csv --outcomes {case}/o.csv --horizon 365 --out {tmp}/next.yaml",
     {"card.yaml": SMALLCARD, "s.csv": SNAP, "o.csv": text(OUT)})


with open(os.path.join(HERE, "cases.tsv"), "w") as f:
    f.write("# id\texit\tstatus\tfragment\targs   (generated by make-corpus.py; see its docstring)\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
print(len(rows), "cases")
