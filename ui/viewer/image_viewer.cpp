#include "viewer/image_viewer.h"

#include <QLabel>
#include <QVBoxLayout>

namespace lightbox::ui {

ImageViewer::ImageViewer(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("imageViewer"));
  auto* layout = new QVBoxLayout(this);
  auto* label = new QLabel(tr("No image open"), this);
  label->setObjectName(QStringLiteral("viewerStatus"));
  layout->addWidget(label);
}

ImageViewer::~ImageViewer() = default;

void ImageViewer::openImage(const QString& projectPath, qint64 imageId) {
  Q_UNUSED(projectPath);
  Q_EMIT imageOpened(imageId);
}

} // namespace lightbox::ui
