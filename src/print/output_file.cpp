// Temporary files renamed into place.
#include "print/output_file.hpp"

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace sw::print {

std::string temporaryPathFor(const std::string& path) {
    return path + ".tmp-" + std::to_string(::getpid());
}

Status moveIntoPlace(const std::string& tmp, const std::string& path) {
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return Error{path + ": cannot move the file into place (" + ec.message() + ")"};
    }
    return okStatus();
}

Status writeWholeFile(const std::string& path, const std::string& bytes) {
    const std::string tmp = temporaryPathFor(path);
    {
        std::ofstream out(tmp, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            return Error{path + ": cannot write the file (disk full or no permission?)"};
        }
    }
    return moveIntoPlace(tmp, path);
}

} // namespace sw::print
