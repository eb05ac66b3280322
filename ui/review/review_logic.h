#pragma once
// Presentation logic of the review workspace, free of widgets: colour tables of the heat map and the numbers of its
// legend, the histogram beside the threshold slider, the threshold <-> slider mapping, and the words shown for
// review states. Tested in tests/ui/review/test_review_logic.cpp.

#include <QFontMetrics>
#include <QRgb>
#include <QString>
#include <QStringList>
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "lightbox/workflows/review.h"
#include "viewer/viewer_text.h"  // slice numbers in words: the ranking and the findings table use them

namespace lightbox::ui {

/// The colour maps the viewer knows, by their stored names (settings "heatmap/colour_scale/run/<id>").
QStringList colourMapNames();  ///< "inferno", "viridis", "hot", "grey"
/// 256 colours from the first (low) to the last (high); an unknown name gives inferno.
std::array<QRgb, 256> colourTable(const QString& name);

/// Where a value falls on a colour scale: (v - min) / (max - min), clamped to [0, 1]; 0 when max <= min.
double normalise(double value, double min, double max);

/// "Nice" tick values (1, 2 or 5 times a power of ten) covering [min, max] with at most `maxTicks` ticks, all
/// inside the range; min and max themselves when the range is degenerate.
std::vector<double> legendTicks(double min, double max, int maxTicks = 5);

/// The per-image stretch (explicit toggle): [min, max] of the map's values, widened to at least 1e-6.
std::pair<double, double> stretchRange(std::span<const float> values);

/// Counts of the clipped scores in `bins` equal bins over [0, 1]; the value 1 falls in the last bin.
struct ScoreHistogram {
  std::vector<int64_t> counts;
  int64_t total = 0;
  int64_t above(double threshold) const;  ///< voxels in bins whose lower edge is >= threshold (approximate)
};
ScoreHistogram scoreHistogram(std::span<const float> values, int bins = 50);

/// Threshold slider: integer positions 0..1000 for thresholds 0..1 (the grid the proposal uses, j/1000).
int thresholdToSlider(double threshold);
double sliderToThreshold(int position);

QString decisionText(workflows::ReviewDecision decision);  ///< translated "Accepted", "Rejected", "Unreviewed"

/// How far an image's review has got, for the filter and the state column.
enum class ImageReviewState { NoFindings, NotStarted, InProgress, Done };
ImageReviewState imageReviewState(const workflows::ReviewImage& image);
QString imageReviewStateText(ImageReviewState state);

/// An image's file name for the ranking: the source path's last component, past a "dataset:" prefix the project's
/// own images carry ("review-demo:volume4.nii.gz" -> "volume4.nii.gz", "simulated-lesions:/data/b.nii.gz#slice:0003"
/// -> "b.nii.gz — slice 4", the slice in words as fileAndSliceText gives it); a Windows drive ("C:\x\a.png") is no
/// prefix.
QString imageDisplayName(const std::string& sourcePath);

/// A combo entry as shown: whole up to about 48 average characters, else elided in the middle (the start names it,
/// the end holds the counts); the whole text goes in the entry's tooltip.
QString elideComboText(const QString& text, const QFontMetrics& metrics);

/// "12 of 30 reviewed".
QString progressText(int64_t reviewed, int64_t total);

/// Position text "(x, y, z) mm" and size text "123.4 mm²" / "mm³".
QString positionText(const std::array<double, 3>& mm, int ndim);
QString sizeText(double size, int ndim);

/// Where a finding came from, as the findings table shows it: "✎ manual (box)" for one drawn by hand, "✎ adjusted"
/// for the model's whose extent was redrawn, empty for the model's as found.
QString findingOriginText(const workflows::ReviewFinding& finding);
/// The drawing shape in words ("box", "ellipse", "brush"), translated.
QString manualShapeText(const std::string& shape);

}  // namespace lightbox::ui
