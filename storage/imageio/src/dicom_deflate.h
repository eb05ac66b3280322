#pragma once
// Private to imageio: element lengths of a Deflated Explicit VR Little Endian file, checked before DCMTK parses it.
// DCMTK leaves a value larger than its read limit on disk only when it can seek back to it; through the inflating
// stream it cannot, so it allocates whatever a length field claims first: a 7 KB file declaring a 4 GB element
// costs a 4 GB allocation (found by fuzz/fuzz_dicom). Here the data set is inflated (at most what deflate can
// expand the file to) and every length is compared with the bytes that really follow it.

#include <string>

namespace lightbox::imageio::detail {

/// Throws ImageReadError when the file is deflated and an element (at any nesting depth) declares more bytes than
/// the inflated data set holds after it, or the deflate stream is broken. Files of other transfer syntaxes and
/// files without a meta header are left alone (DCMTK can seek in those and checks lengths itself).
void checkDeflatedLengths(const std::string& path);

}  // namespace lightbox::imageio::detail
