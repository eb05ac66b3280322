#pragma once
// A captioned image that keeps its millimetre aspect when scaled (task preview tiles and gallery thumbnails).

#include <QImage>
#include <QWidget>

namespace lightbox::ui {

class ImageTile : public QWidget {
  Q_OBJECT
 public:
  explicit ImageTile(const QString& caption, QWidget* parent = nullptr);

  /// `aspect` = width / height of the image in mm (pixels may be anisotropic).
  void setImage(const QImage& image, double aspect);
  void setCaption(const QString& caption);
  /// Shown instead of an image (e.g. why a task cannot run).
  void setMessage(const QString& message);
  const QImage& image() const { return image_; }
  const QString& caption() const { return caption_; }

  QSize sizeHint() const override { return {220, 240}; }
  QSize minimumSizeHint() const override { return {90, 100}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int w) const override;

 Q_SIGNALS:
  void clicked();

 protected:
  void paintEvent(QPaintEvent*) override;
  void mouseReleaseEvent(QMouseEvent*) override;

 private:
  QImage image_;
  double aspect_ = 1.0;
  QString caption_, message_;
};

}  // namespace lightbox::ui
