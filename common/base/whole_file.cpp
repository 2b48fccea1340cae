#include "common/base/whole_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace newsdex {

std::optional<std::string> read_whole_file(const std::string& path, std::string& bytes) {
    bytes.clear();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::error_code(errno, std::generic_category()).message();
    char buffer[65536];
    ssize_t n;
    while ((n = ::read(fd, buffer, sizeof buffer)) != 0) {
        if (n > 0) bytes.append(buffer, static_cast<std::size_t>(n));
        else if (errno != EINTR) break;
    }
    const int failure = n < 0 ? errno : 0;
    ::close(fd);
    if (failure == 0) return std::nullopt;
    bytes.clear();
    return std::error_code(failure, std::generic_category()).message();
}

}  // namespace newsdex
