#pragma once
// Ground-truth boxes from a VinDr-CXR style CSV: image_id,class_name,x_min,y_min,x_max,y_max (other columns, such as
// rad_id, are ignored; "No finding" rows carry no box and are skipped).

#include <map>
#include <string>
#include <vector>

namespace lightbox::imageio {

struct GroundTruthBox {
  std::string className;
  double xMin = 0, yMin = 0, xMax = 0, yMax = 0;  ///< pixels of the original image, x = column, y = row
};

struct BoxTable {
  std::map<std::string, std::vector<GroundTruthBox>> boxesByImage;  ///< image_id -> boxes
  std::vector<std::string> imagesWithoutFindings;                   ///< ids seen only with "No finding"
  std::vector<std::string> problems;                                 ///< "line N: reason", rows skipped
};

/// Reads the CSV (RFC 4180 quoting, UTF-8 with or without BOM, LF or CRLF). Rows that cannot be parsed are skipped
/// and listed in `problems`. Throws std::runtime_error naming the file if it cannot be read or lacks a needed column.
BoxTable readBoxCsv(const std::string& path);

/// The same from text already in memory (`name` is used in messages).
BoxTable parseBoxCsv(const std::string& text, const std::string& name);

}  // namespace lightbox::imageio
