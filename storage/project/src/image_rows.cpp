#include "image_rows.h"

#include "connection.h"
#include "lightbox/project/arrays.h"
#include "number_text.h"
#include "statement.h"

namespace lightbox::project::detail {

bool isSha256Hex(std::string_view text) {
  if (text.size() != 64) return false;
  for (const char ch : text)
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  return true;
}

ImageRecord readImage(const Connection& c, const Statement& st) {
  ImageRecord r;
  r.id = st.int64(0);
  r.datasetId = st.int64(1);
  ImageMetadata& m = r.meta;
  m.sourcePath = st.text(2);
  m.contentHash = st.text(3);
  m.format = st.text(4);
  m.modality = st.text(5);
  m.studyInstanceUid = st.text(6);
  m.seriesInstanceUid = st.text(7);
  m.sopInstanceUid = st.text(8);
  m.seriesDescription = st.text(9);
  m.channels = st.isNull(10) ? 0 : static_cast<int>(st.int64(10));
  const auto bad = [&](const char* what) {
    return c.error(ErrorKind::Corrupt, "image " + std::to_string(r.id) + " has " + what);
  };
  if (!st.isNull(11)) {
    const auto shape = parseShape(st.text(11), kMaxArrayElements);
    if (!shape) throw bad("a malformed or oversized shape");
    m.shape = *shape;
    const auto geometry = parseGeometry({st.text(12), st.text(13), st.text(14)});
    if (!geometry) throw bad("malformed geometry");
    m.geometry = *geometry;
  }
  const auto status = parseImportStatus(st.text(15));
  if (!status) throw bad("an unknown import status");
  r.status = *status;
  r.error = st.text(16);
  r.excluded = st.int64(17) != 0;
  r.excludedReason = st.text(18);
  r.importedAt = st.text(19);
  return r;
}

void bindMetadata(const Connection& c, Statement& st, int first, const ImageMetadata& m) {
  if (!m.contentHash.empty() && !isSha256Hex(m.contentHash))
    throw c.error(ErrorKind::InvalidArgument,
                  "content hash of '" + m.sourcePath + "' is not 64 lower-case hex digits (SHA-256)");
  int i = first;
  st.bind(i++, m.sourcePath);
  st.bindOrNull(i++, m.contentHash);
  st.bindOrNull(i++, m.format);
  st.bindOrNull(i++, m.modality);
  st.bindOrNull(i++, m.studyInstanceUid);
  st.bindOrNull(i++, m.seriesInstanceUid);
  st.bindOrNull(i++, m.sopInstanceUid);
  st.bindOrNull(i++, m.seriesDescription);
  if (m.channels > 0)
    st.bind(i++, m.channels);
  else
    st.bind(i++, std::nullopt);
  if (m.shape.ndim == 0) {
    for (int k = 0; k < 4; ++k) st.bind(i++, std::nullopt);
    return;
  }
  if (!isFinite(m.geometry))
    throw c.error(ErrorKind::InvalidArgument, "geometry of '" + m.sourcePath + "' is not finite");
  const GeometryText g = formatGeometry(m.geometry);
  st.bind(i, formatShape(m.shape)).bind(i + 1, g.spacing).bind(i + 2, g.origin).bind(i + 3, g.direction);
}

}  // namespace lightbox::project::detail
