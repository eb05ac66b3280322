#pragma once
// The review page's drawing tools: Navigate (the viewer's usual mouse), Box, Ellipse, Brush with its size, "Edit
// extent" of the selected finding, and "Categories…". Only widgets and their state; the page decides what a stroke
// does (review_page_annotation.cpp).

#include <QWidget>
#include <optional>

#include "viewer/annotation_hook.h"

class QButtonGroup;
class QLabel;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace lightbox::ui {

class AnnotationTools : public QWidget {
  Q_OBJECT
 public:
  enum class Tool { Navigate, Box, Ellipse, Brush };
  explicit AnnotationTools(QWidget* parent = nullptr);

  Tool tool() const { return tool_; }
  void setTool(Tool tool);
  /// Brush diameter in voxels (1..41).
  int brushSize() const;
  void setBrushSize(int voxels);
  bool editing() const;
  void setEditing(bool on);
  /// Edit extent needs a selected finding.
  void setCanEdit(bool can);
  /// What the viewer's annotation mode is for the tool (nullopt for Navigate).
  std::optional<AnnotationMode> mode() const;
  /// One line under the tools, elided to the width (the whole text in its tooltip).
  void setHint(const QString& text);
  QString hint() const { return hintText_; }

 Q_SIGNALS:
  void changed();  ///< tool, brush size or editing changed
  void categoriesRequested();

 protected:
  void resizeEvent(QResizeEvent* event) override;

 private:
  void elideHint();

  QString hintText_;
  Tool tool_ = Tool::Navigate;
  QButtonGroup* group_ = nullptr;
  QSpinBox* brush_ = nullptr;
  QToolButton* edit_ = nullptr;
  QLabel* hint_ = nullptr;
};

}  // namespace lightbox::ui
