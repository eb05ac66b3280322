#include "child_process.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>
#include <string>

namespace lightbox::bench {

nlohmann::json measureInChild(const std::function<nlohmann::json()>& measure) {
  std::fflush(stderr);
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    close(fds[0]);
    std::string report;
    try {
      report = measure().dump();
    } catch (const std::exception& e) {
      report = nlohmann::json{{"error", e.what()}}.dump();
    }
    (void)!write(fds[1], report.data(), report.size());
    _exit(0);
  }
  close(fds[1]);
  std::string text;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fds[0], buffer, sizeof buffer)) > 0) text.append(buffer, size_t(n));
  close(fds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  nlohmann::json j = text.empty() ? nlohmann::json{{"error", "child died"}, {"wait_status", status}}
                                  : nlohmann::json::parse(text);
  j["peak_rss_mib"] = double(usage.ru_maxrss) / 1024.0;
  j["peak_rss_gb"] = double(usage.ru_maxrss) * 1024.0 / 1e9;
  return j;
}

}  // namespace lightbox::bench
