#include "preview/task_preview_panel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace lightbox::ui {

TaskPreviewPanel::TaskPreviewPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("taskPreviewPanel"));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(new QLabel(tr("No image selected"), this));
}

TaskPreviewPanel::~TaskPreviewPanel() = default;

void TaskPreviewPanel::setProject(const QString& projectPath) { Q_UNUSED(projectPath); }
void TaskPreviewPanel::setImage(qint64 imageId) { Q_UNUSED(imageId); }

} // namespace lightbox::ui
