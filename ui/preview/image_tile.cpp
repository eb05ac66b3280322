#include "preview/image_tile.h"

#include <QMouseEvent>
#include <QPainter>

namespace lightbox::ui {

ImageTile::ImageTile(const QString& caption, QWidget* parent) : QWidget(parent), caption_(caption) {
  QSizePolicy p(QSizePolicy::Expanding, QSizePolicy::Expanding);
  p.setHeightForWidth(true);
  setSizePolicy(p);
}

void ImageTile::setImage(const QImage& image, double aspect) {
  image_ = image;
  aspect_ = aspect > 0 ? aspect : 1.0;
  message_.clear();
  update();
}

void ImageTile::setCaption(const QString& caption) {
  caption_ = caption;
  update();
}

void ImageTile::setMessage(const QString& message) {
  message_ = message;
  image_ = QImage();
  update();
}

int ImageTile::heightForWidth(int w) const { return int(w / aspect_) + fontMetrics().height() + 8; }

void ImageTile::paintEvent(QPaintEvent*) {
  QPainter p(this);
  const int captionH = fontMetrics().height() + 6;
  p.setPen(palette().color(QPalette::WindowText));
  QFont f = font();
  f.setBold(true);
  p.setFont(f);
  p.drawText(QRect(0, 0, width(), captionH), Qt::AlignHCenter | Qt::AlignVCenter,
             fontMetrics().elidedText(caption_, Qt::ElideMiddle, width()));
  const QRect area(0, captionH, width(), height() - captionH);
  p.fillRect(area, QColor(12, 12, 14));
  if (!message_.isEmpty()) {
    p.setFont(font());
    p.setPen(QColor(230, 190, 120));
    p.drawText(area.adjusted(10, 10, -10, -10), Qt::AlignCenter | Qt::TextWordWrap, message_);
    return;
  }
  if (image_.isNull()) return;
  double w = area.width(), h = w / aspect_;
  if (h > area.height()) {
    h = area.height();
    w = h * aspect_;
  }
  const QRectF target(area.left() + (area.width() - w) / 2.0, area.top() + (area.height() - h) / 2.0, w, h);
  p.setRenderHint(QPainter::SmoothPixmapTransform, w < image_.width());
  p.drawImage(target, image_);
}

void ImageTile::mouseReleaseEvent(QMouseEvent* e) {
  if (e->button() == Qt::LeftButton) Q_EMIT clicked();
}

}  // namespace lightbox::ui
