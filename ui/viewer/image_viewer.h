#pragma once
// ImageViewer: the 2D image / 3D volume viewer of the desktop application (issue #6).
// Opens one image of a project through the image_view workflow (original file when reachable, else the
// stored working array) and shows it with window/level, zoom, pan, slice navigation, a value probe and
// orientation labels. Patient coordinates are shown in LPS (DICOM convention), see docs/architecture.md.
#include <QString>
#include <QWidget>

namespace lightbox::ui {

class ImageViewer : public QWidget {
  Q_OBJECT
public:
  explicit ImageViewer(QWidget* parent = nullptr);
  ~ImageViewer() override;

  // Loads image `imageId` of the project at `projectPath`; errors are shown in the viewer itself.
  void openImage(const QString& projectPath, qint64 imageId);

Q_SIGNALS:
  void imageOpened(qint64 imageId);
  void openFailed(const QString& message);
};

} // namespace lightbox::ui
