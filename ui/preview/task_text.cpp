#include "preview/task_text.h"

#include <QCoreApplication>

namespace lightbox::ui {

namespace {
// The core's English task names and descriptions (core/src/task_settings.cpp), listed here so that lupdate gives
// them translation entries; tests/ui/shell/test_translations checks that every task's text is translated.
// clang-format off
[[maybe_unused]] const char* const kTaskTexts[] = {
  QT_TRANSLATE_NOOP("lightbox::tasks", "Intra-dataset Poisson blending"),
  QT_TRANSLATE_NOOP("lightbox::tasks", "Tissue from another healthy image, seamlessly blended in: anatomy in the wrong place."),
  QT_TRANSLATE_NOOP("lightbox::tasks", "Inter-dataset Poisson blending"),
  QT_TRANSLATE_NOOP("lightbox::tasks", "Texture from a different kind of image, seamlessly blended in: foreign structure such as a tumour."),
  QT_TRANSLATE_NOOP("lightbox::tasks", "Sink deformation"),
  QT_TRANSLATE_NOOP("lightbox::tasks", "Tissue pulled towards a point: atrophy, retraction or a shrinking lesion."),
  QT_TRANSLATE_NOOP("lightbox::tasks", "Source deformation"),
  QT_TRANSLATE_NOOP("lightbox::tasks", "Tissue pushed away from a point: mass effect of a growing lesion or swelling."),
  QT_TRANSLATE_NOOP("lightbox::tasks", "Smooth intensity change"),
  QT_TRANSLATE_NOOP("lightbox::tasks", "A region gently brighter or darker than normal: oedema, hyper- or hypo-intense lesions."),
  QT_TRANSLATE_NOOP("lightbox::tasks", "Cut-paste (extra)"),
  QT_TRANSLATE_NOOP("lightbox::tasks", "A patch of another healthy image pasted with hard edges; easy to spot, not used in the paper."),
  QT_TRANSLATE_NOOP("lightbox::tasks", "Patch interpolation (extra)"),
  QT_TRANSLATE_NOOP("lightbox::tasks", "A patch of another healthy image mixed in with a random opacity; not used in the paper."),
  QT_TRANSLATE_NOOP("lightbox::tasks", "Cutout (extra)"),
  QT_TRANSLATE_NOOP("lightbox::tasks", "A region filled with one constant value, like a dropout artefact; not used in the paper."),
};
// clang-format on
}  // namespace

QString taskTitle(TaskId id) {
  return QCoreApplication::translate("lightbox::tasks", std::string(taskDisplayName(id)).c_str());
}

QString taskBlurb(TaskId id) {
  return QCoreApplication::translate("lightbox::tasks", std::string(taskDescription(id)).c_str());
}

namespace {
struct Text {
  const char* key;
  const char* label;
  const char* help;
};
// clang-format off
const Text kTexts[] = {
  {"min_anomaly_proportion", QT_TRANSLATE_NOOP("lightbox::params", "Smallest anomaly (image fraction)"),
   QT_TRANSLATE_NOOP("lightbox::params", "Lower bound of each axis length, as a fraction of the image side (SPEC 1.1)")},
  {"max_anomaly_proportion", QT_TRANSLATE_NOOP("lightbox::params", "Largest anomaly (image fraction)"),
   QT_TRANSLATE_NOOP("lightbox::params", "Upper bound of each axis length, as a fraction of the image side")},
  {"max_anomalies", QT_TRANSLATE_NOOP("lightbox::params", "Most anomalies per image"),
   QT_TRANSLATE_NOOP("lightbox::params", "1 to this many anomalies are inserted")},
  {"continue_probability", QT_TRANSLATE_NOOP("lightbox::params", "Chance of another anomaly"),
   QT_TRANSLATE_NOOP("lightbox::params", "After each anomaly, another one follows with this probability")},
  {"min_object_overlap", QT_TRANSLATE_NOOP("lightbox::params", "Least overlap with the object"),
   QT_TRANSLATE_NOOP("lightbox::params", "Fraction of the anomaly that must lie on the object (brain) mask")},
  {"label_sigma", QT_TRANSLATE_NOOP("lightbox::params", "Soft label sigma"),
   QT_TRANSLATE_NOOP("lightbox::params", "Width of the flipped Gaussian that turns intensity change into the label (SPEC 2)")},
  {"blend_max_rotation", QT_TRANSLATE_NOOP("lightbox::params", "Patch rotation (radians, ±)"),
   QT_TRANSLATE_NOOP("lightbox::params", "The source patch is rotated by up to this angle per axis pair")},
  {"blend_scale_exponential_mean", QT_TRANSLATE_NOOP("lightbox::params", "Patch scale spread"),
   QT_TRANSLATE_NOOP("lightbox::params", "Scale = 1 + Exp(mean), or its inverse")},
  {"max_source_fraction", QT_TRANSLATE_NOOP("lightbox::params", "Largest source patch (fraction)"),
   QT_TRANSLATE_NOOP("lightbox::params", "The source box may cover at most this fraction of the source image")},
  {"mask_growth_threshold", QT_TRANSLATE_NOOP("lightbox::params", "Mask growth threshold"),
   QT_TRANSLATE_NOOP("lightbox::params", "Voxels whose blended value changed by more than this join the anomaly mask")},
  {"interpolation_min_alpha", QT_TRANSLATE_NOOP("lightbox::params", "Least opacity"),
   QT_TRANSLATE_NOOP("lightbox::params", "Patch interpolation mixes the patch in with opacity drawn from [least, most]")},
  {"interpolation_max_alpha", QT_TRANSLATE_NOOP("lightbox::params", "Most opacity"),
   QT_TRANSLATE_NOOP("lightbox::params", "Upper end of the opacity range")},
  {"min_push_distance", QT_TRANSLATE_NOOP("lightbox::params", "Least push distance (voxels)"),
   QT_TRANSLATE_NOOP("lightbox::params", "How far tissue is moved at least (SPEC 1.6)")},
  {"max_push_distance", QT_TRANSLATE_NOOP("lightbox::params", "Largest push distance (voxels)"),
   QT_TRANSLATE_NOOP("lightbox::params", "How far tissue is moved at most: 5 for brain, 10 for chest X-ray in the paper")},
  {"intensity_scale", QT_TRANSLATE_NOOP("lightbox::params", "Intensity change scale"),
   QT_TRANSLATE_NOOP("lightbox::params", "Magnitude 0.1 + Gamma(3, scale), random sign per channel (SPEC 1.7)")},
  {"ramp_base", QT_TRANSLATE_NOOP("lightbox::params", "Edge ramp base"),
   QT_TRANSLATE_NOOP("lightbox::params", "The change fades in over min(size) x (base + Gamma(shape, scale))")},
  {"ramp_gamma_shape", QT_TRANSLATE_NOOP("lightbox::params", "Edge ramp gamma shape"),
   QT_TRANSLATE_NOOP("lightbox::params", "Shape of the Gamma draw of the fade-in width")},
  {"ramp_gamma_scale", QT_TRANSLATE_NOOP("lightbox::params", "Edge ramp gamma scale"),
   QT_TRANSLATE_NOOP("lightbox::params", "Scale of the Gamma draw of the fade-in width")},
  {"max_placement_attempts", QT_TRANSLATE_NOOP("lightbox::params", "Placement attempts"),
   QT_TRANSLATE_NOOP("lightbox::params", "Draws before placement falls back to the best position seen")},
};
// clang-format on
const Text* find(const std::string& key) {
  for (const Text& t : kTexts)
    if (key == t.key) return &t;
  return nullptr;
}
}  // namespace

QString parameterLabel(const std::string& key) {
  const Text* t = find(key);
  return t ? QCoreApplication::translate("lightbox::params", t->label) : QString::fromStdString(key);
}

QString parameterHelp(const std::string& key) {
  const Text* t = find(key);
  return t ? QCoreApplication::translate("lightbox::params", t->help) : QString();
}

}  // namespace lightbox::ui
