"""Helpers shared by the reliability harnesses: running lightbox-cli, killing it at a chosen moment, and checking
a project file the way a user's next session would find it (docs/reliability.md)."""

import os
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path


class CheckFailed(Exception):
    pass


def run(cmd, timeout=600, **kw):
    """Runs to completion; output captured as text."""
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=timeout, **kw)


def kill_at(cmd, delay, log_path, preexec=None):
    """Starts `cmd`, SIGKILLs it after `delay` seconds unless it ended first. Returns (killed, rc, stdout text,
    seconds it ran).
    stdout goes to a file, not a pipe: a full pipe would stall the child and bias where kills land."""
    t0 = time.monotonic()
    with open(log_path, "wb") as out:
        p = subprocess.Popen([str(c) for c in cmd], stdout=out, stderr=subprocess.STDOUT, preexec_fn=preexec)
        try:
            rc = p.wait(timeout=delay)
            killed = False
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
            rc = p.wait()
            killed = True
    return killed, rc, Path(log_path).read_text(errors="replace"), time.monotonic() - t0


def timed(cmd, timeout=600):
    t0 = time.monotonic()
    r = run(cmd, timeout=timeout)
    return r, time.monotonic() - t0


def expect(cond, what):
    if not cond:
        raise CheckFailed(what)


def connect_ro(project):
    # mode=ro: checking must never be the thing that repairs or changes the file. SQLite still replays a leftover
    # WAL for reading, as the next Lightbox session would.
    return sqlite3.connect(f"file:{project}?mode=ro", uri=True, timeout=30)


def scalar(db, sql, *args):
    return db.execute(sql, args).fetchone()[0]


def check_sqlite(project):
    """The file opens in SQLite, is structurally sound and keeps its foreign keys."""
    db = connect_ro(project)
    try:
        ic = [r[0] for r in db.execute("PRAGMA integrity_check")]
        expect(ic == ["ok"], f"integrity_check: {ic[:5]}")
        fk = db.execute("PRAGMA foreign_key_check").fetchall()
        expect(not fk, f"foreign_key_check: {fk[:5]}")
    finally:
        db.close()


def check_opens(cli, project):
    """The next session can open it: `lightbox-cli info` succeeds (this also recovers a leftover WAL)."""
    r = run([cli, "info", project], timeout=120)
    expect(r.returncode == 0, f"info exit {r.returncode}: {r.stderr.strip()[:300]}")
    check_sqlite(project)


def check_images_complete(project):
    """No half-imported image: every imported image has its arrays (with data) and its thumbnail."""
    db = connect_ro(project)
    try:
        bad = scalar(db, """SELECT count(*) FROM images i WHERE i.status = 'imported' AND (
                              NOT EXISTS (SELECT 1 FROM arrays a WHERE a.image_id = i.id) OR
                              NOT EXISTS (SELECT 1 FROM thumbnails t WHERE t.image_id = i.id))""")
        expect(bad == 0, f"{bad} imported image(s) without arrays or thumbnail")
        bad = scalar(db, "SELECT count(*) FROM arrays WHERE data IS NULL OR length(data) = 0 OR raw_size <= 0")
        expect(bad == 0, f"{bad} array(s) without data")
        bad = scalar(db, "SELECT count(*) FROM thumbnails WHERE length(data) != width * height")
        expect(bad == 0, f"{bad} thumbnail(s) of the wrong size")
        bad = scalar(db, "SELECT count(*) FROM images WHERE status = 'failed' AND (error IS NULL OR error = '')")
        expect(bad == 0, f"{bad} failed image(s) without a reason")
        return scalar(db, "SELECT count(*) FROM images WHERE status = 'imported'")
    finally:
        db.close()


def leftover_temp_files(folder):
    return sorted(p.name for p in Path(folder).iterdir() if p.name.startswith(".") and p.name.endswith(".tmp"))


def fresh_copy(src, dst):
    """A closed project is one file (the last connection checkpoints the WAL); copy exactly that."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
    shutil.copyfile(src, dst)


def mount_works(scratch):
    """Root in a container may or may not be allowed to mount; try once with a tiny tmpfs."""
    probe = Path(scratch) / "mount-probe"
    probe.mkdir(parents=True, exist_ok=True)
    r = run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], timeout=30)
    if r.returncode != 0:
        return False
    run(["umount", probe], timeout=30)
    return True


def cpu_env():
    # One thread each: the harness shares two cores with builds, and fewer threads make kill moments reproducible.
    env = dict(os.environ)
    env.setdefault("OMP_NUM_THREADS", "1")
    return env
