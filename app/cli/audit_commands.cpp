#include "audit_commands.h"

#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "command_errors.h"
#include "int_list.h"
#include "lightbox/workflows/audit.h"
#include "lightbox/workflows/slice_exclusion.h"
#include "terminal_progress.h"

namespace lightbox::cli {

namespace {

struct AuditOptions {
  workflows::AuditParams params;
  std::string folds;
  int top = 0;
  bool json = false;
  bool stored = false;
};

std::string foldList(const std::vector<int>& folds) {
  std::string s;
  for (const int f : folds) s += (s.empty() ? "" : ",") + std::to_string(f);
  return s;
}

std::string imageName(const workflows::AuditImage& i) {
  return i.arrayKind.empty() || i.arrayKind == "preprocessed" ? i.sourcePath : i.sourcePath + " (" + i.arrayKind + ")";
}

/// " (this slice only, since T)" for a slice excluded on its own, so that it is not mistaken for the whole volume.
std::string sliceNote(const workflows::AuditImage& i) {
  if (!i.sliceExcluded || i.imageExcluded) return {};
  return " (this slice only" + (i.excludedAt.empty() ? std::string() : ", since " + i.excludedAt) + ")";
}

/// The rows to show: with --top K the K highest-scoring audited arrays, else every row.
std::vector<const workflows::AuditImage*> shown(const workflows::HealthyAudit& a, int top) {
  std::vector<const workflows::AuditImage*> out;
  for (const auto& i : a.images) {
    if (top > 0 && (!i.audited || int(out.size()) >= top)) continue;
    out.push_back(&i);
  }
  return out;
}

void printJson(const workflows::HealthyAudit& a, int top, const std::string& note) {
  using nlohmann::json;
  json rows = json::array();
  int rank = 0;
  for (const auto* i : shown(a, top)) {
    json r = {{"image_id", i->imageId}, {"path", i->sourcePath}, {"array", i->arrayKind}, {"audited", i->audited},
              {"held_out_by", i->heldOutBy}, {"excluded", i->excluded}, {"excluded_reason", i->excludedReason},
              {"image_excluded", i->imageExcluded}, {"slice_excluded", i->sliceExcluded},
              {"excluded_at", i->excludedAt}};
    if (i->audited) {
      r["rank"] = ++rank;
      r["score"] = i->score;
      r["p75"] = i->p75;
      r["top25_mean"] = i->top25Mean;
      r["voxels_above_threshold"] = i->voxelsAboveThreshold ? json(*i->voxelsAboveThreshold) : json(nullptr);
      r["voxels"] = i->voxels;
    } else {
      r["reason"] = i->reason;
    }
    rows.push_back(std::move(r));
  }
  const json out = {{"run", a.runId},
                    {"folds", a.folds},
                    {"dataset", a.dataset},
                    {"created_at", a.createdAt},
                    {"device", a.device},
                    {"threshold", a.threshold ? json(*a.threshold) : json(nullptr)},
                    {"threshold_source", a.thresholdSource},
                    {"audited", a.audited()},
                    {"excluded", a.excluded()},
                    {"stale_reasons", a.staleReasons},
                    {"warnings", a.warnings},
                    {"note", note},
                    {"images", rows}};
  std::cout << out.dump(2) << '\n';
}

void printText(const workflows::HealthyAudit& a, int top) {
  std::printf("run %lld, folds %s, dataset %s: %lld of %zu healthy arrays audited on the folds that never trained on "
              "them (%s, %s)\n",
              (long long)a.runId, foldList(a.folds).c_str(), a.dataset.c_str(), (long long)a.audited(), a.images.size(),
              a.createdAt.c_str(), a.device.c_str());
  if (a.threshold)
    std::printf("voxels above the model's threshold %.3f (%s)\n", *a.threshold, a.thresholdSource.c_str());
  else
    std::printf("the model has no threshold yet: no voxel counts (run `lightbox-cli threshold`)\n");
  for (const auto& r : a.staleReasons) std::printf("STALE: %s\n", r.c_str());
  for (const auto& w : a.warnings) std::printf("warning: %s\n", w.c_str());
  std::printf("%4s %8s %8s %8s %8s %6s %-9s %s\n", "rank", "score", "p75", "top25", ">thr", "folds", "state", "image");
  int rank = 0;
  for (const auto* i : shown(a, top)) {
    const std::string state = i->excluded ? "excluded" : "included";
    if (!i->audited) {
      std::printf("%4s %8s %8s %8s %8s %6s %-9s %s [id %lld]: not audited: %s%s\n", "-", "", "", "", "", "",
                  state.c_str(), imageName(*i).c_str(), (long long)i->imageId, i->reason.c_str(), sliceNote(*i).c_str());
      continue;
    }
    const std::string above = i->voxelsAboveThreshold ? std::to_string(*i->voxelsAboveThreshold) : "-";
    std::printf("%4d %8.4f %8.4f %8.4f %8s %6s %-9s %s [id %lld]%s%s%s\n", ++rank, i->score, i->p75, i->top25Mean,
                above.c_str(), foldList(i->heldOutBy).c_str(), state.c_str(), imageName(*i).c_str(),
                (long long)i->imageId, i->excluded && !i->excludedReason.empty() ? ": " : "",
                i->excluded ? i->excludedReason.c_str() : "", sliceNote(*i).c_str());
  }
  std::fflush(stdout);
}

int runAudit(AuditOptions& o) {
  o.params.folds = parseIntList(o.folds, "--folds");
  std::string note;
  std::optional<workflows::HealthyAudit> audit;
  if (o.stored || !workflows::auditAvailable()) {
    if (!workflows::auditAvailable())
      note = "this build has no models (LibTorch): showing the stored audit; auditing again needs the models build";
    audit = workflows::loadHealthyAudit(o.params.projectPath, o.params.runId);
    if (!audit) {
      std::cerr << "lightbox-cli audit: run " << o.params.runId << " has no stored audit"
                << (workflows::auditAvailable() ? " (run the audit without --stored)" : "; " + note) << '\n';
      return 1;
    }
  } else {
    TerminalProgress progress;
    audit = workflows::runHealthyAudit(o.params, progress);
    progress.finish();
    if (audit->cancelled) {
      std::cerr << "lightbox-cli audit: cancelled; the stored audit (if any) is unchanged\n";
      return 130;
    }
  }
  if (o.json) {
    printJson(*audit, o.top, note);
  } else {
    if (!note.empty()) std::printf("%s\n", note.c_str());
    printText(*audit, o.top);
  }
  return 0;
}

}  // namespace

void addAuditCommands(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<AuditOptions>();
  auto* audit = app.add_subcommand(
      "audit", "Healthy-set audit: score each healthy image with the folds that never trained on it, highest first");
  audit->add_option("project", o->params.projectPath, "Project file")->required()->check(CLI::ExistingFile);
  audit->add_option("--run", o->params.runId, "Training run")->required()->check(CLI::PositiveNumber);
  audit->add_option("--folds", o->folds, "Folds to audit with (default: every fold with a best checkpoint)");
  audit->add_option("--top", o->top, "Show only the K highest-scoring images")->check(CLI::PositiveNumber);
  audit->add_option("--device", o->params.device, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
  audit->add_option("--threads", o->params.threads, "LibTorch CPU threads")->check(CLI::PositiveNumber);
  audit->add_flag("--stored", o->stored, "Show the stored audit instead of auditing again");
  audit->add_flag("--json", o->json, "Print JSON instead of a table");
  audit->callback([o, &exitCode] { exitCode = guarded("audit", [&] { return runAudit(*o); }); });

  for (const bool exclude : {true, false}) {
    auto imageId = std::make_shared<int64_t>(0);
    auto slice = std::make_shared<int64_t>(-1);
    auto reason = std::make_shared<std::string>();
    auto project = std::make_shared<std::string>();
    const char* name = exclude ? "exclude" : "include";
    auto* cmd = app.add_subcommand(name, exclude ? "Mark an image (or one slice of it) excluded: kept in the project, "
                                                   "left out of later runs"
                                                 : "Include an excluded image (or one slice of it) again in later runs");
    cmd->add_option("project", *project, "Project file")->required()->check(CLI::ExistingFile);
    cmd->add_option("image", *imageId, "Image id (`lightbox-cli list`, `lightbox-cli audit`)")
        ->required()
        ->check(CLI::PositiveNumber);
    cmd->add_option("--slice", *slice,
                    exclude ? "Exclude only this slice of a brain-slices-2d volume (the number in `audit`'s slice:NNNN)"
                            : "Include only this slice again (undoes `exclude --slice`)")
        ->check(CLI::NonNegativeNumber);
    if (exclude) cmd->add_option("--reason", *reason, "Why it is not healthy");
    cmd->callback([=, &exitCode] {
      exitCode = guarded(name, [&] {
        if (*slice >= 0) {
          if (!workflows::setSliceExcluded(*project, *imageId, workflows::sliceKind(*slice), exclude, *reason)) {
            std::printf("slice %lld of image %lld was not excluded: nothing changed\n", (long long)*slice,
                        (long long)*imageId);
            return 0;
          }
          std::printf(exclude ? "slice %lld of image %lld excluded: kept in the project, left out of later training "
                                "runs; the volume's other slices stay in\n"
                              : "slice %lld of image %lld included again in later training runs\n",
                      (long long)*slice, (long long)*imageId);
          return 0;
        }
        workflows::setImageExcluded(*project, *imageId, exclude, *reason);
        std::printf(exclude ? "image %lld excluded: kept in the project, left out of later training runs\n"
                            : "image %lld included again in later training runs\n",
                    (long long)*imageId);
        return 0;
      });
    });
  }
}

}  // namespace lightbox::cli
