#!/usr/bin/env python3
"""Prints the parts of a SARIF log that the driver tests check, one per line.

usage: sarif.py results LOG      ruleId uri:line:col level [suppressed: why]
       sarif.py fingerprints LOG ruleId fingerprint
       sarif.py notifications LOG
       sarif.py flows LOG        each result's code flow, one step per line
       sarif.py pretty LOG       the whole log, keys sorted, indented
"""
import json
import sys

what, path = sys.argv[1], sys.argv[2]
log = json.load(open(path))
runs = log["runs"]


def where(loc):
    p = loc["physicalLocation"]
    a = p["artifactLocation"]
    r = p.get("region", {})
    base = a.get("uriBaseId", "")
    return "%s%s%s:%s:%s" % (base, "/" if base else "", a["uri"],
                             r.get("startLine", "-"), r.get("startColumn", "-"))


for run in runs:
    if what == "results":
        for res in run.get("results", []):
            line = "%s %s %s" % (res["ruleId"], where(res["locations"][0]),
                                 res.get("level", "-"))
            for s in res.get("suppressions", []):
                line += " [suppressed %s: %s]" % (s["kind"], s.get("justification", ""))
            if "baselineState" in res:
                line += " [" + res["baselineState"] + "]"
            print(line)
    elif what == "fingerprints":
        for res in run.get("results", []):
            print(res["ruleId"], res["partialFingerprints"]["cvetFingerprint/v1"])
    elif what == "notifications":
        for inv in run.get("invocations", []):
            print("executionSuccessful:", json.dumps(inv["executionSuccessful"]))
            for n in inv.get("toolExecutionNotifications", []):
                locs = n.get("locations", [])
                print(n["level"], where(locs[0]) if locs else "-", n["message"]["text"])
    elif what == "flows":
        for res in run.get("results", []):
            print("result", res["ruleId"], where(res["locations"][0]))
            for flow in res.get("codeFlows", []):
                for tf in flow["threadFlows"]:
                    if "message" in tf:
                        print("  thread", tf["message"]["text"])
                    for step in tf["locations"]:
                        l = step["location"]
                        print("  step", where(l), l.get("message", {}).get("text", ""))
    elif what == "pretty":
        print(json.dumps(log, indent=1, sort_keys=True))
    else:
        sys.exit("unknown request " + what)
    if what == "pretty":
        break
