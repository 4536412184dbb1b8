#!/usr/bin/env python3
"""Runs the cvet commands of a GitHub Actions workflow, job after job.

usage: workflow.py WORKFLOW.yml CVET   (in the directory of the project)

Of each job, the steps whose `run:` script calls `cvet -p` or `cvet merge`
run under bash -e, once per combination of the job's matrix, with
${{ matrix.X }} and ${{ strategy.job-total }} filled in, $RUNNER_TEMP/bin/cvet
and `cvet` on PATH being CVET, and $GITHUB_ENV a scratch file. Each step is
echoed as "JOB [X=V]: first line of the script".
"""
import itertools
import os
import re
import subprocess
import sys
import tempfile

import yaml

workflow, cvet = sys.argv[1], os.path.abspath(sys.argv[2])
jobs = yaml.safe_load(open(workflow))["jobs"]
runner = tempfile.mkdtemp()
os.makedirs(os.path.join(runner, "bin"))
os.symlink(cvet, os.path.join(runner, "bin", "cvet"))
env = dict(os.environ, RUNNER_TEMP=runner,
           GITHUB_ENV=os.path.join(runner, "env"),
           PATH=os.path.join(runner, "bin") + os.pathsep + os.environ["PATH"])
calls_cvet = re.compile(r'\bcvet"? +(-p\b|merge\b)')

for name, job in jobs.items():
    matrix = (job.get("strategy") or {}).get("matrix") or {}
    keys = list(matrix)
    combos = [dict(zip(keys, values))
              for values in itertools.product(*(matrix[k] for k in keys))]
    for combo in combos or [{}]:
        def fill(m):
            expr = m.group(1).strip()
            if expr == "strategy.job-total":
                return str(len(combos) or 1)
            if expr.startswith("matrix."):
                return str(combo[expr[len("matrix."):]])
            sys.exit(f"workflow.py: cannot fill in '{expr}'")
        for step in job["steps"]:
            script = step.get("run")
            if not script or not calls_cvet.search(script):
                continue
            script = re.sub(r"\$\{\{(.*?)\}\}", fill, script)
            label = " ".join(f"{k}={v}" for k, v in combo.items())
            first = next(line for line in script.splitlines()
                         if calls_cvet.search(line)).strip()
            print(f"{name}{' ' + label if label else ''}: {first}", flush=True)
            result = subprocess.run(["bash", "-e", "-c", script], env=env)
            if result.returncode:
                sys.exit(f"workflow.py: step of {name} failed ({result.returncode})")
