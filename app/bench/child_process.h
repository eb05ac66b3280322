#pragma once
// Measurements in a forked child, so that the peak RSS (wait4's ru_maxrss) is that measurement's alone.

#include <functional>
#include <nlohmann/json.hpp>

namespace lightbox::bench {

/// Runs `measure` in a child process and returns its JSON with "peak_rss_mib" and "peak_rss_gb" added. An exception
/// in the child becomes {"error": what}; a child that dies without reporting gives {"error": "child died"}.
nlohmann::json measureInChild(const std::function<nlohmann::json()>& measure);

}  // namespace lightbox::bench
