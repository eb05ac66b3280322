#include "curves_csv.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include "lightbox/workflows/curves.h"
#include "lightbox/workflows/review.h"

namespace lightbox::cli {

namespace {

std::string number(double v) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

/// A dataset name as one CSV field (RFC 4180: quoted when it holds a comma, quote or line break).
std::string field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q(1, '"');
  for (char c : s) {
    if (c == '"') q.push_back('"');
    q.push_back(c);
  }
  q.push_back('"');
  return q;
}

}  // namespace

long long writeCurvesCsv(const workflows::EvaluateParams& params, const workflows::EvaluateResult& result,
                         const std::string& path, ProgressSink& progress) {
  std::map<std::string, int64_t> datasetIds;
  for (const auto& d : workflows::loadReviewCatalogue(params.projectPath).datasets) datasetIds[d.name] = d.id;
  const std::string temporary = path + ".tmp";
  long long rows = 0;
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + temporary);
    out << "dataset,folds,level,curve,threshold,x,y,true_positives,false_positives,positives,negatives\r\n";
    for (const auto& d : result.datasets)
      for (const auto& m : d.models) {
        workflows::CurvesParams cp;
        cp.projectPath = params.projectPath;
        cp.runId = result.runId;
        cp.folds = m.folds;
        cp.datasetId = datasetIds.at(d.dataset);
        const auto curves = workflows::computeCurves(cp, progress);
        if (curves.cancelled) throw std::runtime_error("cancelled");
        std::string folds;
        for (int f : m.folds) {
          if (!folds.empty()) folds.push_back(';');
          folds.append(std::to_string(f));
        }
        for (const auto& [level, c] : {std::pair{"sample", &curves.sample}, std::pair{"pixel", &curves.pixel}}) {
          const std::string prefix = field(d.dataset) + "," + folds + "," + level + ",";
          std::string totals(1, ',');  // built by appending: GCC 12 warns (-Wrestrict) falsely on "," + string
          totals.append(std::to_string(c->positives)).append(",").append(std::to_string(c->negatives)).append("\r\n");
          for (const auto& p : c->points) {
            out << prefix << "roc," << number(p.threshold) << "," << number(c->falsePositiveRate(p)) << ","
                << number(c->truePositiveRate(p)) << "," << p.truePositives << "," << p.falsePositives << totals;
            ++rows;
          }
          // PR in sklearn's order: the lowest threshold first, the +inf point (recall 0, precision 1) last.
          for (size_t i = c->points.size(); i-- > 0;) {
            const auto& p = c->points[i];
            out << prefix << "pr," << number(p.threshold) << "," << number(i ? c->recall(p) : 0.0) << ","
                << number(c->precision(p)) << "," << p.truePositives << "," << p.falsePositives << totals;
            ++rows;
          }
        }
      }
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + temporary);
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) throw std::runtime_error("cannot write " + path + ": " + ec.message());
  return rows;
}

}  // namespace lightbox::cli
