// Schema version 1, frozen: a released file of version 1 has exactly this. Later versions add a new file
// (schema_v2.cpp, ...) with only their changes; never edit this one. docs/project-file.md explains every column.
// Conventions: times are ISO 8601 UTC text; JSON columns hold text written by Lightbox; blobs come with codec +
// raw_size so that a reader can check sizes before it allocates.

#include "migrations.h"

namespace lightbox::project::detail {

extern const char* const kSchemaV1 = R"SQL(
CREATE TABLE datasets (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  role        TEXT NOT NULL CHECK (role IN ('healthy', 'test', 'blend')),
  preset      TEXT,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE images (
  id                  INTEGER PRIMARY KEY,
  dataset_id          INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  source_path         TEXT NOT NULL,
  content_hash        TEXT CHECK (content_hash IS NULL OR length(content_hash) = 64),
  format              TEXT,
  modality            TEXT,
  study_instance_uid  TEXT,
  series_instance_uid TEXT,
  sop_instance_uid    TEXT,
  series_description  TEXT,
  channels            INTEGER,
  shape               TEXT,
  spacing             TEXT,
  origin              TEXT,
  direction           TEXT,
  status              TEXT NOT NULL CHECK (status IN ('imported', 'failed')),
  error               TEXT,
  excluded            INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1)),
  excluded_reason     TEXT,
  excluded_at         TEXT,
  imported_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (dataset_id, content_hash)
);
CREATE INDEX images_by_status ON images(dataset_id, status);

CREATE TABLE image_files (
  image_id         INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  ordinal          INTEGER NOT NULL,
  path             TEXT NOT NULL,
  content_hash     TEXT,
  sop_instance_uid TEXT,
  PRIMARY KEY (image_id, ordinal)
);
CREATE INDEX image_files_by_hash ON image_files(content_hash);

CREATE TABLE arrays (
  id            INTEGER PRIMARY KEY,
  image_id      INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL,
  dtype         TEXT NOT NULL CHECK (dtype IN ('float32')),
  channels      INTEGER NOT NULL CHECK (channels > 0),
  shape         TEXT NOT NULL,
  spacing       TEXT NOT NULL,
  origin        TEXT NOT NULL,
  direction     TEXT NOT NULL,
  mapping       TEXT NOT NULL DEFAULT '[]',
  codec         TEXT NOT NULL CHECK (codec IN ('zlib')),
  raw_size      INTEGER NOT NULL CHECK (raw_size > 0),
  data          BLOB NOT NULL,
  mask_codec    TEXT CHECK (mask_codec IN ('zlib')),
  mask_raw_size INTEGER,
  mask_data     BLOB,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((mask_data IS NULL) = (mask_codec IS NULL) AND (mask_data IS NULL) = (mask_raw_size IS NULL)),
  UNIQUE (image_id, kind)
);

CREATE TABLE thumbnails (
  image_id INTEGER PRIMARY KEY REFERENCES images(id) ON DELETE CASCADE,
  width    INTEGER NOT NULL CHECK (width > 0),
  height   INTEGER NOT NULL CHECK (height > 0),
  format   TEXT NOT NULL CHECK (format IN ('grey8', 'png')),
  data     BLOB NOT NULL
);

CREATE TABLE ground_truth (
  id          INTEGER PRIMARY KEY,
  image_id    INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('mask', 'boxes')),
  space       TEXT NOT NULL DEFAULT 'original' CHECK (space IN ('original', 'working')),
  source_path TEXT,
  shape       TEXT,
  codec       TEXT CHECK (codec IN ('zlib')),
  raw_size    INTEGER,
  data        BLOB,
  boxes       TEXT,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((kind = 'mask') = (data IS NOT NULL AND shape IS NOT NULL AND codec IS NOT NULL AND raw_size IS NOT NULL)),
  CHECK ((kind = 'boxes') = (boxes IS NOT NULL)),
  UNIQUE (image_id, kind, space)
);

CREATE TABLE task_settings (
  task_key   TEXT PRIMARY KEY,
  params     TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE training_presets (
  name       TEXT PRIMARY KEY,
  params     TEXT NOT NULL,
  builtin    INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE training_runs (
  id               INTEGER PRIMARY KEY,
  name             TEXT,
  preset           TEXT NOT NULL,
  config           TEXT NOT NULL,
  seed             INTEGER NOT NULL,
  status           TEXT NOT NULL DEFAULT 'queued'
                   CHECK (status IN ('queued', 'running', 'paused', 'cancelled', 'failed', 'finished')),
  device           TEXT,
  error            TEXT,
  dataset_id       INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
  blend_dataset_id INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX training_runs_by_dataset ON training_runs(dataset_id);
CREATE INDEX training_runs_by_blend_dataset ON training_runs(blend_dataset_id);

CREATE TABLE run_folds (
  run_id        INTEGER NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
  fold          INTEGER NOT NULL CHECK (fold >= 0),
  train_tasks   TEXT NOT NULL,
  heldout_tasks TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'queued'
                CHECK (status IN ('queued', 'running', 'paused', 'cancelled', 'failed', 'finished')),
  steps_done    INTEGER NOT NULL DEFAULT 0,
  best_step     INTEGER,
  best_value    REAL,
  error         TEXT,
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (run_id, fold)
);

CREATE TABLE run_metrics (
  run_id INTEGER NOT NULL,
  fold   INTEGER NOT NULL,
  step   INTEGER NOT NULL,
  epoch  INTEGER,
  name   TEXT NOT NULL,
  value  REAL NOT NULL,
  PRIMARY KEY (run_id, fold, name, step),
  FOREIGN KEY (run_id, fold) REFERENCES run_folds(run_id, fold) ON DELETE CASCADE
);

CREATE TABLE checkpoints (
  id         INTEGER PRIMARY KEY,
  run_id     INTEGER NOT NULL,
  fold       INTEGER NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('best', 'latest')),
  step       INTEGER NOT NULL,
  epoch      INTEGER,
  state      TEXT NOT NULL DEFAULT '{}',
  codec      TEXT NOT NULL CHECK (codec IN ('none', 'zlib')),
  raw_size   INTEGER NOT NULL,
  data       BLOB NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (run_id, fold, kind),
  FOREIGN KEY (run_id, fold) REFERENCES run_folds(run_id, fold) ON DELETE CASCADE
);

CREATE TABLE thresholds (
  id         INTEGER PRIMARY KEY,
  run_id     INTEGER NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
  folds      TEXT NOT NULL,
  value      REAL NOT NULL,
  source     TEXT NOT NULL CHECK (source IN ('proposed', 'user')),
  details    TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX thresholds_by_run ON thresholds(run_id, folds);

CREATE TABLE predictions (
  id         INTEGER PRIMARY KEY,
  run_id     INTEGER NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
  folds      TEXT NOT NULL,
  image_id   INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
  array_id   INTEGER NOT NULL REFERENCES arrays(id) ON DELETE CASCADE,
  dtype      TEXT NOT NULL CHECK (dtype IN ('float32')),
  channels   INTEGER NOT NULL CHECK (channels > 0),
  shape      TEXT NOT NULL,
  codec      TEXT NOT NULL CHECK (codec IN ('zlib')),
  raw_size   INTEGER NOT NULL CHECK (raw_size > 0),
  data       BLOB NOT NULL,
  scores     TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (run_id, folds, image_id)
);
CREATE INDEX predictions_by_image ON predictions(image_id);
CREATE INDEX predictions_by_array ON predictions(array_id);

CREATE TABLE finding_categories (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  ordinal INTEGER NOT NULL DEFAULT 0
);
INSERT INTO finding_categories (name, ordinal) VALUES
  ('lesion', 1), ('artefact', 2), ('normal variant', 3), ('unsure', 4);

CREATE TABLE findings (
  id                INTEGER PRIMARY KEY,
  prediction_id     INTEGER NOT NULL REFERENCES predictions(id) ON DELETE CASCADE,
  threshold         REAL,
  bbox              TEXT NOT NULL,
  centroid_voxel    TEXT NOT NULL,
  centroid_mm       TEXT NOT NULL,
  size_voxels       INTEGER NOT NULL CHECK (size_voxels >= 0),
  size_mm           REAL NOT NULL,
  max_score         REAL,
  mean_score        REAL,
  slice_index       INTEGER,
  sop_instance_uid  TEXT,
  is_manual         INTEGER NOT NULL DEFAULT 0 CHECK (is_manual IN (0, 1)),
  manual_shape      TEXT CHECK (manual_shape IS NULL OR manual_shape IN ('box', 'ellipse', 'brush')),
  extent_shape      TEXT,
  extent_codec      TEXT CHECK (extent_codec IS NULL OR extent_codec IN ('zlib')),
  extent_raw_size   INTEGER,
  extent_data       BLOB,
  category_id       INTEGER REFERENCES finding_categories(id) ON DELETE SET NULL,
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((extent_data IS NULL) = (extent_codec IS NULL))
);
CREATE INDEX findings_by_prediction ON findings(prediction_id);
CREATE INDEX findings_by_category ON findings(category_id);

CREATE TABLE reviews (
  id         INTEGER PRIMARY KEY,
  finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
  state      TEXT NOT NULL CHECK (state IN ('unreviewed', 'accepted', 'rejected')),
  note       TEXT NOT NULL DEFAULT '',
  reviewer   TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX reviews_by_finding ON reviews(finding_id, id);
CREATE TRIGGER reviews_append_only BEFORE UPDATE ON reviews
BEGIN
  SELECT RAISE(ABORT, 'reviews are append-only: record a new review instead');
END;

CREATE VIEW current_reviews AS
SELECT f.id AS finding_id,
       COALESCE(r.state, 'unreviewed') AS state,
       COALESCE(r.note, '') AS note,
       COALESCE(r.reviewer, '') AS reviewer,
       r.created_at AS reviewed_at,
       r.id AS review_id
FROM findings AS f
LEFT JOIN reviews AS r ON r.id = (SELECT max(id) FROM reviews WHERE finding_id = f.id);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

PRAGMA user_version = 1;
)SQL";

}  // namespace lightbox::project::detail
