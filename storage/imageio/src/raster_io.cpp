// PNG / TIFF / JPEG through OpenCV's imgcodecs; OpenCV stays inside this file.
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "lightbox/imageio/image_reader.h"
#include "lightbox/imageio/png_writer.h"
#include "raster_header.h"
#include "readers.h"

namespace lightbox::imageio {
namespace detail {
namespace {

const char* formatName(Format f) {
  switch (f) {
    case Format::Png: return "PNG";
    case Format::Jpeg: return "JPEG";
    case Format::Tiff: return "TIFF";
    default: return "image";
  }
}

std::vector<uchar> readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw ImageReadError(path, std::string("cannot open: ") + std::strerror(errno));
  const std::streamoff size = in.tellg();
  // A compressed file this large would decode to more than kMaxVoxels anyway.
  if (size > (std::streamoff{1} << 32)) throw ImageReadError(path, "too large: " + std::to_string(size) + " bytes");
  std::vector<uchar> bytes(static_cast<size_t>(size));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(bytes.data()), size);
  if (in.gcount() != size) throw ImageReadError(path, "read error");
  return bytes;
}

// OpenCV stores colour as B, G, R (, A). Grey = ITU-R BT.601 luma, Y = 0.299 R + 0.587 G + 0.114 B, in float and
// without rounding, on the raw sample values (so 16-bit colour keeps its 16-bit range).
void toGrey(const cv::Mat& m, float* out, std::vector<std::string>& warnings) {
  cv::Mat f;
  m.convertTo(f, CV_MAKETYPE(CV_32F, m.channels()));
  const int ch = f.channels();
  if (ch == 2 || ch == 4) warnings.push_back("alpha channel ignored");
  if (ch >= 3) warnings.push_back("colour converted to grey (ITU-R BT.601 luma)");
  for (int r = 0; r < f.rows; ++r) {
    const float* p = f.ptr<float>(r);
    for (int c = 0; c < f.cols; ++c, p += ch)
      *out++ = ch >= 3 ? 0.114f * p[0] + 0.587f * p[1] + 0.299f * p[2] : p[0];
  }
}

}  // namespace

Image readRaster(const std::string& path, Format format, std::vector<std::string>& warnings) {
  const char* name = formatName(format);
  const std::vector<uchar> bytes = readAll(path);
  if (const std::string p = rasterSizeProblem(bytes, format); !p.empty()) throw ImageReadError(path, p);
  cv::Mat m;
  try {
    m = cv::imdecode(bytes, cv::IMREAD_UNCHANGED);
  } catch (const cv::Exception& e) {
    throw ImageReadError(path, std::string("could not decode ") + name + ": " + e.err);
  }
  if (m.empty() || m.dims != 2)
    throw ImageReadError(path, std::string("could not decode ") + name + " (corrupt, truncated or unsupported)");
  if (static_cast<int64_t>(m.rows) * m.cols > kMaxVoxels)
    throw ImageReadError(path, "too large: " + std::to_string(m.rows) + "x" + std::to_string(m.cols) + " pixels");
  if (format == Format::Tiff) {
    try {
      if (cv::imcount(path) > 1) warnings.push_back("multi-page TIFF: only the first page was read");
    } catch (const cv::Exception&) {
      // Counting pages is a courtesy; the first page has been decoded already.
    }
  }
  Image img(1, Shape(m.rows, m.cols));
  toGrey(m, img.data(), warnings);
  return img;
}

}  // namespace detail

void writePng(const std::string& path, int width, int height, int channels, const uint8_t* pixels) {
  writePng(path, width, height, channels, pixels, {});
}

void writePng(const std::string& path, int width, int height, int channels, const uint8_t* pixels,
              const std::vector<Caption>& captions) {
  const auto fail = [&](const std::string& why) { return std::runtime_error("cannot write PNG " + path + ": " + why); };
  if (width <= 0 || height <= 0) throw fail("invalid size " + std::to_string(width) + "x" + std::to_string(height));
  if (channels != 1 && channels != 3) throw fail("channels must be 1 or 3, got " + std::to_string(channels));
  if (!pixels) throw fail("no pixel data");
  std::vector<uchar> encoded;
  try {
    cv::Mat view(height, width, CV_MAKETYPE(CV_8U, channels), const_cast<uint8_t*>(pixels));
    cv::Mat bgr;
    if (channels == 3) cv::cvtColor(view, bgr, cv::COLOR_RGB2BGR);
    cv::Mat target = channels == 3 ? bgr : (captions.empty() ? view : view.clone());
    for (const Caption& caption : captions) {
      std::string ascii = caption.text;
      for (char& ch : ascii)
        if (static_cast<unsigned char>(ch) < 32 || static_cast<unsigned char>(ch) > 126) ch = '?';
      int baseline = 0;
      const double scale = 0.4;
      const cv::Size size = cv::getTextSize(ascii, cv::FONT_HERSHEY_SIMPLEX, scale, 1, &baseline);
      const cv::Point origin(caption.x, caption.y + size.height);
      cv::putText(target, ascii, origin, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar::all(0), 3, cv::LINE_AA);
      cv::putText(target, ascii, origin, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar::all(255), 1, cv::LINE_AA);
    }
    if (!cv::imencode(".png", target, encoded)) throw fail("encoding failed");
  } catch (const cv::Exception& e) {
    throw fail(e.err);
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw fail(std::strerror(errno));
  out.write(reinterpret_cast<const char*>(encoded.data()), static_cast<std::streamsize>(encoded.size()));
  out.close();
  if (!out) throw fail(std::string("write error: ") + std::strerror(errno));
}

}  // namespace lightbox::imageio
