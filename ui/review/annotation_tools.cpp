#include "review/annotation_tools.h"

#include <QResizeEvent>
#include <algorithm>

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace lightbox::ui {

AnnotationTools::AnnotationTools(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("annotationTools"));
  group_ = new QButtonGroup(this);
  group_->setExclusive(true);
  auto* row = new QHBoxLayout;
  row->setContentsMargins(0, 0, 0, 0);
  const auto addTool = [&](Tool t, const QString& text, const QString& tip, const char* name) {
    auto* b = new QToolButton(this);
    b->setObjectName(QString::fromLatin1(name));
    b->setText(text);
    b->setToolTip(tip);
    b->setCheckable(true);
    b->setFocusPolicy(Qt::NoFocus);
    group_->addButton(b, int(t));
    row->addWidget(b);
  };
  addTool(Tool::Navigate, tr("Navigate"), tr("The viewer's usual mouse: window/level, zoom, pan"), "toolNavigate");
  addTool(Tool::Box, tr("Box"), tr("Drag a box on the current slice to add a finding the model missed"), "toolBox");
  addTool(Tool::Ellipse, tr("Ellipse"), tr("Drag an ellipse on the current slice to add a finding"), "toolEllipse");
  addTool(Tool::Brush, tr("Brush"),
          tr("Paint a finding on the current slice; Shift or the right button erases (while editing an extent)"),
          "toolBrush");
  group_->button(int(Tool::Navigate))->setChecked(true);
  brush_ = new QSpinBox(this);
  brush_->setObjectName(QStringLiteral("brushSize"));
  brush_->setRange(1, 41);
  brush_->setValue(5);
  brush_->setSuffix(tr(" vx"));
  brush_->setToolTip(tr("Brush diameter in voxels"));
  brush_->setFocusPolicy(Qt::ClickFocus);
  row->addWidget(brush_);
  row->addSpacing(8);
  edit_ = new QToolButton(this);
  edit_->setObjectName(QStringLiteral("editExtentButton"));
  edit_->setText(tr("Edit extent"));
  edit_->setCheckable(true);
  edit_->setFocusPolicy(Qt::NoFocus);
  edit_->setToolTip(tr("Redraw the selected finding: a box or ellipse replaces its region on the current slice, the "
                       "brush adds to it (Shift or right button: erases). Esc stops."));
  row->addWidget(edit_);
  auto* categories = new QPushButton(tr("Categories…"), this);
  categories->setObjectName(QStringLiteral("categoriesButton"));
  categories->setFocusPolicy(Qt::NoFocus);
  categories->setToolTip(tr("Edit the project's list of finding categories"));
  row->addWidget(categories);
  row->addStretch(1);
  hint_ = new QLabel(this);
  hint_->setObjectName(QStringLiteral("annotationHint"));
  // One elided line: a wrapped label here got one line's height beside the viewer and was cut in half.
  hint_->setStyleSheet(QStringLiteral("color:palette(dark);"));
  hint_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(row);
  layout->addWidget(hint_);

  connect(group_, &QButtonGroup::idClicked, this, [this](int id) { setTool(Tool(id)); });
  connect(brush_, &QSpinBox::valueChanged, this, [this] { Q_EMIT changed(); });
  connect(edit_, &QToolButton::toggled, this, [this] { Q_EMIT changed(); });
  connect(categories, &QPushButton::clicked, this, &AnnotationTools::categoriesRequested);
  setCanEdit(false);
}

void AnnotationTools::setTool(Tool tool) {
  tool_ = tool;
  group_->button(int(tool))->setChecked(true);
  brush_->setEnabled(tool == Tool::Brush);
  Q_EMIT changed();
}

int AnnotationTools::brushSize() const { return brush_->value(); }
void AnnotationTools::setBrushSize(int voxels) { brush_->setValue(voxels); }
bool AnnotationTools::editing() const { return edit_->isChecked(); }
void AnnotationTools::setEditing(bool on) { edit_->setChecked(on && edit_->isEnabled()); }

void AnnotationTools::setCanEdit(bool can) {
  edit_->setEnabled(can);
  if (!can) edit_->setChecked(false);
}

std::optional<AnnotationMode> AnnotationTools::mode() const {
  switch (tool_) {
    case Tool::Box: return AnnotationMode{StrokeShape::Rectangle, 0.0};
    case Tool::Ellipse: return AnnotationMode{StrokeShape::Ellipse, 0.0};
    case Tool::Brush: return AnnotationMode{StrokeShape::Brush, 0.5 * double(brushSize())};
    case Tool::Navigate: break;
  }
  return std::nullopt;
}

void AnnotationTools::setHint(const QString& text) {
  hintText_ = text;
  elideHint();
}

void AnnotationTools::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  elideHint();
}

void AnnotationTools::elideHint() {
  const QString shown = hint_->fontMetrics().elidedText(hintText_, Qt::ElideRight, std::max(0, hint_->width()));
  hint_->setText(shown);
  hint_->setToolTip(shown == hintText_ ? QString() : hintText_);
}

}  // namespace lightbox::ui
