#!/usr/bin/env python3
"""Talks to a language server over stdio the way an editor does.

  lsp.py SERVER-COMMAND... -- FILE...

Sends initialize / initialized, opens each FILE (didOpen), waits for the
server's publishDiagnostics of each one, and prints every diagnostic as

  <file basename>:<line>:<col>-<line>:<col>: <severity> [<code>] <message>

(lines and columns from 1, the message's first line), or "<file basename>:
no diagnostics". Then shuts
the server down. Exits non-zero if a file gets no diagnostics in time.
"""
import json
import os
import subprocess
import sys
import time
import select

SEVERITY = {1: "error", 2: "warning", 3: "information", 4: "hint"}


def main():
    sep = sys.argv.index("--")
    server, files = sys.argv[1:sep], [os.path.abspath(f) for f in sys.argv[sep + 1:]]
    root = os.path.dirname(files[0])
    proc = subprocess.Popen(server, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    next_id = [0]
    buf = b""

    def send(method, params, request=False):
        msg = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            next_id[0] += 1
            msg["id"] = next_id[0]
        body = json.dumps(msg).encode()
        proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        proc.stdin.flush()
        return msg.get("id")

    def receive(deadline):
        nonlocal buf
        while True:
            head, sep_, rest = buf.partition(b"\r\n\r\n")
            if sep_:
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                if len(rest) >= length:
                    buf = rest[length:]
                    return json.loads(rest[:length])
            left = deadline - time.time()
            if left <= 0:
                return None
            ready, _, _ = select.select([proc.stdout], [], [], left)
            if not ready:
                return None
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                return None
            buf += chunk

    def uri(path):
        return "file://" + path

    init = send("initialize", {"processId": os.getpid(), "rootUri": uri(root),
                               "capabilities": {"textDocument": {"publishDiagnostics": {}}}},
                request=True)
    deadline = time.time() + 60
    while True:
        msg = receive(deadline)
        if msg is None:
            sys.exit("lsp.py: no answer to initialize")
        if msg.get("id") == init:
            break
    send("initialized", {})
    for path in files:
        lang = "cpp" if path.endswith((".cpp", ".cc")) else "c"
        send("textDocument/didOpen", {"textDocument": {
            "uri": uri(path), "languageId": lang, "version": 1,
            "text": open(path).read()}})

    results = {}
    deadline = time.time() + 120
    while len(results) < len(files):
        msg = receive(deadline)
        if msg is None:
            break
        if msg.get("method") == "textDocument/publishDiagnostics":
            params = msg["params"]
            path = params["uri"][len("file://"):]
            if path in files and path not in results:
                results[path] = params["diagnostics"]
        elif "id" in msg and "method" in msg:
            # A request from the server (workDoneProgress/create): accept it.
            body = json.dumps({"jsonrpc": "2.0", "id": msg["id"], "result": None}).encode()
            proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            proc.stdin.flush()

    status = 0
    for path in files:
        name = os.path.basename(path)
        if path not in results:
            print(f"{name}: no publishDiagnostics in time")
            status = 1
            continue
        diags = sorted(results[path], key=lambda d: (d["range"]["start"]["line"], d["range"]["start"]["character"]))
        if not diags:
            print(f"{name}: no diagnostics")
        for d in diags:
            s, e = d["range"]["start"], d["range"]["end"]
            print(f"{name}:{s['line'] + 1}:{s['character'] + 1}-{e['line'] + 1}:{e['character'] + 1}: "
                  f"{SEVERITY.get(d.get('severity'), '?')} [{d.get('code', '')}] {d['message'].splitlines()[0]}")

    shutdown = send("shutdown", None, request=True)
    deadline = time.time() + 10
    while True:
        msg = receive(deadline)
        if msg is None or msg.get("id") == shutdown:
            break
    send("exit", None)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    sys.exit(status)


if __name__ == "__main__":
    main()
